"""Searching: /search, words typed in a private chat, and ◀ ▶ between pages of results.

Each person and each group searches within their limits.
"""

from __future__ import annotations

import asyncio
import dataclasses

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.addresses import RESULTS_PAGE, ResultsPage, parse_page
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES, in_group
from bot.features.sending import answer_button, replace, send
from bot.replies import render
from bot.replies.i18n import Texts
from bot.replies.render import PAGE_SIZE, Reply
from index import Library

# Ten pages of five: past that, better words beat more scrolling.
MAX_PAGES = 10


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("search", search, NEW_MESSAGES))
    application.add_handler(
        MessageHandler(
            NEW_MESSAGES & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, plain_text
        )
    )
    application.add_handler(CallbackQueryHandler(turn_page, pattern=RESULTS_PAGE))


async def search(update: Update, context: BotContext) -> None:
    await _search(update, context, " ".join(context.args or ()))


async def plain_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    await _search(update, context, message.text if message and message.text else "")


async def turn_page(update: Update, context: BotContext) -> None:
    """◀ ▶ under results: that page in place of the one shown."""
    t = context.texts
    await answer_button(
        update, t, parse_page, lambda message, page: _turn_page(update, context, t, message, page)
    )


async def _search(update: Update, context: BotContext, query: str) -> None:
    t = context.texts
    if not query.strip():
        await send(context, update.effective_chat, [Reply(render.search_usage(t))])
        return
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None:
        return
    # Anonymous administrators of every group write as one user (GroupAnonymousBot): as the
    # group, not as that user, or they would share one limit across all groups.
    person = None if user is None or (message and message.sender_chat) else user.id
    verdict = context.services.throttle.search(person, chat.id, group=in_group(update))
    if not verdict.allowed:
        # Said once a minute to whoever is refused; the searches past that get no answer.
        if verdict.warn:
            await send(context, chat, [Reply(render.slow_down(t, verdict.wait))])
        return
    page = ResultsPage(await context.services.searches.remember(query), 0)
    replies = await asyncio.to_thread(
        _results, context.services.library, t, query, page, context.bot.username
    )
    await send(context, chat, replies)


async def _turn_page(
    update: Update, context: BotContext, t: Texts, message: Message, page: ResultsPage
) -> str | None:
    services = context.services
    # The person who pressed: a callback query always has one.
    user = update.effective_user
    verdict = services.throttle.search(
        user.id if user else None, message.chat.id, group=in_group(update)
    )
    # A toast under the button, not a message: a flood of presses floods no chat.
    if not verdict.allowed:
        return render.slow_down(t, verdict.wait)
    query = await services.searches.recall(page.token)
    if query is None or page.page >= MAX_PAGES:
        return render.expired_search(t)
    replies = await asyncio.to_thread(
        _results, services.library, t, query, page, context.bot.username
    )
    await replace(context, message, replies)
    return None


def _results(
    library: Library, t: Texts, query: str, page: ResultsPage, username: str
) -> list[Reply]:
    """One page of results, and whether there is another: one more hit than shown tells."""
    shown = (page.page + 1) * PAGE_SIZE
    result = library.search(query, limit=shown + 1, fallback_lang=t.language)
    hits = result.hits[page.page * PAGE_SIZE : shown]
    more = len(result.hits) > shown and page.page + 1 < MAX_PAGES
    return render.search_reply(
        t, dataclasses.replace(result, hits=hits), username, page, more, query=query
    )
