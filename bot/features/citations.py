"""Cited by: /citedby SYMBOL [N], and the "Cited in N paragraphs" button under a paragraph.

The library knows which indexed paragraphs cite each report and each of its paragraphs
(index: citations, published with the index): here they are listed, five to a page, each cited,
linked and begun.
"""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.addresses import (
    CITED_BY_PAGE,
    Action,
    CitedByPage,
    cited_by_page,
    parse_address,
    parse_cited_by_page,
)
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES
from bot.features.sending import answer_button, replace, send
from bot.features.settings import find_report, reports_for
from bot.replies import render
from bot.replies.i18n import Texts
from bot.replies.references import cited_by_reply
from bot.replies.render import Reply
from index import Library, Paragraph

USAGE_EXAMPLE = "/citedby A/HRC/58/19 3"


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("citedby", cited_by, NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(turn_page, pattern=CITED_BY_PAGE))


async def cited_by(update: Update, context: BotContext) -> None:
    """`/citedby SYMBOL`: the paragraphs citing the report; `/citedby SYMBOL N`: its paragraph N."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    args = context.args or []
    reports = await reports_for(t, context.services.library)
    report = find_report(reports, args[0]) if args else None
    number = int(args[1]) if len(args) == 2 and args[1].isdigit() else None
    if report is None or len(args) > 2 or (len(args) == 2 and number is None):
        unknown = render.unknown_reports(t, args[:1]) + "\n\n" if args and report is None else ""
        await send(context, chat, [Reply(unknown + usage(t))])
        return
    page = cited_by_page(report.symbol, number)
    reply = await asyncio.to_thread(
        _reply, context.services.library, t, report.symbol, page, context.bot.username
    )
    await send(context, chat, [reply])


async def turn_page(update: Update, context: BotContext) -> None:
    """ "Cited in N paragraphs" under a paragraph, or ◀ ▶ under a list: that page."""
    t = context.texts

    async def press(message: Message, page: CitedByPage) -> str | None:
        library = context.services.library
        symbols = [report.symbol for report in await asyncio.to_thread(library.reports)]
        symbol = page.resolve(symbols)
        if symbol is None:
            return render.stale_button(t)
        reply = await asyncio.to_thread(_reply, library, t, symbol, page, context.bot.username)
        if _under_a_paragraph(message):
            # The list in a message of its own: the paragraph stays where it was read.
            await send(context, message.chat, [reply])
        else:
            await replace(context, message, [reply])
        return None

    await answer_button(update, t, parse_cited_by_page, press)


def _under_a_paragraph(message: Message) -> bool:
    """Whether `message` shows a paragraph (it has a Cite button), not a list of citing ones."""
    keyboard = message.reply_markup.inline_keyboard if message.reply_markup else ()
    return any(
        (pressed := parse_address(str(button.callback_data))) is not None
        and pressed.action == Action.CITE
        for row in keyboard
        for button in row
    )


def usage(t: Texts) -> str:
    return t.gettext(
        "Send <code>/citedby</code> and a report's symbol, with a paragraph's number or without: "
        "the paragraphs of other reports that cite it, e.g. <code>{example}</code>",
        example=USAGE_EXAMPLE,
    )


def _reply(library: Library, t: Texts, symbol: str, page: CitedByPage, username: str) -> Reply:
    number = page.number or None
    citing: list[Paragraph] = library.cited_by(symbol, number, t.language)
    cited = symbol if number is None else f"{symbol}, para. {number}"
    return cited_by_reply(t, cited, citing, page, username)
