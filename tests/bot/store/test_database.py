"""The database file: where it is, how it is opened, and its schema's versions and migrations."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from bot.store import DATABASE_FILE, NewerSchema, StoreError, open_store
from bot.store.database import Database, Migration, connect, schema_version, upgrade
from bot.store.migrations import MIGRATIONS

NOTES: Migration = ("CREATE TABLE notes (id {id}, text TEXT NOT NULL)",)
LANGUAGES: Migration = ("ALTER TABLE notes ADD COLUMN lang TEXT NOT NULL DEFAULT 'en'",)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = connect(tmp_path / "test.sqlite3")
    yield opened
    opened.close()


def pragma(database: Database, name: str) -> object:
    with database.transaction(write=False) as tx:
        row = tx.execute(f"PRAGMA {name}").one()
    assert row is not None
    return row[0]


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows if not name.startswith("sqlite_")}


def test_the_store_is_one_file_in_the_data_folder_readable_by_its_owner_only(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "var" / "data"
    with open_store(data_dir) as store:
        store.save_settings(7, {"language": "fr"})
        assert store.path == data_dir / DATABASE_FILE
        # It holds chats' ids: as private as bot-state.json was.
        for path in data_dir.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert sorted(path.name for path in data_dir.iterdir()) == [DATABASE_FILE]


def test_the_database_is_written_ahead_synced_keeps_its_foreign_keys_and_erases_for_good(
    database: Database,
) -> None:
    assert pragma(database, "journal_mode") == "wal"
    assert pragma(database, "synchronous") == 2  # FULL
    assert pragma(database, "foreign_keys") == 1
    assert pragma(database, "secure_delete") == 1
    assert pragma(database, "busy_timeout") == 30_000


def test_a_new_database_gets_every_migration(database: Database) -> None:
    assert upgrade(database, MIGRATIONS) == len(MIGRATIONS)
    assert schema_version(database) == len(MIGRATIONS)
    assert database.path is not None
    assert tables(database.path) == {
        "schema_version",
        "chat_settings",
        "topics",
        "entries",
        "report_versions",
        "milestones",
        "digests",
    }


def test_reopening_applies_no_migration(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    with closing(connect(tmp_path / DATABASE_FILE)) as database:
        assert upgrade(database, MIGRATIONS) == 0
        assert schema_version(database) == len(MIGRATIONS)


def test_a_database_a_version_behind_gets_the_rest_and_keeps_its_rows(
    database: Database,
) -> None:
    assert upgrade(database, [NOTES]) == 1
    with database.transaction() as tx:
        tx.execute("INSERT INTO notes (text) VALUES (?)", ("kept",))
    assert upgrade(database, [NOTES, LANGUAGES]) == 1
    assert schema_version(database) == 2
    with database.transaction(write=False) as tx:
        assert tx.execute("SELECT id, text, lang FROM notes").all() == [(1, "kept", "en")]


def test_a_migration_that_fails_leaves_the_database_as_it_was(database: Database) -> None:
    upgrade(database, [NOTES])
    broken: Migration = ("ALTER TABLE notes ADD COLUMN lang TEXT", "NOT A STATEMENT")
    with pytest.raises(sqlite3.OperationalError):
        upgrade(database, [NOTES, broken])
    assert schema_version(database) == 1
    with database.transaction(write=False) as tx:
        columns = [row[1] for row in tx.execute("PRAGMA table_info(notes)").all()]
    assert columns == ["id", "text"]
    # Fixed, it applies.
    assert upgrade(database, [NOTES, LANGUAGES]) == 1


def test_a_database_from_a_newer_bot_is_refused_and_left_alone(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.save_settings(7, {"language": "fr"})
    path = tmp_path / DATABASE_FILE
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS) + 1,))
    with pytest.raises(NewerSchema) as refused:
        open_store(tmp_path)
    assert str(refused.value) == (
        f"the database {path} is at schema version {len(MIGRATIONS) + 1}, and this reportbot "
        f"knows versions up to {len(MIGRATIONS)}: it was written by a newer reportbot. Run "
        "that version, or restore a backup made by this one."
    )
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT * FROM chat_settings").fetchall() == [
            (7, "language", "fr")
        ]


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"these are not the pages of a database " * 100)
    with pytest.raises(StoreError, match=r"^cannot open the database .*: file is not a database$"):
        open_store(tmp_path)


def test_a_data_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(StoreError, match=r"^cannot make the data folder .*file/data"):
        open_store(tmp_path / "file" / "data")
