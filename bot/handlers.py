"""The bot's conversation: commands, plain-text search, buttons. Index work runs in threads."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from telegram import Chat, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot import render
from bot.addresses import Action, Address, parse_address
from bot.render import Reply
from index.library import Library
from index.models import Report

if TYPE_CHECKING:
    from bot.app import BotApplication

log = logging.getLogger(__name__)

SEARCH_LIMIT = 5
# chat_data key of the report a chat chose with /report.
CHAT_REPORT = "report"
# Edited messages would otherwise re-run commands: only new messages count.
NEW_MESSAGES = filters.UpdateType.MESSAGE


class Handlers:
    def __init__(self, library: Library) -> None:
        self.library = library

    def register(self, application: BotApplication) -> None:
        application.add_handler(CommandHandler("start", self.start, NEW_MESSAGES))
        application.add_handler(CommandHandler("help", self.help, NEW_MESSAGES))
        application.add_handler(CommandHandler("search", self.search, NEW_MESSAGES))
        application.add_handler(CommandHandler("para", self.para, NEW_MESSAGES))
        application.add_handler(CommandHandler("reports", self.reports, NEW_MESSAGES))
        application.add_handler(CommandHandler("report", self.report, NEW_MESSAGES))
        application.add_handler(CallbackQueryHandler(self.button))
        application.add_handler(
            MessageHandler(
                NEW_MESSAGES & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
                self.plain_text,
            )
        )
        application.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, self.unknown))
        application.add_error_handler(self.error)

    # Commands

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        payload = context.args[0] if context.args else None
        target = parse_address(payload)
        if target is not None and await self._open(update.effective_chat, target, context):
            return
        prefix = render.unknown_link() + "\n\n" if payload else ""
        await self._help(update, context, prefix)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._help(update, context)

    async def search(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._search(update, context, " ".join(context.args or ()))

    async def plain_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        await self._search(update, context, message.text if message and message.text else "")

    async def para(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/para N`, `/para SYMBOL N`, `/para annex I N`, `/para SYMBOL annex I N`."""
        args = list(context.args or [])
        reports = await asyncio.to_thread(self.library.reports)
        if not reports:
            await self._send(update.effective_chat, [Reply(render.no_reports())])
            return
        report = _chat_report(reports, context.chat_data)
        if args and (named := _find_report(reports, args[0])) is not None:
            report, args = named, args[1:]
        elif args and "/" in args[0]:
            await self._send(update.effective_chat, [Reply(render.unknown_reports(args[:1]))])
            return
        annex = None
        if len(args) == 3 and args[0].casefold() == "annex":
            annex, args = args[1].upper(), args[2:]
        numbers = await asyncio.to_thread(
            self.library.paragraph_numbers, report.symbol, report.lang, annex
        )
        if annex is not None and not numbers:
            await self._send(update.effective_chat, [Reply(render.no_annex(report, annex))])
            return
        if len(args) != 1:
            text = render.para_usage(report, numbers, annex)
            await self._send(update.effective_chat, [Reply(text)])
            return
        number = _paragraph_number(args[0])
        if number not in numbers:
            text = render.para_not_found(args[0][:20], report, numbers, annex)
            await self._send(update.effective_chat, [Reply(text)])
            return
        await self._paragraph(update.effective_chat, report.symbol, number, annex, context)

    async def reports(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        reports = await asyncio.to_thread(self.library.reports)
        await self._send(update.effective_chat, [Reply(_reports_text(reports, context))])

    async def report(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/report SYMBOL`: the chat's report for /para, remembered across restarts."""
        reports = await asyncio.to_thread(self.library.reports)
        chosen = _find_report(reports, context.args[0]) if context.args else None
        if chosen is not None and context.chat_data is not None:
            context.chat_data[CHAT_REPORT] = chosen.symbol
            text = render.report_chosen(chosen)
        else:
            unknown = render.unknown_reports(context.args[:1]) + "\n\n" if context.args else ""
            text = unknown + _reports_text(reports, context)
        await self._send(update.effective_chat, [Reply(text)])

    async def unknown(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not _addressed_to_me(message, context.bot.username):
            return
        await self._send(update.effective_chat, [Reply(render.unknown_command())])

    # Buttons

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        target = parse_address(query.data)
        message = query.message if isinstance(query.message, Message) else None
        if target is None or message is None:
            await query.answer(render.stale_button())
            return
        if target.action is Action.NAVIGATE:
            opened = await self._navigate(message, target, context)
        else:
            opened = await self._open(message.chat, target, context)
        await query.answer(None if opened else render.stale_button())

    # The work

    async def _help(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, prefix: str = ""
    ) -> None:
        reports = await asyncio.to_thread(self.library.reports)
        await self._send(update.effective_chat, [Reply(prefix + render.help_text(reports))])

    async def _search(self, update: Update, context: ContextTypes.DEFAULT_TYPE, query: str) -> None:
        if not query.strip():
            await self._send(update.effective_chat, [Reply(render.search_usage())])
            return
        username = context.bot.username
        replies = await asyncio.to_thread(
            lambda: render.search_reply(self.library.search(query, limit=SEARCH_LIMIT), username)
        )
        await self._send(update.effective_chat, replies)

    def _paragraph_replies(
        self, symbol: str, number: int, annex: str | None, username: str
    ) -> list[Reply] | None:
        paragraph = self.library.paragraph(symbol, number, annex=annex)
        if paragraph is None:
            return None
        numbers = self.library.paragraph_numbers(symbol, annex=annex)
        return render.paragraph_reply(paragraph, numbers, username)

    async def _paragraph(
        self,
        chat: Chat | None,
        symbol: str,
        number: int,
        annex: str | None,
        context: ContextTypes.DEFAULT_TYPE,
    ) -> bool:
        replies = await asyncio.to_thread(
            self._paragraph_replies, symbol, number, annex, context.bot.username
        )
        if replies is None:
            return False
        await self._send(chat, replies)
        return True

    async def _resolve(self, target: Address) -> str | None:
        reports = await asyncio.to_thread(self.library.reports)
        return target.resolve(report.symbol for report in reports)

    async def _open(
        self, chat: Chat | None, target: Address, context: ContextTypes.DEFAULT_TYPE
    ) -> bool:
        symbol = await self._resolve(target)
        return symbol is not None and await self._paragraph(
            chat, symbol, target.number, target.annex, context
        )

    async def _navigate(
        self, message: Message, target: Address, context: ContextTypes.DEFAULT_TYPE
    ) -> bool:
        symbol = await self._resolve(target)
        if symbol is None:
            return False
        replies = await asyncio.to_thread(
            self._paragraph_replies, symbol, target.number, target.annex, context.bot.username
        )
        if replies is None:
            return False
        if len(replies) > 1:
            # A paragraph too long for one message cannot replace a single one in place.
            await self._send(message.chat, replies)
            return True
        try:
            await message.edit_text(replies[0].text, reply_markup=replies[0].keyboard)
        except BadRequest as error:
            if "not modified" in error.message:
                return True
            if "not found" not in error.message:
                raise
            await self._send(message.chat, replies)
        return True

    async def _send(self, chat: Chat | None, replies: Sequence[Reply]) -> None:
        if chat is None:
            return
        for reply in replies:
            await chat.send_message(reply.text, reply_markup=reply.keyboard)

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # The exception, never the message that caused it: users' words stay out of the logs.
        log.error("handling an update failed", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            await update.effective_chat.send_message(
                "Sorry, something went wrong on my side. Please try again in a moment."
            )


def _chat_report(reports: Sequence[Report], chat_data: dict[Any, Any] | None) -> Report:
    """The report the chat chose with /report while it is indexed, else the most recent."""
    chosen = (chat_data or {}).get(CHAT_REPORT)
    return next((r for r in reports if r.symbol == chosen), reports[0])


def _reports_text(reports: Sequence[Report], context: ContextTypes.DEFAULT_TYPE) -> str:
    if not reports:
        return render.no_reports()
    return render.reports_list(reports, _chat_report(reports, context.chat_data))


def _find_report(reports: Sequence[Report], name: str) -> Report | None:
    return next((r for r in reports if r.symbol.casefold() == name.casefold()), None)


def _paragraph_number(argument: str) -> int | None:
    text = argument.strip().rstrip(".")
    return int(text) if text.isdecimal() and len(text) <= 6 else None


def _addressed_to_me(message: Message, username: str) -> bool:
    if message.chat.type == ChatType.PRIVATE:
        return True
    command = (message.text or "").split(maxsplit=1)[0]
    _, _, mention = command.partition("@")
    return mention.casefold() == username.casefold()
