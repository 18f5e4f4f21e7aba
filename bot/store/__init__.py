"""What the bot keeps about chats, in one database under REPORTBOT_DATA_DIR: their settings,
the topics they follow, their collections of paragraphs, and the digest outbox.

`open_store` opens it; `Store` is all the bot sees of it. Its methods are synchronous and
thread-safe, each one transaction: the bot runs them with asyncio.to_thread, off the event
loop. Several processes may open the same file (the bot, a `reportbot ingest`): each sees the
others' writes once committed. Nothing here knows of Telegram.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from bot.store import collection, digests, settings
from bot.store import topics as followed
from bot.store.bot_state import BOT_STATE, import_bot_state
from bot.store.database import (
    ERRORS,
    Database,
    NewerSchema,
    StoreError,
    connect,
    connect_postgresql,
    redacted,
    upgrade,
)
from bot.store.migrations import MIGRATIONS
from bot.store.models import Digest, Entry, NewDigest, Saving, Settings, Topic

__all__ = [
    "BOT_STATE",
    "DATABASE_FILE",
    "MOST_ENTRIES",
    "MOST_TOPICS",
    "Digest",
    "Entry",
    "NewDigest",
    "NewerSchema",
    "Saving",
    "Settings",
    "Store",
    "StoreError",
    "Topic",
    "memory_store",
    "open_store",
]

DATABASE_FILE = "reportbot.sqlite3"
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")
MOST_TOPICS = 10
MOST_ENTRIES = 200


class Store:
    """Chats' settings, topics, collections and digests. Every method is one transaction."""

    def __init__(self, database: Database, clock: Callable[[], float] = time.time) -> None:
        self._database = database
        self._clock = clock
        """Dates topics and entries: seconds since the epoch."""

    @property
    def path(self) -> Path | None:
        return self._database.path

    # Chats' settings: what ChatData holds (report, language).

    def all_settings(self) -> dict[int, Settings]:
        with self._database.transaction(write=False) as tx:
            return settings.every_chat(tx)

    def save_settings(self, chat_id: int, chosen: Mapping[str, str]) -> None:
        """The chat's settings become `chosen`; none, and the chat's row goes."""
        with self._database.transaction() as tx:
            settings.replace(tx, chat_id, chosen)

    def move_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its settings, topics, collection and digests move to
        the new id. Should the new chat have some already, the old one's settings replace its
        own, and the topics and paragraphs both have are kept once."""
        if old == new:
            return
        with self._database.transaction() as tx:
            settings.move(tx, old, new)
            followed.move(tx, old, new)
            collection.move(tx, old, new)
            digests.move(tx, old, new)

    # Followed topics.

    def add_topic(
        self, chat_id: int, query: str, language: str, most: int = MOST_TOPICS
    ) -> Topic | None:
        """The topic followed; the one already followed if the query is the same (casefolded,
        whitespace normalised); None if the chat follows `most` already. ValueError for a
        query without words."""
        with self._database.transaction() as tx:
            return followed.add(tx, chat_id, query, language, most, self._clock())

    def topics(self, chat_id: int) -> list[Topic]:
        """In the order followed."""
        with self._database.transaction(write=False) as tx:
            return followed.of_chat(tx, chat_id)

    def all_topics(self) -> list[Topic]:
        with self._database.transaction(write=False) as tx:
            return followed.every(tx)

    def remove_topic(self, chat_id: int, topic_id: int) -> bool:
        """Unfollowed, with its digests; False if the chat has no such topic."""
        with self._database.transaction() as tx:
            return followed.remove(tx, chat_id, topic_id)

    # The chat's collection of paragraphs.

    def save_entry(
        self,
        chat_id: int,
        symbol: str,
        lang: str,
        annex: str | None,
        kind: str,
        number: int,
        most: int = MOST_ENTRIES,
    ) -> Saving:
        """A paragraph is the same entry when all of symbol, lang, annex, kind and number are."""
        with self._database.transaction() as tx:
            return collection.save(
                tx, chat_id, symbol, lang, annex, kind, number, most=most, now=self._clock()
            )

    def entries(self, chat_id: int, offset: int = 0, limit: int | None = None) -> list[Entry]:
        """In the order saved."""
        with self._database.transaction(write=False) as tx:
            return collection.of_chat(tx, chat_id, offset, limit)

    def count_entries(self, chat_id: int) -> int:
        with self._database.transaction(write=False) as tx:
            return collection.count(tx, chat_id)

    def remove_entry(self, chat_id: int, entry_id: int) -> bool:
        """False if the chat has no such entry."""
        with self._database.transaction() as tx:
            return collection.remove(tx, chat_id, entry_id)

    def clear_entries(self, chat_id: int) -> int:
        """How many entries there were."""
        with self._database.transaction() as tx:
            return collection.clear(tx, chat_id)

    # Report versions seen, and the digest outbox.

    def known_versions(self) -> dict[tuple[str, str], str] | None:
        """(symbol, lang) -> version, as last recorded; None if never recorded (the first
        start: the bot records a baseline, without digests)."""
        with self._database.transaction(write=False) as tx:
            return digests.known_versions(tx)

    def record_versions(
        self, versions: Mapping[tuple[str, str], str], new_digests: Sequence[NewDigest]
    ) -> int:
        """In one transaction, the known versions become exactly `versions` and the digests are
        queued, due at once; how many were queued. A digest queued before for the same chat,
        topic, symbol and version (sent, given up or pending) is not queued again, nor one for
        a topic no longer followed."""
        with self._database.transaction() as tx:
            return digests.record_versions(tx, versions, new_digests, self._clock())

    def pending_digests(self, now: float, limit: int = 50) -> list[Digest]:
        """Neither sent nor given up, and due (`now` is on the clock of digest_failed's
        retry_at), oldest first."""
        with self._database.transaction(write=False) as tx:
            return digests.pending(tx, now, limit)

    def claim_digests(
        self,
        now: float,
        lease: float,
        limit: int = 50,
        *,
        claimer: str = "",
        dead: Callable[[str], bool] = lambda claimer: False,
    ) -> list[Digest]:
        """The pending digests due at `now`, oldest first, claimed by `claimer` (a name for
        this process) for `lease` seconds: another process sending digests from the same
        database does not send them too. One that dies before saying they were sent or failed
        leaves them to the others when the lease is over, or at once to a process that `dead`
        tells, given the claimer's name, that it is dead."""
        with self._database.transaction() as tx:
            return digests.claim(tx, now, lease, limit, claimer, dead)

    def digest_sent(self, digest_id: int) -> None:
        with self._database.transaction() as tx:
            digests.sent(tx, digest_id)

    def digest_failed(self, digest_id: int, retry_at: float | None) -> None:
        """One more failed attempt: due again at `retry_at`, or, with None, given up."""
        with self._database.transaction() as tx:
            digests.failed(tx, digest_id, retry_at)

    # A chat's data as a whole.

    def drop_chat(self, chat_id: int) -> None:
        """The chat blocked or removed the bot: its topics and digests go, its settings and
        collection stay (it may come back)."""
        with self._database.transaction() as tx:
            followed.erase(tx, chat_id)
            digests.erase(tx, chat_id)

    def forget(self, chat_id: int) -> None:
        """Everything of the chat: settings, topics, collection, digests."""
        with self._database.transaction() as tx:
            settings.erase(tx, chat_id)
            followed.erase(tx, chat_id)
            collection.clear(tx, chat_id)
            digests.erase(tx, chat_id)

    def close(self) -> None:
        self._database.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    data_dir: Path, url: str | None = None, *, clock: Callable[[], float] = time.time
) -> Store:
    """The store in `data_dir` (made if missing), or at `url` when given (a PostgreSQL
    database that several bot processes share: `postgresql://…`), its schema brought to this
    bot's version (by whichever process comes first: the others wait for it); `bot-state.json`
    found in `data_dir` imported once, then renamed `bot-state.json.imported`.

    StoreError if it cannot be opened; NewerSchema if a newer bot wrote it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot make the data folder {data_dir}: {error}") from None
    if url is not None and not url.startswith(POSTGRESQL_SCHEMES):
        raise StoreError(f"the database address must start with postgresql://, not {redacted(url)}")
    database = connect(data_dir / DATABASE_FILE) if url is None else connect_postgresql(url)
    try:
        upgrade(database, MIGRATIONS)
        import_bot_state(database, data_dir, clock)
    except ERRORS as error:
        database.close()
        raise StoreError(f"cannot open the database {database.name}: {error}") from None
    except BaseException:
        database.close()
        raise
    return Store(database, clock)


def memory_store(*, clock: Callable[[], float] = time.time) -> Store:
    """A store in memory, gone when closed: for a bot that keeps nothing between runs (tests,
    benchmarks)."""
    database = connect(None)
    upgrade(database, MIGRATIONS)
    return Store(database, clock)
