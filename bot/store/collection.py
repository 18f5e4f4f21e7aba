"""Chats' collections: the paragraphs each chat saved, in the order saved."""

from __future__ import annotations

from bot.store.database import Row, Transaction
from bot.store.models import Entry, Saving

COLUMNS = "id, chat_id, symbol, lang, annex, kind, number, saved"
# Outside annexes the column holds '' (see the migration): None to callers.
NO_ANNEX = ""


def _entry(row: Row) -> Entry:
    entry_id, chat_id, symbol, lang, annex, kind, number, saved = row
    return Entry(entry_id, chat_id, symbol, lang, annex or None, kind, number, saved)


def save(
    tx: Transaction,
    chat_id: int,
    symbol: str,
    lang: str,
    annex: str | None,
    kind: str,
    number: int,
    *,
    most: int,
    now: float,
) -> Saving:
    held = tx.execute(
        "SELECT id FROM entries WHERE chat_id = ? AND symbol = ? AND lang = ? AND annex = ?"
        " AND kind = ? AND number = ?",
        (chat_id, symbol, lang, annex or NO_ANNEX, kind, number),
    ).one()
    if held is not None:
        return Saving.ALREADY
    if count(tx, chat_id) >= most:
        return Saving.FULL
    tx.execute(
        "INSERT INTO entries (chat_id, symbol, lang, annex, kind, number, saved)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (chat_id, symbol, lang, annex or NO_ANNEX, kind, number, now),
    )
    return Saving.ADDED


def of_chat(tx: Transaction, chat_id: int, offset: int, limit: int | None) -> list[Entry]:
    query = f"SELECT {COLUMNS} FROM entries WHERE chat_id = ? ORDER BY id"
    if limit is None:
        # SQLite wants a LIMIT before an OFFSET, and "no limit" is spelt differently in each
        # engine; a collection is a few hundred rows at most.
        return [_entry(row) for row in tx.execute(query, (chat_id,)).all()[offset:]]
    rows = tx.execute(f"{query} LIMIT ? OFFSET ?", (chat_id, limit, offset)).all()
    return [_entry(row) for row in rows]


def count(tx: Transaction, chat_id: int) -> int:
    row = tx.execute("SELECT count(*) FROM entries WHERE chat_id = ?", (chat_id,)).one()
    assert row is not None
    return int(row[0])


def remove(tx: Transaction, chat_id: int, entry_id: int) -> bool:
    return bool(
        tx.execute("DELETE FROM entries WHERE id = ? AND chat_id = ?", (entry_id, chat_id)).changed
    )


def clear(tx: Transaction, chat_id: int) -> int:
    return tx.execute("DELETE FROM entries WHERE chat_id = ?", (chat_id,)).changed


def move(tx: Transaction, old: int, new: int) -> None:
    """The old chat's entries to the new one, but for those it saved too (kept once)."""
    tx.execute(
        "DELETE FROM entries WHERE chat_id = ? AND EXISTS (SELECT 1 FROM entries AS held"
        " WHERE held.chat_id = ? AND held.symbol = entries.symbol AND held.lang = entries.lang"
        " AND held.annex = entries.annex AND held.kind = entries.kind"
        " AND held.number = entries.number)",
        (old, new),
    )
    tx.execute("UPDATE entries SET chat_id = ? WHERE chat_id = ?", (new, old))
