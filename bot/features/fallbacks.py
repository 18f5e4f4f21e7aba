"""What no feature handles: unknown commands, buttons the bot no longer knows, and failures.

Added last, so that they take only what is left. A failure gets an apology in its chat, and the
operators are told.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES, addressed_to_me
from bot.features.sending import send
from bot.replies import render
from bot.replies.render import Reply
from bot.services.updates import answer_in_time

log = logging.getLogger(__name__)


def add_handlers(application: BotApplication) -> None:
    application.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, unknown_command))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_error_handler(failed)


async def unknown_command(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or not addressed_to_me(message, context.bot.username):
        return
    await send(context, update.effective_chat, [Reply(render.unknown_command(context.texts))])


async def stale_button(update: Update, context: BotContext) -> None:
    """A button whose data no feature's pattern matches: from an older bot, or forged."""
    if update.callback_query is not None:
        await answer_in_time(update.callback_query.answer(render.stale_button(context.texts)))


async def failed(update: object, context: BotContext) -> None:
    if isinstance(context.error, Forbidden):
        # Blocked by the user or removed from the group: nothing more can reach that chat.
        log.warning("a chat refused the bot's message: %s", context.error.message)
        return
    # The exception, never the message that caused it: users' words stay out of the logs.
    log.error("handling an update failed", exc_info=context.error)
    if context.error is not None:
        await context.services.alerts.notify(context.bot, context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        text = render.something_went_wrong(context.texts)
        with contextlib.suppress(TelegramError):  # the apology is best effort
            await update.effective_chat.send_message(text)
