"""Digests: each chat following a topic hears of each new report on it, once.

While the bot serves, `Digests.run` looks at the published index every few seconds, whichever
process published it (`reportbot ingest`, `reportbot fetch`, or the bot's own operators). A report
added or replaced since it last looked (its version: a fingerprint of what it holds) is matched
against every followed topic as a search within that report (index.topics); each chat with a
topic it speaks to gets one digest. The digests are written to the store's outbox in the same
transaction as the versions seen, then sent, then marked sent: a bot killed in between sends
what is queued when it comes back, and a report is never announced twice for one topic. A chat
that blocked or removed the bot loses its topics instead of being retried forever.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import socket
import time

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot.context import BotApplication
from bot.replies import topics as replies
from bot.replies.i18n import texts
from bot.store import Digest, NewDigest, Store, Topic
from index import ENGLISH, Library, Report, topic_hits

log = logging.getLogger(__name__)

# How often the published index is looked at.
INTERVAL = 5.0
# A digest that fails for another reason than the chat (the network, Telegram) is tried again
# after RETRY_AFTER seconds, doubled each time, until it has been tried this many times.
ATTEMPTS = 5
RETRY_AFTER = 30.0
# Sent at most these many at a time: the rate limiter spaces them as Telegram wants.
BATCH = 50
# Claimed digests are this process's to send for this long (a batch held back by a group's 20
# messages a minute takes up to 2.5 minutes); a process that dies leaves them to another then,
# or at once to a process on its machine, which can tell it is dead.
LEASE = 600.0
CLAIMER = f"{socket.gethostname()}/{os.getpid()}"


def claimer_is_dead(claimer: str) -> bool:
    """Whether the process `claimer` names (CLAIMER's form) is known to be dead: one of this
    machine that is no longer running. Of another machine nothing is known: its lease says."""
    host, _, pid = claimer.rpartition("/")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    # Another user's process: alive.
    except PermissionError:
        return False
    return False


class Digests:
    """The loop that finds what is new and sends the digests; one per bot process."""

    def __init__(self, application: BotApplication, interval: float = INTERVAL) -> None:
        self.application = application
        self.interval = interval

    @property
    def _store(self) -> Store:
        return self.application.bot_data.services.store

    @property
    def _library(self) -> Library:
        return self.application.bot_data.services.library

    async def run(self) -> None:
        """Until cancelled: what fails is logged, and tried again next time."""
        while True:
            try:
                await self.once()
            except asyncio.CancelledError:
                raise
            # Whatever went wrong (a broken index, a database locked too long), the bot serves on.
            except Exception as error:
                log.warning(
                    "digests: %s; trying again in %g s", type(error).__name__, self.interval
                )
            await asyncio.sleep(self.interval)

    async def once(self) -> int:
        """Queue the digests of what was published since last time, and send what is due;
        returns how many were sent."""
        queued = await asyncio.to_thread(self._queue, self.application.bot.username)
        if queued:
            log.info("digests: %d queued", queued)
        return await self._deliver()

    def _queue(self, username: str) -> int:
        """Compare the published reports' versions with those seen before, and queue a digest
        for each followed topic a new or replaced report speaks to. The first time, the reports
        there are are taken as seen: following a topic announces what comes after."""
        reports = {(report.symbol, report.lang): report for report in self._library.reports()}
        versions = {key: report.version for key, report in reports.items()}
        known = self._store.known_versions()
        if known is None or known == versions:
            if known is None:
                self._store.record_versions(versions, [])
            return 0
        changed = {key for key, version in versions.items() if known.get(key) != version}
        chats = self._store.all_settings()
        topics = self._store.all_topics()
        digests = []
        for symbol in sorted({symbol for symbol, _ in changed}):
            languages = [lang for (held, lang) in reports if held == symbol]
            for topic in topics:
                language = chats.get(topic.chat_id, {}).get("language") or topic.language
                shown = next(lang for lang in (language, ENGLISH, *languages) if lang in languages)
                # A version the chat does not read (French added to an English report) is not
                # news to it.
                if (symbol, shown) in changed:
                    digest = self._digest(topic, reports[(symbol, shown)], language, username)
                    if digest is not None:
                        digests.append(digest)
        return self._store.record_versions(versions, digests)

    def _digest(
        self, topic: Topic, report: Report, language: str, username: str
    ) -> NewDigest | None:
        """The digest of `report` for `topic`, in `language` (the chat's); None if the report
        is not on the topic."""
        hits = topic_hits(self._library, topic.query, report.symbol, language)
        if not hits:
            return None
        reply = replies.digest(texts(language), report, topic.query, hits, username)
        keyboard = reply.keyboard.to_dict() if reply.keyboard else None
        body = json.dumps({"text": reply.text, "keyboard": keyboard}, ensure_ascii=False)
        return NewDigest(topic.chat_id, topic.id, report.symbol, report.lang, report.version, body)

    async def _deliver(self) -> int:
        sent = 0
        pending = await asyncio.to_thread(
            self._store.claim_digests,
            time.time(),
            LEASE,
            BATCH,
            claimer=CLAIMER,
            dead=claimer_is_dead,
        )
        for digest in pending:
            sent += await self._send(digest)
        return sent

    async def _send(self, digest: Digest) -> bool:
        store, bot = self._store, self.application.bot
        body = json.loads(digest.body)
        keyboard = InlineKeyboardMarkup.de_json(body["keyboard"], bot) if body["keyboard"] else None
        try:
            await bot.send_message(digest.chat_id, body["text"], reply_markup=keyboard)
        except (Forbidden, BadRequest) as error:
            if isinstance(error, BadRequest) and "chat not found" not in error.message.lower():
                # The message itself was refused: sending it again would be refused again.
                # Its type only: Telegram's words may quote the digest, the topic's words in it.
                log.warning("digests: a digest was refused (%s); given up", type(error).__name__)
                await asyncio.to_thread(store.digest_failed, digest.id, None)
                return False
            # Blocked, removed from the group, or the chat is gone: its topics go too.
            await asyncio.to_thread(store.digest_failed, digest.id, None)
            await asyncio.to_thread(store.drop_chat, digest.chat_id)
            return False
        except ChatMigrated as moved:
            await asyncio.to_thread(store.move_chat, digest.chat_id, moved.new_chat_id)
            await asyncio.to_thread(store.digest_failed, digest.id, time.time())
            return False
        except RetryAfter as wait:
            await asyncio.to_thread(
                store.digest_failed, digest.id, time.time() + _seconds(wait.retry_after)
            )
            return False
        except TelegramError as error:
            tries = digest.attempts + 1
            retry_at = None if tries >= ATTEMPTS else time.time() + RETRY_AFTER * 2 ** (tries - 1)
            log.warning(
                "digests: sending failed (%s), %s",
                type(error).__name__,
                "given up" if retry_at is None else "to be tried again",
            )
            await asyncio.to_thread(store.digest_failed, digest.id, retry_at)
            return False
        await asyncio.to_thread(store.digest_sent, digest.id)
        return True


def _seconds(wait: int | dt.timedelta) -> float:
    # PTB 22 gives seconds or a timedelta, as its settings say.
    return wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)
