"""The bot's replies on their way: new messages, edits in place, and the answers to buttons.

A group that became a supergroup meanwhile takes its settings along.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from telegram import Chat, Message, Update
from telegram.error import BadRequest, ChatMigrated

from bot.context import BotContext
from bot.replies import render
from bot.replies.i18n import Texts
from bot.replies.render import Reply
from bot.services.updates import answer_in_time

Pressed = TypeVar("Pressed")


async def send(context: BotContext, chat: Chat | None, replies: Sequence[Reply]) -> None:
    if chat is None:
        return
    chat_id = chat.id
    for reply in replies:
        chat_id = await _send_one(context, chat_id, reply)


async def _send_one(context: BotContext, chat_id: int, reply: Reply) -> int:
    """Send `reply`; return the id of the chat it went to, which is new if the group has
    become a supergroup meanwhile (Telegram then refuses, naming the new chat)."""
    try:
        await context.bot.send_message(chat_id, reply.text, reply_markup=reply.keyboard)
    except ChatMigrated as moved:
        await move_settings(context, chat_id, moved.new_chat_id)
        chat_id = moved.new_chat_id
        await context.bot.send_message(chat_id, reply.text, reply_markup=reply.keyboard)
    return chat_id


async def move_settings(context: BotContext, old: int, new: int) -> None:
    """A group became a supergroup: its settings, topics and collection go with it."""
    # Only settings that exist are moved: moving an empty entry would erase the new one's.
    if context.application.chat_data.get(old):
        context.application.migrate_chat_data(old_chat_id=old, new_chat_id=new)
    await asyncio.to_thread(context.services.store.move_chat, old, new)


async def replace(context: BotContext, message: Message, replies: Sequence[Reply]) -> None:
    """Show `replies` in place of `message`, so that browsing does not flood a group."""
    if len(replies) > 1:
        # A text too long for one message cannot replace a single one in place.
        await send(context, message.chat, replies)
        return
    (reply,) = replies
    # Pressed twice: Telegram refuses an edit that changes nothing. PTB gives the text back
    # with quotes escaped as entities, where our HTML leaves them as they are.
    unchanged = html.unescape(message.text_html) == html.unescape(reply.text)
    if unchanged and message.reply_markup == reply.keyboard:
        return
    try:
        await message.edit_text(reply.text, reply_markup=reply.keyboard)
    except BadRequest as error:
        if "not modified" in error.message:
            return
        if "not found" not in error.message:
            raise
        await send(context, message.chat, replies)


async def answer_button(
    update: Update,
    t: Texts,
    parse: Callable[[str | None], Pressed | None],
    press: Callable[[Message, Pressed], Awaitable[str | None]],
) -> None:
    """Answer a button: `press` acts on the message the button is under, given what `parse`
    reads in its callback data, and says what to show under the button, if anything. A button
    under a message the bot can no longer see, or with data `parse` refuses, is stale."""
    query = update.callback_query
    if query is None:
        return
    message = query.message if isinstance(query.message, Message) else None
    pressed = parse(query.data)
    if message is None or pressed is None:
        notice: str | None = render.stale_button(t)
    else:
        notice = await press(message, pressed)
    await answer_in_time(query.answer(notice))
