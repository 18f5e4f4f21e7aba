"""/start and /help: what the bot does and how to use it, or the paragraph a link points to."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.addresses import HELP_PAYLOAD, parse_address
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES
from bot.features.paragraphs import open_address
from bot.features.sending import send
from bot.features.settings import reports_for
from bot.replies import render
from bot.replies.render import Reply


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("start", start, NEW_MESSAGES))
    application.add_handler(CommandHandler("help", help_command, NEW_MESSAGES))


async def start(update: Update, context: BotContext) -> None:
    payload = context.args[0] if context.args else None
    target = parse_address(payload)
    t = context.texts
    if target is not None and await open_address(context, t, update.effective_chat, target):
        return
    unknown = payload and payload != HELP_PAYLOAD
    prefix = render.unknown_link(t) + "\n\n" if unknown else ""
    await _help(update, context, prefix)


async def help_command(update: Update, context: BotContext) -> None:
    await _help(update, context)


async def _help(update: Update, context: BotContext, prefix: str = "") -> None:
    t = context.texts
    reports = await reports_for(t, context.services.library)
    await send(context, update.effective_chat, [Reply(prefix + render.help_text(t, reports))])
