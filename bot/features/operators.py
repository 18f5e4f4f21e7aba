"""/status, for the bot's operators (REPORTBOT_ADMIN_IDS) only: the index, time up, failures."""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES, addressed_to_me
from bot.features.sending import send
from bot.replies import render
from bot.replies.render import Reply


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("status", status, NEW_MESSAGES))


async def status(update: Update, context: BotContext) -> None:
    user, message = update.effective_user, update.effective_message
    t = context.texts
    services = context.services
    if user is None or user.id not in services.operators:
        # In a group, a bare /status may be meant for another bot there.
        if message is not None and addressed_to_me(message, context.bot.username):
            await send(context, update.effective_chat, [Reply(render.operators_only(t))])
        return
    reports = await asyncio.to_thread(services.library.reports)
    text = render.status(
        t,
        reports,
        uptime=dt.timedelta(seconds=services.clock() - services.started),
        chats=sum(1 for data in context.application.chat_data.values() if data),
        failures=services.alerts.failures,
        refused=services.throttle.refused,
    )
    await send(context, update.effective_chat, [Reply(text)])
