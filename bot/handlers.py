"""The bot's conversation: commands, plain-text search, buttons. Index work runs in threads."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import html
import logging
import time
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from telegram import Bot, Chat, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import render
from bot.addresses import Action, Address, ResultsPage, parse_address, parse_page
from bot.alerts import Alerts
from bot.i18n import Texts, language_of, texts
from bot.inline import HELP_PAYLOAD
from bot.render import PAGE_SIZE, Reply
from bot.searches import SearchMemory
from bot.throttle import Clock, SearchThrottle
from bot.updates import SeenUpdates, answer_in_time
from index import ENGLISH, Library, Report, official_language

if TYPE_CHECKING:
    from bot.app import BotApplication

log = logging.getLogger(__name__)

# Ten pages of five: past that, better words beat more scrolling.
MAX_PAGES = 10
# chat_data keys of the report a chat chose with /report and the language it chose with /lang.
CHAT_REPORT = "report"
CHAT_LANGUAGE = "language"
# Edited messages would otherwise re-run commands: only new messages count.
NEW_MESSAGES = filters.UpdateType.MESSAGE


class Handlers:
    def __init__(
        self,
        library: Library,
        throttle: SearchThrottle,
        alerts: Alerts,
        operators: Collection[int] = frozenset(),
        clock: Clock = time.monotonic,
    ) -> None:
        self.library = library
        self.searches = SearchMemory()
        self.throttle = throttle
        self.alerts = alerts
        self.operators = frozenset(operators)
        self.seen = SeenUpdates()
        self._clock = clock
        self._started = clock()
        self._application: BotApplication | None = None

    def register(self, application: BotApplication) -> None:
        self._application = application
        # Before every other handler: a redelivered update (a webhook retrying) goes no further.
        application.add_handler(TypeHandler(Update, self.once), group=-1)
        application.add_handler(CommandHandler("start", self.start, NEW_MESSAGES))
        application.add_handler(CommandHandler("help", self.help, NEW_MESSAGES))
        application.add_handler(CommandHandler("search", self.search, NEW_MESSAGES))
        application.add_handler(CommandHandler("para", self.para, NEW_MESSAGES))
        application.add_handler(CommandHandler("cite", self.cite, NEW_MESSAGES))
        application.add_handler(CommandHandler("reports", self.reports, NEW_MESSAGES))
        application.add_handler(CommandHandler("report", self.report, NEW_MESSAGES))
        application.add_handler(CommandHandler("settings", self.settings, NEW_MESSAGES))
        application.add_handler(CommandHandler("lang", self.lang, NEW_MESSAGES))
        application.add_handler(CommandHandler("forget", self.forget, NEW_MESSAGES))
        application.add_handler(CommandHandler("status", self.status, NEW_MESSAGES))
        application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, self.migrated))
        application.add_handler(CallbackQueryHandler(self.button))
        application.add_handler(
            MessageHandler(
                NEW_MESSAGES & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
                self.plain_text,
            )
        )
        application.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, self.unknown))
        application.add_error_handler(self.error)

    async def once(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not self.seen.first_time(update.update_id):
            log.debug("update %d came again; handled already", update.update_id)
            raise ApplicationHandlerStop

    # Commands

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        payload = context.args[0] if context.args else None
        target = parse_address(payload)
        t = _texts(update, context)
        if target is not None and await self._open(t, update.effective_chat, target, context):
            return
        unknown = payload and payload != HELP_PAYLOAD
        prefix = render.unknown_link(t) + "\n\n" if unknown else ""
        await self._help(t, update.effective_chat, prefix)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._help(_texts(update, context), update.effective_chat)

    async def search(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._search(update, context, " ".join(context.args or ()))

    async def plain_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        await self._search(update, context, message.text if message and message.text else "")

    async def para(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/para N`, `/para SYMBOL N`, `/para annex I N`, `/para SYMBOL annex I N`."""
        target = await self._target(update, context)
        if target is not None:
            report, number, annex = target
            t = _texts(update, context)
            await self._paragraph(t, update.effective_chat, report.symbol, number, annex, context)

    async def cite(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/cite N` and the other forms of /para: the full reference, ready to copy."""
        target = await self._target(update, context)
        if target is not None:
            report, number, annex = target
            paragraph = await asyncio.to_thread(
                self.library.paragraph, report.symbol, number, report.lang, annex
            )
            if paragraph is not None:
                reply = render.cite_reply(_texts(update, context), report, paragraph)
                await self._send(update.effective_chat, [reply])

    async def _target(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE
    ) -> tuple[Report, int, str | None] | None:
        """The paragraph a /para or /cite names; None, after saying why, if it names none."""
        args = list(context.args or [])
        t = _texts(update, context)
        reports = await self._reports(t)
        if not reports:
            await self._send(update.effective_chat, [Reply(render.no_reports(t))])
            return None
        report = _chat_report(reports, context.chat_data)
        if args and (named := _find_report(reports, args[0])) is not None:
            report, args = named, args[1:]
        elif args and "/" in args[0]:
            await self._send(update.effective_chat, [Reply(render.unknown_reports(t, args[:1]))])
            return None
        annex = None
        if len(args) == 3 and args[0].casefold() == "annex":
            annex, args = args[1].upper(), args[2:]
        numbers = await asyncio.to_thread(
            self.library.paragraph_numbers, report.symbol, report.lang, annex
        )
        if annex is not None and not numbers:
            await self._send(update.effective_chat, [Reply(render.no_annex(t, report, annex))])
            return None
        if len(args) != 1:
            text = render.para_usage(t, report, numbers, annex)
            await self._send(update.effective_chat, [Reply(text)])
            return None
        number = _paragraph_number(args[0])
        if number is None or number not in numbers:
            text = render.para_not_found(t, args[0][:20], report, numbers, annex)
            await self._send(update.effective_chat, [Reply(text)])
            return None
        return report, number, annex

    async def reports(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        t = _texts(update, context)
        text = _reports_text(t, await self._reports(t), context)
        await self._send(update.effective_chat, [Reply(text)])

    async def report(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/report SYMBOL`: the chat's report for /para, remembered across restarts."""
        t = _texts(update, context)
        reports = await self._reports(t)
        chosen = _find_report(reports, context.args[0]) if context.args else None
        if chosen is not None and not await _may_change_settings(update, context):
            await self._send(update.effective_chat, [Reply(render.admins_only(t))])
            return
        if chosen is not None and context.chat_data is not None:
            context.chat_data[CHAT_REPORT] = chosen.symbol
            text = render.report_chosen(t, chosen)
        else:
            unknown = render.unknown_reports(t, context.args[:1]) + "\n\n" if context.args else ""
            text = unknown + _reports_text(t, reports, context)
        await self._send(update.effective_chat, [Reply(text)])

    async def settings(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        reports = await self._reports(_texts(update, context))
        chat_data = context.chat_data or {}
        current = _chat_report(reports, chat_data) if reports else None
        text = render.settings(
            _texts(update, context),
            current,
            report_chosen=current is not None and current.symbol == chat_data.get(CHAT_REPORT),
            language_chosen=CHAT_LANGUAGE in chat_data,
            group=_in_group(update),
        )
        await self._send(update.effective_chat, [Reply(text)])

    async def lang(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/lang CODE`: the chat's language, remembered across restarts; `/lang`: the six."""
        chosen = official_language(context.args[0]) if context.args else None
        if chosen is not None and not await _may_change_settings(update, context):
            text = render.admins_only(_texts(update, context))
        elif chosen is not None and context.chat_data is not None:
            context.chat_data[CHAT_LANGUAGE] = chosen
            text = render.language_chosen(texts(chosen))
        else:
            t = _texts(update, context)
            listing = render.languages_list(t, group=_in_group(update))
            named = context.args[0][:20] if context.args else None
            text = render.unknown_language(t, named) + "\n\n" + listing if named else listing
        await self._send(update.effective_chat, [Reply(text)])

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/forget`: erase the chat's settings, on disk too at the next save (within a second)."""
        # In the chat's language as it was: the choice is about to go.
        t = _texts(update, context)
        chat = update.effective_chat
        if chat is None:
            return
        if not await _may_change_settings(update, context):
            text = render.admins_only(t)
        else:
            context.application.drop_chat_data(chat.id)
            text = render.forgotten(t)
        await self._send(chat, [Reply(text)])

    async def status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`/status`, for the bot's operators (REPORTBOT_ADMIN_IDS) only."""
        user, message = update.effective_user, update.effective_message
        t = _texts(update, context)
        if user is None or user.id not in self.operators:
            # In a group, a bare /status may be meant for another bot there.
            if message is not None and _addressed_to_me(message, context.bot.username):
                await self._send(update.effective_chat, [Reply(render.operators_only(t))])
            return
        reports = await asyncio.to_thread(self.library.reports)
        text = render.status(
            t,
            reports,
            uptime=dt.timedelta(seconds=self._clock() - self._started),
            chats=sum(1 for data in context.application.chat_data.values() if data),
            failures=self.alerts.failures,
            refused=self.throttle.refused,
        )
        await self._send(update.effective_chat, [Reply(text)])

    async def migrated(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group became a supergroup, with a new id: its settings go with it. Telegram says so
        twice, in the old chat and in the new one; whichever comes first moves them."""
        message = update.effective_message
        if message is None:
            return
        old = message.migrate_from_chat_id or message.chat.id
        new = message.migrate_to_chat_id or message.chat.id
        self._move_settings(old, new)

    def _move_settings(self, old: int, new: int) -> None:
        # Only settings that exist are moved: moving an empty entry would erase the new one's.
        if self._application is not None and self._application.chat_data.get(old):
            self._application.migrate_chat_data(old_chat_id=old, new_chat_id=new)

    async def unknown(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not _addressed_to_me(message, context.bot.username):
            return
        await self._send(
            update.effective_chat, [Reply(render.unknown_command(_texts(update, context)))]
        )

    # Buttons

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        t = _texts(update, context)
        message = query.message if isinstance(query.message, Message) else None
        page = parse_page(query.data)
        target = parse_address(query.data)
        notice: str | None = render.stale_button(t)
        if message is not None and page is not None:
            verdict = self.throttle.search(
                query.from_user.id, message.chat.id, group=_in_group(update)
            )
            # A toast under the button, not a message: a flood of presses floods no chat.
            if not verdict.allowed:
                notice = render.slow_down(t, verdict.wait)
            else:
                notice = await self._turn_page(t, message, page, context)
        elif message is not None and target is not None:
            if target.action is Action.NAVIGATE:
                notice = await self._navigate(t, message, target, context)
            elif target.action is Action.CITE:
                notice = await self._cite(t, message.chat, target)
            elif await self._open(t, message.chat, target, context):
                notice = None
        await answer_in_time(query.answer(notice))

    # The work

    async def _help(self, t: Texts, chat: Chat | None, prefix: str = "") -> None:
        reports = await self._reports(t)
        await self._send(chat, [Reply(prefix + render.help_text(t, reports))])

    async def _search(self, update: Update, context: ContextTypes.DEFAULT_TYPE, query: str) -> None:
        t = _texts(update, context)
        if not query.strip():
            await self._send(update.effective_chat, [Reply(render.search_usage(t))])
            return
        chat, user, message = update.effective_chat, update.effective_user, update.effective_message
        if chat is None:
            return
        # Anonymous administrators of every group write as one user (GroupAnonymousBot): as the
        # group, not as that user, or they would share one limit across all groups.
        person = None if user is None or (message and message.sender_chat) else user.id
        verdict = self.throttle.search(person, chat.id, group=_in_group(update))
        if not verdict.allowed:
            # Said once a minute to whoever is refused; the searches past that get no answer.
            if verdict.warn:
                await self._send(chat, [Reply(render.slow_down(t, verdict.wait))])
            return
        page = ResultsPage(self.searches.remember(query), 0)
        replies = await asyncio.to_thread(self._results, t, query, page, context.bot.username)
        await self._send(chat, replies)

    def _results(self, t: Texts, query: str, page: ResultsPage, username: str) -> list[Reply]:
        """One page of results, and whether there is another: one more hit than shown tells."""
        shown = (page.page + 1) * PAGE_SIZE
        result = self.library.search(query, limit=shown + 1, fallback_lang=t.language)
        hits = result.hits[page.page * PAGE_SIZE : shown]
        more = len(result.hits) > shown and page.page + 1 < MAX_PAGES
        return render.search_reply(t, dataclasses.replace(result, hits=hits), username, page, more)

    async def _turn_page(
        self, t: Texts, message: Message, page: ResultsPage, context: ContextTypes.DEFAULT_TYPE
    ) -> str | None:
        query = self.searches.recall(page.token)
        if query is None or page.page >= MAX_PAGES:
            return render.expired_search(t)
        replies = await asyncio.to_thread(self._results, t, query, page, context.bot.username)
        await self._replace(message, replies)
        return None

    def _paragraph_replies(
        self,
        t: Texts,
        symbol: str,
        number: int,
        annex: str | None,
        username: str,
        back: ResultsPage | None = None,
        lang: str | None = None,
    ) -> list[Reply] | None:
        """The paragraph in `lang` (the reader's language when not given), or in English, or in
        whatever version the report has, with buttons for its other versions."""
        languages = self.library.languages(symbol)
        wanted = [lang or t.language, ENGLISH, *languages]
        version = next((code for code in wanted if code in languages), None)
        if version is None:
            return None
        paragraph = self.library.paragraph(symbol, number, version, annex)
        if paragraph is None:
            return None
        numbers = self.library.paragraph_numbers(symbol, version, annex)
        return render.paragraph_reply(t, paragraph, numbers, username, back, languages)

    async def _paragraph(
        self,
        t: Texts,
        chat: Chat | None,
        symbol: str,
        number: int,
        annex: str | None,
        context: ContextTypes.DEFAULT_TYPE,
        lang: str | None = None,
    ) -> bool:
        replies = await asyncio.to_thread(
            self._paragraph_replies, t, symbol, number, annex, context.bot.username, None, lang
        )
        if replies is None:
            return False
        await self._send(chat, replies)
        return True

    async def _reports(self, t: Texts) -> list[Report]:
        """One version of each report, newest first: the reader's language where the report has
        it, else English, else the version there is."""
        versions = await asyncio.to_thread(self.library.reports)
        preference = {t.language: 0, ENGLISH: 1}
        chosen: dict[str, Report] = {}
        for report in versions:
            held = chosen.get(report.symbol)
            if held is None or preference.get(report.lang, 2) < preference.get(held.lang, 2):
                chosen[report.symbol] = report
        return list(chosen.values())

    async def _resolve(self, target: Address) -> str | None:
        reports = await asyncio.to_thread(self.library.reports)
        return target.resolve(report.symbol for report in reports)

    async def _open(
        self, t: Texts, chat: Chat | None, target: Address, context: ContextTypes.DEFAULT_TYPE
    ) -> bool:
        symbol = await self._resolve(target)
        return symbol is not None and await self._paragraph(
            t, chat, symbol, target.number, target.annex, context, target.lang
        )

    async def _navigate(
        self, t: Texts, message: Message, target: Address, context: ContextTypes.DEFAULT_TYPE
    ) -> str | None:
        symbol = await self._resolve(target)
        if symbol is None:
            return render.stale_button(t)
        replies = await asyncio.to_thread(
            self._paragraph_replies,
            t,
            symbol,
            target.number,
            target.annex,
            context.bot.username,
            target.back,
            target.lang,
        )
        if replies is None:
            return render.stale_button(t)
        await self._replace(message, replies)
        return None

    async def _cite(self, t: Texts, chat: Chat, target: Address) -> str | None:
        symbol = await self._resolve(target)
        if symbol is None:
            return render.stale_button(t)
        report = await asyncio.to_thread(self.library.report, symbol, target.lang)
        paragraph = await asyncio.to_thread(
            self.library.paragraph, symbol, target.number, target.lang, target.annex
        )
        if report is None or paragraph is None:
            return render.stale_button(t)
        await self._send(chat, [render.cite_reply(t, report, paragraph)])
        return None

    async def _replace(self, message: Message, replies: Sequence[Reply]) -> None:
        """Show `replies` in place of `message`, so that browsing does not flood a group."""
        if len(replies) > 1:
            # A text too long for one message cannot replace a single one in place.
            await self._send(message.chat, replies)
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
            await self._send(message.chat, replies)

    async def _send(self, chat: Chat | None, replies: Sequence[Reply]) -> None:
        if chat is None:
            return
        chat_id = chat.id
        for reply in replies:
            chat_id = await self._send_one(chat.get_bot(), chat_id, reply)

    async def _send_one(self, bot: Bot, chat_id: int, reply: Reply) -> int:
        """Send `reply`; return the id of the chat it went to, which is new if the group has
        become a supergroup meanwhile (Telegram then refuses, naming the new chat)."""
        try:
            await bot.send_message(chat_id, reply.text, reply_markup=reply.keyboard)
        except ChatMigrated as moved:
            self._move_settings(chat_id, moved.new_chat_id)
            chat_id = moved.new_chat_id
            await bot.send_message(chat_id, reply.text, reply_markup=reply.keyboard)
        return chat_id

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(context.error, Forbidden):
            # Blocked by the user or removed from the group: nothing more can reach that chat.
            log.warning("a chat refused the bot's message: %s", context.error.message)
            return
        # The exception, never the message that caused it: users' words stay out of the logs.
        log.error("handling an update failed", exc_info=context.error)
        if context.error is not None:
            await self.alerts.notify(context.bot, context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            text = render.something_went_wrong(_texts(update, context))
            with contextlib.suppress(TelegramError):  # the apology is best effort
                await update.effective_chat.send_message(text)


def _chat_report(reports: Sequence[Report], chat_data: dict[Any, Any] | None) -> Report:
    """The report the chat chose with /report while it is indexed, else the most recent."""
    chosen = (chat_data or {}).get(CHAT_REPORT)
    return next((r for r in reports if r.symbol == chosen), reports[0])


def _reports_text(t: Texts, reports: Sequence[Report], context: ContextTypes.DEFAULT_TYPE) -> str:
    if not reports:
        return render.no_reports(t)
    return render.reports_list(t, reports, _chat_report(reports, context.chat_data))


def _texts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Texts:
    """The chat's language if it chose one with /lang, else that of the user's Telegram app."""
    chosen = (context.chat_data or {}).get(CHAT_LANGUAGE)
    user = update.effective_user
    return texts(language_of(chosen, user.language_code if user else None))


def _in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE


def _find_report(reports: Sequence[Report], name: str) -> Report | None:
    return next((r for r in reports if r.symbol.casefold() == name.casefold()), None)


def _paragraph_number(argument: str) -> int | None:
    text = argument.strip().rstrip(".")
    return int(text) if text.isdecimal() and len(text) <= 6 else None


async def _may_change_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
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


def _addressed_to_me(message: Message, username: str) -> bool:
    if message.chat.type == ChatType.PRIVATE:
        return True
    command = (message.text or "").split(maxsplit=1)[0]
    _, _, mention = command.partition("@")
    return mention.casefold() == username.casefold()
