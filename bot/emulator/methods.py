"""The Bot API methods the emulator implements, each checking what Telegram checks.

Parameters arrive decoded and type-checked against api.json (see spec.py); what is left here is
each method's meaning and its own limits.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bot.emulator.errors import ApiError
from bot.emulator.files import StoredFile, Upload
from bot.emulator.markup import check_reply_markup
from bot.emulator.state import ChatState, JsonObject, State, Webhook
from bot.emulator.text import FormattedText, format_caption, format_text, utf16_len

Handler = Callable[[State, dict[str, Any]], Awaitable[Any]]

MAX_INLINE_RESULTS = 50
MAX_RESULT_ID_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_COMMANDS = 100
MAX_UPDATES = 100
MAX_SECRET_TOKEN_LENGTH = 256
DEFAULT_MAX_CONNECTIONS = 40
WEBHOOK_PORTS = frozenset({80, 88, 443, 8443})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
_QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)


@dataclass(frozen=True)
class Implementation:
    run: Handler
    missing: Mapping[str, str] = field(default_factory=dict)
    """Telegram's own wording for some missing required parameters."""
    optional: frozenset[str] = frozenset()
    """Parameters api.json requires that Telegram does without."""


IMPLEMENTED: dict[str, Implementation] = {}


def _implements(
    name: str, optional: frozenset[str] = frozenset(), **missing: str
) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        IMPLEMENTED[name] = Implementation(handler, missing, optional)
        return handler

    return register


@_implements("getMe")
async def get_me(state: State, params: dict[str, Any]) -> JsonObject:
    return {
        **state.bot,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


@_implements("getUpdates")
async def get_updates(state: State, params: dict[str, Any]) -> list[JsonObject]:
    if state.webhook is not None:
        raise ApiError(409, _WEBHOOK_ACTIVE)
    offset: int = params.get("offset", 0)
    limit: int = params.get("limit", MAX_UPDATES)
    if not 1 <= limit <= MAX_UPDATES:
        limit = MAX_UPDATES  # as the Bot API server does, rather than refusing
    if "allowed_updates" in params:
        state.allowed_updates = frozenset(params["allowed_updates"]) or None
    # An offset confirms, and so forgets, every update below it; a negative one all but the
    # last few. An update redelivered on purpose has not been seen since: no offset covers it.
    if offset > 0:
        state.updates = [u for u in state.updates if u.update_id >= offset or u.redelivered]
        if offset > state.confirmed_offset:
            state.confirmed_offset = offset
            state.pulse.fire()
    elif offset < 0:
        state.updates = state.updates[offset:]
    deadline = asyncio.get_running_loop().time() + params.get("timeout", 0)
    while True:
        # Telegram keeps no update of a kind the bot has not asked for.
        state.updates = state.pending()
        remaining = deadline - asyncio.get_running_loop().time()
        if state.updates or state.closing or remaining <= 0:
            break
        await state.pulse.wait(remaining)
        if state.webhook is not None:
            raise ApiError(409, "Conflict: terminated by setWebhook request")
    batch = state.updates[:limit]
    state.handed_over(batch)
    return [copy.deepcopy(entry.update) for entry in batch]


# Without a URL (or with an empty one) setWebhook removes the webhook, as deleteWebhook does.
@_implements("setWebhook", optional=frozenset({"url"}))
async def set_webhook(state: State, params: dict[str, Any]) -> bool:
    url: str | None = params.get("url")
    if url is None:
        _remove_webhook(state, params)
        return True
    _check_webhook_url(url)
    secret: str | None = params.get("secret_token") or None
    if secret is not None and len(secret) > MAX_SECRET_TOKEN_LENGTH:
        raise ApiError.bad_request("secret token is too long")
    if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
        raise ApiError.bad_request("secret token contains unallowed characters")
    if "allowed_updates" in params:
        state.allowed_updates = frozenset(params["allowed_updates"]) or None
    if params.get("drop_pending_updates"):
        state.updates.clear()
    max_connections = params.get("max_connections", DEFAULT_MAX_CONNECTIONS)
    state.webhook = Webhook(url, secret, max_connections)
    state.pulse.fire()
    return True


def _check_webhook_url(url: str) -> None:
    """Telegram's rules, except that plain HTTP to this machine is allowed, for tests."""
    parts = urlsplit(url)
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return
    if parts.scheme != "https" or not parts.hostname:
        raise ApiError.bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    try:
        port = parts.port or 443
    except ValueError:  # not a number, or out of range
        port = 0
    if port not in WEBHOOK_PORTS:
        raise ApiError.bad_request(
            "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
        )


@_implements("deleteWebhook")
async def delete_webhook(state: State, params: dict[str, Any]) -> bool:
    _remove_webhook(state, params)
    return True


def _remove_webhook(state: State, params: dict[str, Any]) -> None:
    state.webhook = None
    if params.get("drop_pending_updates"):
        state.updates.clear()
    state.pulse.fire()


@_implements("getWebhookInfo")
async def get_webhook_info(state: State, params: dict[str, Any]) -> JsonObject:
    webhook = state.webhook
    info: JsonObject = {
        "url": "" if webhook is None else webhook.url,
        "has_custom_certificate": False,
        "pending_update_count": len(state.pending()),
    }
    if webhook is None:
        return info
    if webhook.last_error_date is not None:
        info["last_error_date"] = webhook.last_error_date
        info["last_error_message"] = webhook.last_error_message
    info["max_connections"] = webhook.max_connections
    if state.allowed_updates is not None:
        info["allowed_updates"] = sorted(state.allowed_updates)
    return info


@_implements("sendMessage", chat_id="chat_id is empty", text="message text is empty")
async def send_message(state: State, params: dict[str, Any]) -> JsonObject:
    chat = state.chat(params["chat_id"])
    text = format_text(params["text"], params.get("parse_mode"), params.get("entities"))
    return _send(state, chat, params, text, link_preview_options=params.get("link_preview_options"))


@_implements(
    "sendDocument", chat_id="chat_id is empty", document="there is no document in the request"
)
async def send_document(state: State, params: dict[str, Any]) -> JsonObject:
    chat = state.chat(params["chat_id"])
    document = _document(state, params["document"])
    caption = format_caption(
        params.get("caption", ""), params.get("parse_mode"), params.get("caption_entities")
    )
    message = _send(
        state,
        chat,
        params,
        document=document.document(),
        caption=caption.text or None,
        caption_entities=caption.entities or None,
    )
    # Only a file that went out in a message has a file_id the bot can send again.
    state.files[document.file_id] = document
    return message


def _document(state: State, sent: Upload | str) -> StoredFile:
    """The file a sendDocument sends: uploaded now, or one sent before by its file_id."""
    if isinstance(sent, Upload):
        if not sent.content:
            raise ApiError.bad_request("file must be non-empty")
        file_id, file_unique_id = state.new_file_ids("document")
        return StoredFile(file_id, file_unique_id, sent.filename, sent.content)
    known = state.files.get(sent)
    if known is None:
        # Telegram would fetch an HTTP URL; the emulator, offline, knows none.
        raise ApiError.bad_request("wrong file identifier/HTTP URL specified")
    return known


def _send(
    state: State,
    chat: ChatState,
    params: dict[str, Any],
    text: FormattedText | None = None,
    **content: Any,
) -> JsonObject:
    """Send the bot's new message to `chat`: its `text` or other `content`, with the keyboard
    and reply the send* method's `params` ask for; a copy of the message sent."""
    markup = params.get("reply_markup")
    if markup is not None:
        check_reply_markup(markup)
    message = state.add_message(
        chat,
        state.bot,
        text,
        reply_to_message=_replied_message(chat, params.get("reply_parameters")),
        reply_markup=markup,
        **content,
    )
    return copy.deepcopy(message)


def _replied_message(chat: ChatState, reply: JsonObject | None) -> JsonObject | None:
    if reply is None:
        return None
    if reply.get("chat_id", chat.chat["id"]) != chat.chat["id"]:
        raise ApiError.bad_request("replies to messages in other chats are unsupported by emulator")
    message = chat.messages.get(reply["message_id"])
    if message is None:
        if reply.get("allow_sending_without_reply"):
            return None
        raise ApiError.bad_request("message to be replied not found")
    # Telegram does not nest replies: the replied-to message comes without its own.
    return {key: value for key, value in message.items() if key != "reply_to_message"}


@_implements("editMessageText")
async def edit_message_text(state: State, params: dict[str, Any]) -> JsonObject:
    message = _message_to_edit(state, params)
    if "text" not in params:  # optional in api.json, as rich_message may replace it
        raise ApiError.bad_request("message text is empty")
    if "text" not in message:  # a document's caption is edited by editMessageCaption
        raise ApiError.bad_request("there is no text in the message to edit")
    text = format_text(params["text"], params.get("parse_mode"), params.get("entities"))
    return _edit(message, text, params.get("reply_markup"))


@_implements("editMessageReplyMarkup")
async def edit_message_reply_markup(state: State, params: dict[str, Any]) -> JsonObject:
    return _edit(_message_to_edit(state, params), None, params.get("reply_markup"))


def _message_to_edit(state: State, params: dict[str, Any]) -> JsonObject:
    if "inline_message_id" in params:
        # The emulator never sends messages via inline mode, so it knows no inline message.
        raise ApiError.bad_request("MESSAGE_ID_INVALID")
    if "chat_id" not in params:
        raise ApiError.bad_request("chat_id is empty")
    if "message_id" not in params:
        raise ApiError.bad_request("message identifier is not specified")
    message = state.chat(params["chat_id"]).messages.get(params["message_id"])
    if message is None:
        raise ApiError.bad_request("message to edit not found")
    if message["from"]["id"] != state.bot["id"]:
        raise ApiError.bad_request("message can't be edited")
    return message


def _edit(message: JsonObject, text: FormattedText | None, markup: JsonObject | None) -> JsonObject:
    """Apply an edit of the text (None: the content stays as it is) and keyboard; as in
    Telegram, an edit without reply_markup removes the keyboard."""
    if markup is not None:
        check_reply_markup(markup)
    current = (message.get("text"), message.get("entities", []), message.get("reply_markup"))
    edited = (
        (current[0], current[1], markup) if text is None else (text.text, text.entities, markup)
    )
    if edited == current:
        raise ApiError.bad_request(_NOT_MODIFIED)
    if text is not None:
        message["text"] = text.text
        _set(message, "entities", text.entities or None)
    _set(message, "reply_markup", markup)
    message["edit_date"] = int(time.time())
    return copy.deepcopy(message)


def _set(message: JsonObject, key: str, value: Any) -> None:
    """Set an optional field of a message; None leaves it out, as Telegram does."""
    if value is None:
        message.pop(key, None)
    else:
        message[key] = value


@_implements("answerCallbackQuery")
async def answer_callback_query(state: State, params: dict[str, Any]) -> bool:
    if params["callback_query_id"] not in state.open_callback_queries:
        raise ApiError.bad_request(_QUERY_TOO_OLD)
    if utf16_len(params.get("text", "")) > MAX_CALLBACK_ANSWER_LENGTH:
        raise ApiError.bad_request("MESSAGE_TOO_LONG")
    state.open_callback_queries.remove(params["callback_query_id"])
    return True


@_implements("answerInlineQuery")
async def answer_inline_query(state: State, params: dict[str, Any]) -> bool:
    if params["inline_query_id"] not in state.open_inline_queries:
        raise ApiError.bad_request(_QUERY_TOO_OLD)
    results: list[JsonObject] = params["results"]
    if len(results) > MAX_INLINE_RESULTS:
        raise ApiError.bad_request("RESULTS_TOO_MUCH")
    ids = [result["id"] for result in results]
    if any(not 1 <= len(id_.encode()) <= MAX_RESULT_ID_BYTES for id_ in ids):
        raise ApiError.bad_request("RESULT_ID_INVALID")
    if len(set(ids)) != len(ids):
        raise ApiError.bad_request("RESULT_ID_DUPLICATE")
    for result in results:
        content = result.get("input_message_content", {})
        if "message_text" in content:
            format_text(content["message_text"], content.get("parse_mode"), content.get("entities"))
        if "reply_markup" in result:
            check_reply_markup(result["reply_markup"])
    state.open_inline_queries.remove(params["inline_query_id"])
    return True


@_implements("sendChatAction", chat_id="chat_id is empty")
async def send_chat_action(state: State, params: dict[str, Any]) -> bool:
    state.chat(params["chat_id"])
    if params["action"] not in CHAT_ACTIONS:
        raise ApiError.bad_request("wrong parameter action in request")
    return True


# An administrator as Telegram describes one the bot did not promote: may manage, not edit.
_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}


@_implements("getChatMember", chat_id="chat_id is empty")
async def get_chat_member(state: State, params: dict[str, Any]) -> JsonObject:
    chat = state.chat(params["chat_id"])
    user = state.users.get(params["user_id"])
    if user is None:
        raise ApiError.bad_request("user not found")
    if chat.owner_id is not None and chat.owner_id != user["id"]:
        raise ApiError.bad_request("member not found")
    if user["id"] in chat.admin_ids:
        return {"status": "administrator", "user": user, **_ADMIN_RIGHTS}
    return {"status": "member", "user": user}


def _commands_key(params: dict[str, Any]) -> str:
    scope = params.get("scope", {"type": "default"})
    return json.dumps([scope, params.get("language_code", "")], sort_keys=True)


@_implements("setMyCommands")
async def set_my_commands(state: State, params: dict[str, Any]) -> bool:
    commands: list[JsonObject] = params["commands"]
    if len(commands) > MAX_COMMANDS:
        raise ApiError.bad_request("BOT_COMMANDS_TOO_MUCH")
    for command in commands:
        if not _COMMAND.fullmatch(command["command"]):
            raise ApiError.bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(command["description"]) <= 256:
            raise ApiError.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    state.commands[_commands_key(params)] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@_implements("getMyCommands")
async def get_my_commands(state: State, params: dict[str, Any]) -> list[JsonObject]:
    return copy.deepcopy(state.commands.get(_commands_key(params), []))


@_implements("deleteMyCommands")
async def delete_my_commands(state: State, params: dict[str, Any]) -> bool:
    state.commands.pop(_commands_key(params), None)
    return True
