"""Inline mode: `@bot online exploitation` in any chat offers paragraphs to post there."""

from __future__ import annotations

import asyncio

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, Update
from telegram.ext import InlineQueryHandler

from bot.addresses import HELP_PAYLOAD
from bot.context import BotApplication, BotContext
from bot.replies import render
from bot.replies.i18n import Texts
from bot.services.updates import answer_in_time
from index import MEANING, Library

# Results per scroll, and how far scrolling goes (Telegram allows 50 a answer).
PAGE = 10
MOST = 50
# Paragraphs offered before anything is typed, after the report's summary.
OPENING_PARAGRAPHS = 3
OPENING_CHARS = 120
# Results are in the asker's language (labels, links, the help button): Telegram caches them
# for each user, not for everyone.
CACHE_SECONDS = 300


def add_handlers(application: BotApplication) -> None:
    application.add_handler(InlineQueryHandler(answer))


async def answer(update: Update, context: BotContext) -> None:
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()
    offset = int(query.offset) if query.offset.isdecimal() and len(query.offset) < 3 else 0
    username = context.bot.username
    library = context.services.library
    # No chat is known here, so no chat's choice either: the asker's Telegram language.
    t = context.texts
    verdict = context.services.throttle.inline(query.from_user.id) if text else None
    results: list[InlineQueryResultArticle] = []
    following = ""
    if verdict is not None and not verdict.allowed:
        # No results, the reason on the button above them, cached only until it is over.
        cache, button = verdict.wait, render.slow_down_button(t, verdict.wait)
    else:
        cache, button = CACHE_SECONDS, render.help_button(t)
        if text:
            results, following, hint = await asyncio.to_thread(
                _found, library, t, text, offset, username
            )
            button = hint or button
        else:
            results = await asyncio.to_thread(_openings, library, t, username)
    await answer_in_time(
        query.answer(
            results,
            cache_time=cache,
            is_personal=True,
            # Left out at the end: sent empty through ExtBot, it reached the API as "[]".
            next_offset=following or None,
            button=InlineQueryResultsButton(button, start_parameter=HELP_PAYLOAD),
        )
    )


def _found(
    library: Library, t: Texts, text: str, offset: int, username: str
) -> tuple[list[InlineQueryResultArticle], str, str]:
    """The results from `offset` on, the offset of the next scroll ('' at the end), and what
    the button above them says instead of offering help ('' for the help): for a query that
    only leaves out, or only has operators, how to say what to look for."""
    end = min(offset + PAGE, MOST)
    if offset >= end:
        return [], "", ""
    # The asker's language when the words do not tell, as in a chat.
    result = library.search(text, limit=end + 1, fallback_lang=t.language)
    hint = "" if result.words or not (result.excluded or result.notes) else render.words_hint(t)
    hits = result.hits
    reader = render.reader_language(result)
    results = [
        render.inline_result(
            t,
            hit.paragraph,
            hit.summary.plain,
            username,
            reader=reader,
            related=hit.match == MEANING,
        )
        for hit in hits[offset:end]
    ]
    return results, str(end) if len(hits) > end and end < MOST else "", hint


def _openings(library: Library, t: Texts, username: str) -> list[InlineQueryResultArticle]:
    """Entry points: the newest report's summary and first paragraphs."""
    reports = library.reports()
    if not reports:
        return []
    newest = reports[0]
    results = [render.inline_summary(t, newest)] if newest.summary else []
    for number in library.paragraph_numbers(newest.symbol)[:OPENING_PARAGRAPHS]:
        paragraph = library.paragraph(newest.symbol, number)
        if paragraph is not None:
            text = paragraph.text
            opening = text if len(text) <= OPENING_CHARS else text[: OPENING_CHARS - 1] + "…"
            results.append(render.inline_result(t, paragraph, opening, username))
    return results
