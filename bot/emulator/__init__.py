"""A Telegram Bot API emulator: the real Bot API over HTTP on loopback, for one bot.

The bot (python-telegram-bot, or any client) is pointed at `Emulator.base_url`; tests and the
sandbox play the users through the `Emulator` object in the same process and watch every call
the bot makes (`Emulator.calls`).

What it speaks:

- `POST` (or `GET`) `/bot<token>/<method>`, the method name in any case, with form-encoded,
  multipart or JSON parameters; answers `{"ok": true, "result": …}` or
  `{"ok": false, "error_code": N, "description": "…"}` with HTTP status N, as Telegram does.
- A wrong token is 401 `Unauthorized`; a method api.json does not have is 404 `Not Found`.
- A method api.json has but the emulator does not implement is 501, described as
  `Not Implemented: the emulator does not implement <method>`: a gap in the emulator, not a
  mistake of the bot. Implemented: getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
  sendMessage, sendDocument, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
  answerInlineQuery, sendChatAction, getChatMember, setMyCommands, getMyCommands,
  deleteMyCommands.
- Parameters are checked against `spec/api.json` (Telegram's API description, MIT licence
  beside it): required ones present, values of the right type, objects checked recursively.
  Unknown parameters are ignored, as Telegram ignores them. Each method then applies Telegram's
  own limits and wording (see methods.py).
- parse_mode HTML is parsed strictly (see html.py); Markdown and MarkdownV2 are refused with
  400 as unsupported by the emulator.
- Files (see files.py): sendDocument takes the document as a multipart file part, named after
  the parameter or by `attach://<part>`, or as the file_id of a document the bot sent before.
  An empty file is refused, an upload over 50 MB is 413 `Request Entity Too Large`, and a
  caption is read as message text is, up to 1024 characters. The sent Message carries the
  Document (file_id, file_unique_id, file_name, the MIME type its extension gives, file_size);
  `Emulator.file(file_id)` gives back the bytes sent.
- Updates reach the bot by getUpdates or, once setWebhook has set a webhook, by POSTs to it
  (see delivery.py); meanwhile getUpdates is 409 Conflict, as on Telegram.

- Failures on demand (`Emulator.fail_next`): the next calls of a method, or only those for one
  chat, answer 429 with retry_after, 403, 5xx or any 4xx, and/or come late (`hang`), or have
  their connection reset (`reset`), in Telegram's words; `clear_faults` forgets those still
  planned. A 502 body is JSON here, where Telegram's front end sends an HTML page (PTB raises
  the same NetworkError for both). `go_down` and `come_back`: the server goes away (open
  connections cut, new ones refused) and returns on the same port. `arrivals` lists every
  request as it arrives, answered or not.
- Updates of every kind a bot meets: text, buttons, inline queries, stickers, photos, members
  joining and leaving, edits, channel posts, the bot's own membership (`set_bot_status`; a chat
  that blocked or removed the bot then refuses it with 403), a basic group upgraded to a
  supergroup (`migrate_to_supergroup`; the old id then answers 400 with migrate_to_chat_id).
  getUpdates forgets what an offset confirms, exactly as Telegram; `deliver` hands an update
  over again (a duplicate) and `withhold` keeps one back to deliver after later ones.

Known simplifications: no inline-mode messages or group privacy mode (every group message
reaches the bot); of files, only documents the bot sends, without thumbnails or getFile, and no
URL is fetched (the emulator is offline: a URL is a wrong file identifier); the file_ids of
users' photos and stickers are not files that can be sent again; the entities Telegram detects
by itself (commands, URLs, mentions…) are marked only in users' messages, and only bot commands.
Webhooks: besides HTTPS URLs (on ports 80, 88, 443 or 8443, as Telegram requires), setWebhook
accepts plain HTTP to this machine (`http://127.0.0.1:<any port>/…`, `localhost`, `[::1]`), so
tests need no certificate; a certificate and ip_address are ignored; updates go one at a time
whatever max_connections says; an undeliverable update is dropped after a few tries within a
second, not kept for a day; a method call in the webhook's response is not performed.
"""

from bot.emulator.control import Emulator
from bot.emulator.state import Call

__all__ = ["Call", "Emulator"]
