"""The database under the store: the connection, transactions, the schema version, migrations.

Everything that depends on the database engine is here, so that the statements elsewhere in
`bot/store/` run on SQLite (embedded, the default) and PostgreSQL (shared by several bot
processes, `REPORTBOT_DATABASE_URL`) alike: they are written with `?` placeholders, which
`Dialect.statement` turns into the driver's own style, and their table definitions name an
auto-numbered key `{id}`, which `Dialect.ddl` spells out. Each engine's connection, settings
and kind of transaction stay here too: one writer at a time on both, so that a transaction
that reads then writes sees no other's write in between.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

log = logging.getLogger(__name__)

Row = tuple[Any, ...]
Migration = Sequence[str]
"""The statements that take the schema one version up, applied in one transaction."""

# The bot and a `reportbot ingest` (or a second bot process) may write at the same moment:
# SQLite lets one write at a time, and the other waits this long before giving up.
BUSY_SECONDS = 30.0
# RETURNING (to learn an inserted row's id the way PostgreSQL does) came in SQLite 3.35.
OLDEST_SQLITE = (3, 35, 0)


# What either engine's driver raises.
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, psycopg.Error)


class StoreError(Exception):
    """The store cannot be opened or used; the message is one readable line."""


class NewerSchema(StoreError):
    """The database was written by a newer bot than this one, which must not touch it."""


@dataclass(frozen=True)
class Dialect:
    """What differs between database engines in the statements themselves."""

    identity: str
    """The column type of an auto-numbered primary key whose numbers are never used again."""
    begin_read: str
    begin_write: str
    placeholder: str = "?"

    def statement(self, sql: str) -> str:
        """`sql` with its `?` placeholders in the driver's style (no statement of the store
        has a `?` or a `%` of its own)."""
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def ddl(self, sql: str) -> str:
        return sql.format(id=self.identity)


SQLITE = Dialect(
    # AUTOINCREMENT: without it SQLite gives a deleted row's id to the next one, and a button
    # still showing the old id would act on the new row.
    identity="INTEGER PRIMARY KEY AUTOINCREMENT",
    begin_read="BEGIN",
    # IMMEDIATE takes the write lock at once, waiting out the busy timeout: a transaction that
    # reads then writes cannot fail half way because another process wrote in between.
    begin_write="BEGIN IMMEDIATE",
)


# The advisory lock every writing transaction on PostgreSQL takes first, held until it ends: one
# writer at a time, as SQLite's write lock gives, so that reading then writing in one
# transaction (a cap checked, then a row added) is never raced by another process. An arbitrary
# number, the same in every process: "rb" "ot" in ASCII.
WRITER_LOCK = 0x7262_6F74

POSTGRESQL = Dialect(
    # ALWAYS: numbers come from the sequence only, never used again.
    identity="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    begin_read="BEGIN ISOLATION LEVEL REPEATABLE READ",
    begin_write=f"BEGIN; SELECT pg_advisory_xact_lock({WRITER_LOCK})",
    placeholder="%s",
)


class Transaction:
    """The statements of one transaction, with their placeholders converted."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cursor = cursor
        self._dialect = dialect

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> Transaction:
        self._cursor.execute(self._dialect.statement(sql), tuple(parameters))
        return self

    def ddl(self, sql: str) -> None:
        self._cursor.execute(self._dialect.ddl(sql))

    def one(self) -> Row | None:
        row: Row | None = self._cursor.fetchone()
        return row

    def all(self) -> list[Row]:
        return list(self._cursor.fetchall())

    @property
    def changed(self) -> int:
        """The rows the last statement inserted, updated or deleted."""
        changed: int = self._cursor.rowcount
        return changed


class Database:
    """One connection, used by one thread at a time: the store's methods run in worker threads
    (asyncio.to_thread), and a lock keeps their transactions apart."""

    def __init__(
        self, connection: Any, dialect: Dialect, path: Path | None, name: str | None = None
    ) -> None:
        self._connection = connection
        self._dialect = dialect
        self._lock = threading.Lock()
        self.path = path
        self.name = name or str(path or "in memory")
        """How messages name the database: its file, or its address without the password."""

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Transaction]:
        """Committed at the end of the block, rolled back whole if anything in it raises. A
        read-only one sees the database as it was at its first statement."""
        with self._lock:
            cursor = self._connection.cursor()
            begun = False
            try:
                cursor.execute(self._dialect.begin_write if write else self._dialect.begin_read)
                begun = True
                yield Transaction(cursor, self._dialect)
                cursor.execute("COMMIT")
            except BaseException:
                if begun:
                    with suppress(*ERRORS):
                        cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def connect(path: Path | None) -> Database:
    """The SQLite database at `path`, made if missing (readable by its owner only: it holds
    chats' ids), in WAL mode, foreign keys enforced; with no path, one in memory that goes with
    the connection."""
    if sqlite3.sqlite_version_info < OLDEST_SQLITE:
        raise StoreError(
            f"SQLite {sqlite3.sqlite_version} is too old: the store needs "
            f"{'.'.join(map(str, OLDEST_SQLITE))} or newer"
        )
    try:
        # SQLite gives its -wal and -shm files the database file's permissions.
        if path is not None:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        # isolation_level=None: the transactions are begun and ended here, not by the module.
        connection = sqlite3.connect(
            ":memory:" if path is None else path,
            timeout=BUSY_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot open the database {path}: {error}") from None
    try:
        # WAL: a reader never waits for the writer, nor the writer for readers, in this
        # process or another.
        (mode,) = connection.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode not in ("wal", "memory"):
            # On some network file systems: still correct, only readers wait for writers.
            log.warning("the database cannot use WAL here; journal mode %s", mode)
        # FULL: every commit is on disk before the call returns, power cut included. With
        # NORMAL, WAL's last commits can be lost to a power cut (never to a killed process):
        # a chat told that /forget erased its data could find it back. Writes are people's
        # commands and digests' marks, a few a second at most: an fsync each is affordable.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        # What /forget erases is overwritten in the file, not only unlinked from it.
        connection.execute("PRAGMA secure_delete = ON")
        # The schema is checked on the first read: a file that is not a database fails here.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        connection.close()
        raise StoreError(f"cannot open the database {path}: {error}") from None
    return Database(connection, SQLITE, path)


def connect_postgresql(url: str) -> Database:
    """The PostgreSQL database at `url` (`postgresql://user@host:5432/name`)."""
    name = redacted(url)
    try:
        # Autocommit: the transactions are begun and ended here, as on SQLite.
        connection = psycopg.connect(url, autocommit=True, connect_timeout=int(BUSY_SECONDS))
    except psycopg.Error as error:
        raise StoreError(f"cannot open the database {name}: {_first_line(error)}") from None
    return Database(connection, POSTGRESQL, None, name)


def redacted(url: str) -> str:
    """`url` without its password, to be named in messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


SCHEMA_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"


def schema_version(database: Database) -> int:
    """The version the database's schema is at; 0 for a new database."""
    with database.transaction() as tx:
        return _version(tx)


def _version(tx: Transaction) -> int:
    tx.execute(SCHEMA_VERSION_TABLE)
    row = tx.execute("SELECT version FROM schema_version").one()
    if row is None:
        tx.execute("INSERT INTO schema_version (version) VALUES (0)")
        return 0
    version: int = row[0]
    return version


def upgrade(database: Database, migrations: Sequence[Migration]) -> int:
    """Apply the migrations the database has not had, in order, each in a transaction of its
    own (with the version it reaches), and return how many were applied. Another process
    opening the same file at the same moment waits for the write lock, then finds them done.

    A database at a version beyond `migrations` was written by a newer bot: refused, since
    this one would misread what it does not know of."""
    applied = 0
    while True:
        with database.transaction() as tx:
            version = _version(tx)
            if version > len(migrations):
                raise NewerSchema(
                    f"the database {database.name} is at schema version {version}, and this "
                    f"reportbot knows versions up to {len(migrations)}: it was written by a "
                    "newer reportbot. Run that version, or restore a backup made by this one."
                )
            if version == len(migrations):
                return applied
            for statement in migrations[version]:
                tx.ddl(statement)
            tx.execute("UPDATE schema_version SET version = ?", (version + 1,))
        log.info("the database's schema is now at version %d", version + 1)
        applied += 1
