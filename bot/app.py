"""The python-telegram-bot Application: built once, the same for Telegram, tests and sandbox.

Each feature in bot/features/ adds its handlers to it. `running` and `polling` serve it inside
an event loop, as `run_polling` does outside one.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Collection, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from typing import Any

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    ApplicationHandlerStop,
    Defaults,
    TypeHandler,
)

from bot.context import CONTEXT_TYPES, BotApplication, BotContext, Services
from bot.features import (
    citations,
    collection,
    fallbacks,
    inline,
    operators,
    paragraphs,
    search,
    settings,
    start,
    topics,
)
from bot.features.digests import INTERVAL as DIGEST_INTERVAL
from bot.features.digests import Digests
from bot.persistence import StoreChatPersistence
from bot.replies.i18n import N_, Texts, texts
from bot.services.alerts import Alerts
from bot.services.ordering import RUNNING, ChatOrder
from bot.services.shared import SharedSearches, SharedUpdates
from bot.services.shared import connect as connect_redis
from bot.services.throttle import Clock, SearchLimits, SearchThrottle
from bot.store import Store, memory_store
from index import ENGLISH, LANGUAGES, Library

log = logging.getLogger(__name__)

# The command menu, each command with its description (translated when registered).
COMMANDS = (
    ("search", N_("Find paragraphs: /search trafficking in children")),
    ("para", N_("Show one paragraph in full: /para 3")),
    ("cite", N_("The full reference to a paragraph: /cite 3")),
    ("reports", N_("The reports I can search")),
    ("settings", N_("This chat's settings")),
    ("report", N_("Choose this chat's report: /report A/HRC/58/19")),
    ("lang", N_("Choose the language I reply in: /lang fr")),
    ("follow", N_("Hear of new reports on a topic: /follow trafficking")),
    ("following", N_("The topics this chat follows")),
    ("citedby", N_("The paragraphs citing a report: /citedby A/HRC/58/19 3")),
    ("saved", N_("This chat's saved paragraphs")),
    ("export", N_("The saved paragraphs as a Word file")),
    ("forget", N_("Erase what I keep about this chat")),
    ("help", N_("What I do and how to use me")),
    ("start", N_("Start here")),
)
# The bot asks Telegram only for the updates it handles (a group's migration to a supergroup
# comes as a message). By webhook Telegram may still post others: they are ignored.
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)

TOKEN_REFUSED = "the Bot API rejected the token (401 Unauthorized)"
# No search is refused: for tests and the sandbox, where one person types.
UNLIMITED = SearchLimits(per_user=0, per_group=0, inline_per_user=0)
# A 429 is waited out (retry_after, then the call again) this many times before the call fails.
RATE_LIMIT_RETRIES = 2
# Each feature adds its handlers in turn; within a group PTB gives an update to the first that
# takes it, so the fallbacks, which take whatever is left, come last.
FEATURES = (
    start,
    search,
    paragraphs,
    citations,
    collection,
    topics,
    settings,
    operators,
    inline,
    fallbacks,
)


def command_menu(t: Texts) -> list[BotCommand]:
    return [BotCommand(command, t.gettext(description)) for command, description in COMMANDS]


async def _register_commands(application: BotApplication) -> None:
    """The menu in English for everyone, and in each other language for its speakers, whom
    Telegram recognises by their app's language."""
    await application.bot.set_my_commands(command_menu(texts(ENGLISH)))
    for language in LANGUAGES:
        if language != ENGLISH:
            await application.bot.set_my_commands(
                command_menu(texts(language)), language_code=language
            )


async def _started(application: BotApplication) -> None:
    """The command menu registered, and the digests of new reports sent from now on."""
    await _register_commands(application)
    digests = Digests(application, application.bot_data.services.digest_interval)
    application.bot_data.digests = asyncio.create_task(digests.run(), name="digests")


async def _stopped(application: BotApplication) -> None:
    task = application.bot_data.digests
    if task is not None:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
    await application.bot_data.services.searches.close()


def _shared(url: str, prefix: str) -> dict[str, Any]:
    """The Services' fields kept in Redis, through one client."""
    client = connect_redis(url)
    return {
        "searches": SharedSearches(client, prefix=prefix),
        "seen": SharedUpdates(client, prefix=prefix),
    }


def build_application(
    token: str,
    base_url: str,
    library: Library,
    store: Store | None = None,
    *,
    rate_limit: bool = True,
    limits: SearchLimits = UNLIMITED,
    operators: Collection[int] = (),
    operators_chat: int | None = None,
    clock: Clock = time.monotonic,
    concurrent: int = RUNNING,
    digest_interval: float = DIGEST_INTERVAL,
    redis_url: str | None = None,
    redis_prefix: str | None = None,
) -> BotApplication:
    """The bot; with `store`, what chats chose (their report, their language, the topics they
    follow, the paragraphs they saved) survives restarts; without, it is kept in memory. Every
    `digest_interval` seconds while it serves, it looks for reports published since and sends
    their digests to the chats that follow them (bot/features/digests.py).

    With `rate_limit`, calls keep within Telegram's flood limits (about 30 messages a second in
    all, 20 a minute in each group), and a 429 is waited out and the call made again, rather
    than the reply being lost. `limits` holds back people and groups searching faster than
    that; `operators` are the user ids allowed the operators' commands, and `operators_chat`
    is told of failures. `clock` times the limits, the failure notices and the uptime.

    With `redis_url`, result pages and the update ids handled are kept in Redis, shared with
    the other processes serving the same bot (bot/services/shared.py), under keys that begin
    with `redis_prefix` (by default the bot's own, from its id: several bots may share a Redis);
    otherwise in memory.

    Up to `concurrent` updates are handled at once, of different chats: a slow search in one
    chat does not hold up the others' replies, while each chat's updates are handled one after
    another, in the order they came (bot/services/ordering.py).
    """
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .context_types(CONTEXT_TYPES)
        .job_queue(None)
        .concurrent_updates(ChatOrder(running=concurrent))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                # Previews of the source page would crowd out the cited paragraphs.
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(_started)
        .post_stop(_stopped)
    )
    if rate_limit:
        # PTB's defaults are Telegram's published limits; getUpdates is never throttled.
        builder.rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
    if store is None:
        store = memory_store()
    # Written within a second of a change, not only at a clean shutdown.
    builder.persistence(StoreChatPersistence(store, update_interval=1))
    application = builder.build()
    prefix = redis_prefix or f"reportbot:{token.partition(':')[0]}:"
    shared = {} if redis_url is None else _shared(redis_url, prefix)
    application.bot_data.services = Services(
        library=library,
        store=store,
        digest_interval=digest_interval,
        throttle=SearchThrottle(limits, clock),
        alerts=Alerts(operators_chat, clock),
        operators=frozenset(operators),
        clock=clock,
        started=clock(),
        **shared,
    )
    # Before every feature: a redelivered update (a webhook retrying) goes no further.
    application.add_handler(TypeHandler(Update, _once), group=-1)
    for feature in FEATURES:
        feature.add_handlers(application)
    return application


async def _once(update: Update, context: BotContext) -> None:
    if not await context.services.seen.first_time(update.update_id):
        log.debug("update %d came again; handled already", update.update_id)
        raise ApplicationHandlerStop


def _load_meaning(library: Library) -> None:
    started = time.monotonic()
    try:
        library.load_meaning()
    # Whatever went wrong, the bot serves on: searches by words need no encoder.
    except Exception:
        log.exception("the sentence encoder could not be loaded")
        return
    log.info("sentence encoder loaded in %.1f s", time.monotonic() - started)


@contextmanager
def loading_meaning(library: Library) -> Iterator[threading.Thread]:
    """The library's sentence encoder (some 1 s to load) loaded in a thread of its own while the
    block serves, so that the bot's first reply is not held up by it (a search that comes before
    it is loaded is the library's to handle). The block's end waits for the loading to end: the
    library is not closed under it."""
    thread = threading.Thread(
        target=_load_meaning, args=(library,), name="load-meaning", daemon=True
    )
    thread.start()
    try:
        yield thread
    finally:
        thread.join()


@asynccontextmanager
async def running(application: BotApplication) -> AsyncIterator[None]:
    """Initialised, post_init run (as `run_polling` and `run_webhook` do) and started; stopped
    again at the end (post_stop run), after whatever feeds it updates has stopped."""
    try:
        async with application:
            if application.post_init is not None:
                await application.post_init(application)
            await application.start()
            try:
                yield
            finally:
                await application.stop()
                if application.post_stop is not None:
                    await application.post_stop(application)
    except InvalidToken:
        # PTB's own message quotes the token.
        raise InvalidToken(TOKEN_REFUSED) from None


@asynccontextmanager
async def polling(application: BotApplication, poll_timeout: int = 10) -> AsyncIterator[None]:
    """Serve by long polling inside a running event loop, as `run_polling` does outside one."""
    async with running(application):
        assert application.updater is not None
        await application.updater.start_polling(
            poll_interval=0, timeout=poll_timeout, allowed_updates=list(ALLOWED_UPDATES)
        )
        try:
            yield
        finally:
            await application.updater.stop()
