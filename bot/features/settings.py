"""A chat's settings: /reports, /report, /lang, /settings and /forget.

The chat's report is the one /para and /cite use; its language the one the bot speaks there. In
groups only administrators change them; a group's settings follow it when it becomes a
supergroup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext, ChatData
from bot.features.chats import NEW_MESSAGES, in_group
from bot.features.sending import move_settings, send
from bot.replies import render
from bot.replies.i18n import Texts, texts
from bot.replies.render import Reply
from index import ENGLISH, Library, Report, official_language


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("reports", reports, NEW_MESSAGES))
    application.add_handler(CommandHandler("report", report, NEW_MESSAGES))
    application.add_handler(CommandHandler("settings", settings, NEW_MESSAGES))
    application.add_handler(CommandHandler("lang", lang, NEW_MESSAGES))
    application.add_handler(CommandHandler("forget", forget, NEW_MESSAGES))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migrated))


async def reports(update: Update, context: BotContext) -> None:
    t = context.texts
    text = _reports_text(t, await reports_for(t, context.services.library), context.chat_data)
    await send(context, update.effective_chat, [Reply(text)])


async def report(update: Update, context: BotContext) -> None:
    """`/report SYMBOL`: the chat's report for /para, remembered across restarts."""
    t = context.texts
    indexed = await reports_for(t, context.services.library)
    chosen = find_report(indexed, context.args[0]) if context.args else None
    if chosen is not None and not await may_change_settings(update, context):
        await send(context, update.effective_chat, [Reply(render.admins_only(t))])
        return
    if chosen is not None and context.chat_data is not None:
        context.chat_data.report = chosen.symbol
        text = render.report_chosen(t, chosen)
    else:
        unknown = render.unknown_reports(t, context.args[:1]) + "\n\n" if context.args else ""
        text = unknown + _reports_text(t, indexed, context.chat_data)
    await send(context, update.effective_chat, [Reply(text)])


async def settings(update: Update, context: BotContext) -> None:
    t = context.texts
    indexed = await reports_for(t, context.services.library)
    chat_data = context.chat_data or ChatData()
    current = chat_report(indexed, chat_data) if indexed else None
    text = render.settings(
        t,
        current,
        report_chosen=current is not None and current.symbol == chat_data.report,
        language_chosen=chat_data.language is not None,
        group=in_group(update),
    )
    await send(context, update.effective_chat, [Reply(text)])


async def lang(update: Update, context: BotContext) -> None:
    """`/lang CODE`: the chat's language, remembered across restarts; `/lang`: the six."""
    chosen = official_language(context.args[0]) if context.args else None
    if chosen is not None and not await may_change_settings(update, context):
        text = render.admins_only(context.texts)
    elif chosen is not None and context.chat_data is not None:
        context.chat_data.language = chosen
        text = render.language_chosen(texts(chosen))
    else:
        t = context.texts
        listing = render.languages_list(t, group=in_group(update))
        named = context.args[0][:20] if context.args else None
        text = render.unknown_language(t, named) + "\n\n" + listing if named else listing
    await send(context, update.effective_chat, [Reply(text)])


async def forget(update: Update, context: BotContext) -> None:
    """`/forget`: erase everything kept about the chat: its settings (on disk too at the next
    save, within a second), its topics with their pending digests, and its collection."""
    # In the chat's language as it was: the choice is about to go.
    t = context.texts
    chat = update.effective_chat
    if chat is None:
        return
    if not await may_change_settings(update, context):
        text = render.admins_only(t)
    else:
        context.application.drop_chat_data(chat.id)
        await asyncio.to_thread(context.services.store.forget, chat.id)
        text = render.forgotten(t)
    await send(context, chat, [Reply(text)])


async def migrated(update: Update, context: BotContext) -> None:
    """A group became a supergroup, with a new id: its settings go with it. Telegram says so
    twice, in the old chat and in the new one; whichever comes first moves them."""
    message = update.effective_message
    if message is None:
        return
    old = message.migrate_from_chat_id or message.chat.id
    new = message.migrate_to_chat_id or message.chat.id
    await move_settings(context, old, new)


async def reports_for(t: Texts, library: Library) -> list[Report]:
    """One version of each report, newest first: the reader's language where the report has
    it, else English, else the version there is."""
    versions = await asyncio.to_thread(library.reports)
    preference = {t.language: 0, ENGLISH: 1}
    chosen: dict[str, Report] = {}
    for version in versions:
        held = chosen.get(version.symbol)
        if held is None or preference.get(version.lang, 2) < preference.get(held.lang, 2):
            chosen[version.symbol] = version
    return list(chosen.values())


def chat_report(reports: Sequence[Report], chat_data: ChatData | None) -> Report:
    """The report the chat chose with /report while it is indexed, else the most recent."""
    chosen = chat_data.report if chat_data is not None else None
    return next((r for r in reports if r.symbol == chosen), reports[0])


def find_report(reports: Sequence[Report], name: str) -> Report | None:
    return next((r for r in reports if r.symbol.casefold() == name.casefold()), None)


def _reports_text(t: Texts, reports: Sequence[Report], chat_data: ChatData | None) -> str:
    if not reports:
        return render.no_reports(t)
    return render.reports_list(t, reports, chat_report(reports, chat_data))


async def may_change_settings(update: Update, context: BotContext) -> bool:
    """Anyone in a private chat; in a group, its administrators (also when anonymous)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
