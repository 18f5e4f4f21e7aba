"""Paragraphs: /para, /cite, the buttons that open, turn and cite them, and paragraph links.

The buttons are those under a paragraph (◀ ▶ to its neighbours, its other language versions,
back to the results, Cite) and under results (a result opened in place); /start opens a
paragraph link.
"""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.addresses import (
    READING_ORDER,
    Action,
    Address,
    Place,
    ResultsPage,
    address_pattern,
    cited_by_page,
    parse_address,
    parse_place,
)
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES
from bot.features.sending import answer_button, replace, send
from bot.features.settings import chat_report, find_report, reports_for
from bot.replies import render
from bot.replies.i18n import Texts
from bot.replies.references import (
    cited_button,
    notes_block,
    own_paragraph_buttons,
    references_block,
)
from bot.replies.render import Reply
from index import ENGLISH, NUMBERED, Library, Paragraph, Report, resolve_references


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("para", para, NEW_MESSAGES))
    application.add_handler(CommandHandler("cite", cite, NEW_MESSAGES))
    application.add_handler(
        CallbackQueryHandler(navigate, pattern=address_pattern(Action.NAVIGATE))
    )
    application.add_handler(CallbackQueryHandler(cite_button, pattern=address_pattern(Action.CITE)))
    application.add_handler(CallbackQueryHandler(open_button, pattern=address_pattern(Action.OPEN)))


async def para(update: Update, context: BotContext) -> None:
    """`/para N`, `/para SYMBOL N`, `/para annex I N`, `/para SYMBOL annex I N`, and `/para pp3`
    for a resolution's third preambular paragraph."""
    target = await named_place(update, context)
    if target is not None:
        report, place = target
        await _show(context, context.texts, update.effective_chat, report.symbol, place)


async def cite(update: Update, context: BotContext) -> None:
    """`/cite N` and the other forms of /para: the full reference, ready to copy."""
    target = await named_place(update, context)
    if target is not None:
        report, place = target
        paragraph = await asyncio.to_thread(_paragraph, context.services.library, report, place)
        if paragraph is not None:
            reply = render.cite_reply(context.texts, report, paragraph)
            await send(context, update.effective_chat, [reply])


async def navigate(update: Update, context: BotContext) -> None:
    """A result's button, ◀ ▶, a language version, back to the results: the paragraph in place
    of what the message shows."""
    t = context.texts
    await answer_button(
        update, t, parse_address, lambda message, target: _navigate(context, t, message, target)
    )


async def cite_button(update: Update, context: BotContext) -> None:
    """Cite, under a paragraph: its full reference in a new message."""
    t = context.texts
    await answer_button(
        update, t, parse_address, lambda message, target: _cite(context, t, message.chat, target)
    )


async def open_button(update: Update, context: BotContext) -> None:
    """A button with a paragraph link: the paragraph in a new message."""
    t = context.texts
    await answer_button(
        update, t, parse_address, lambda message, target: _open(context, t, message.chat, target)
    )


async def open_address(context: BotContext, t: Texts, chat: Chat | None, target: Address) -> bool:
    """Send the paragraph `target` points to; False if it points to none (any longer)."""
    symbol = await resolve(context.services.library, target)
    return symbol is not None and await _show(context, t, chat, symbol, target.place, target.lang)


async def _open(context: BotContext, t: Texts, chat: Chat, target: Address) -> str | None:
    return None if await open_address(context, t, chat, target) else render.stale_button(t)


async def named_place(update: Update, context: BotContext) -> tuple[Report, Place] | None:
    """The paragraph a /para or /cite names; None, after saying why, if it names none."""
    args = list(context.args or [])
    t = context.texts
    library = context.services.library
    reports = await reports_for(t, library)
    if not reports:
        await send(context, update.effective_chat, [Reply(render.no_reports(t))])
        return None
    report = chats = chat_report(reports, context.chat_data)
    if args and (named := find_report(reports, args[0])) is not None:
        report, args = named, args[1:]
    elif args and "/" in args[0]:
        await send(context, update.effective_chat, [Reply(render.unknown_reports(t, args[:1]))])
        return None
    # A report named that is not the chat's is named again in the examples given back.
    other = None if report == chats else report.symbol
    annex = None
    if len(args) >= 3 and args[0].casefold() in _PARTS:
        part = args[0].casefold()
        # Annexes are cited by their numeral alone; other parts by name (`appendix A`).
        annex = args[1].upper() if part == "annex" else f"{part} {args[1].upper()}"
        args = args[2:]
    places = await asyncio.to_thread(_places, library, report.symbol, report.lang, annex)
    if annex is not None and not places:
        await send(context, update.effective_chat, [Reply(render.no_annex(t, report, annex))])
        return None
    if not args or len(args) > 2:
        text = render.para_usage(t, report, places, annex, other)
        await send(context, update.effective_chat, [Reply(text)])
        return None
    place = parse_place(args, annex)
    if place is not None and place.kind == NUMBERED and place not in places:
        # A text with no numbered paragraphs (a preamble alone) is counted in its own kind.
        kinds = {found.kind for found in places}
        if NUMBERED not in kinds and len(kinds) == 1:
            place = Place(place.number, annex, kinds.pop())
    if place is None or place not in places:
        text = render.para_not_found(t, " ".join(args)[:20], report, places, annex, other)
        await send(context, update.effective_chat, [Reply(text)])
        return None
    return report, place


# The parts of a document whose paragraphs are numbered afresh, as /para names them.
_PARTS = ("annex", "appendix", "enclosure", "section")


def _places(library: Library, symbol: str, lang: str, annex: str | None) -> list[Place]:
    """Every paragraph of the body or one part, in the order a reader meets them."""
    return [
        Place(number, annex, kind)
        for kind in READING_ORDER
        for number in library.paragraph_numbers(symbol, lang, annex, kind)
    ]


def _paragraph(library: Library, report: Report, place: Place) -> Paragraph | None:
    return library.paragraph(report.symbol, place.number, report.lang, place.annex, place.kind)


def _paragraph_replies(
    library: Library,
    t: Texts,
    symbol: str,
    place: Place,
    username: str,
    back: ResultsPage | None = None,
    lang: str | None = None,
) -> list[Reply] | None:
    """The paragraph in `lang` (the reader's language when not given), or in English, or in
    whatever version the report has, with its notes and references, buttons for its other
    versions and the paragraphs of its own report it refers to, and how often it is cited."""
    languages = library.languages(symbol)
    wanted = [lang or t.language, ENGLISH, *languages]
    version = next((code for code in wanted if code in languages), None)
    if version is None:
        return None
    paragraph = library.paragraph(symbol, place.number, version, place.annex, place.kind)
    if paragraph is None:
        return None
    places = _places(library, symbol, version, place.annex)
    resolved = resolve_references(library, paragraph, t.language)
    after = [
        block
        for block in (notes_block(paragraph), references_block(t, resolved, username))
        if block is not None
    ]
    rows = [own_paragraph_buttons(resolved, back)]
    if place.annex is None and place.kind == NUMBERED:
        cited = len(library.cited_by(symbol, place.number, t.language))
        if cited:
            rows.append([cited_button(t, cited, cited_by_page(symbol, place.number))])
    return render.paragraph_reply(t, paragraph, places, username, back, languages, after, rows)


async def _show(
    context: BotContext,
    t: Texts,
    chat: Chat | None,
    symbol: str,
    place: Place,
    lang: str | None = None,
) -> bool:
    replies = await asyncio.to_thread(
        _paragraph_replies,
        context.services.library,
        t,
        symbol,
        place,
        context.bot.username,
        None,
        lang,
    )
    if replies is None:
        return False
    await send(context, chat, replies)
    return True


async def resolve(library: Library, target: Address) -> str | None:
    reports = await asyncio.to_thread(library.reports)
    return target.resolve(report.symbol for report in reports)


async def _navigate(context: BotContext, t: Texts, message: Message, target: Address) -> str | None:
    library = context.services.library
    symbol = await resolve(library, target)
    if symbol is None:
        return render.stale_button(t)
    replies = await asyncio.to_thread(
        _paragraph_replies,
        library,
        t,
        symbol,
        target.place,
        context.bot.username,
        target.back,
        target.lang,
    )
    if replies is None:
        return render.stale_button(t)
    await replace(context, message, replies)
    return None


async def _cite(context: BotContext, t: Texts, chat: Chat, target: Address) -> str | None:
    library = context.services.library
    symbol = await resolve(library, target)
    if symbol is None:
        return render.stale_button(t)
    report = await asyncio.to_thread(library.report, symbol, target.lang)
    paragraph = (
        None
        if report is None
        else await asyncio.to_thread(_paragraph, library, report, target.place)
    )
    if report is None or paragraph is None:
        return render.stale_button(t)
    await send(context, chat, [render.cite_reply(t, report, paragraph)])
    return None
