"""The topics chats follow: words that new reports are matched against."""

from __future__ import annotations

from bot.store.database import Row, Transaction
from bot.store.models import Topic

COLUMNS = "id, chat_id, query, language, created"


def key(query: str) -> str:
    """What makes two queries the same topic: "Child  Labour" is "child labour"."""
    return " ".join(query.split()).casefold()


def _topic(row: Row) -> Topic:
    return Topic(*row)


def add(
    tx: Transaction, chat_id: int, query: str, language: str, most: int, now: float
) -> Topic | None:
    """The topic followed, the one already followed if the same, None if the chat follows
    `most` already."""
    if not key(query):
        raise ValueError("a topic needs words")
    same = tx.execute(
        f"SELECT {COLUMNS} FROM topics WHERE chat_id = ? AND query_key = ?",
        (chat_id, key(query)),
    ).one()
    if same is not None:
        return _topic(same)
    if count(tx, chat_id) >= most:
        return None
    row = tx.execute(
        "INSERT INTO topics (chat_id, query, query_key, language, created)"
        f" VALUES (?, ?, ?, ?, ?) RETURNING {COLUMNS}",
        (chat_id, " ".join(query.split()), key(query), language, now),
    ).one()
    assert row is not None
    return _topic(row)


def count(tx: Transaction, chat_id: int) -> int:
    row = tx.execute("SELECT count(*) FROM topics WHERE chat_id = ?", (chat_id,)).one()
    assert row is not None
    return int(row[0])


def of_chat(tx: Transaction, chat_id: int) -> list[Topic]:
    rows = tx.execute(
        f"SELECT {COLUMNS} FROM topics WHERE chat_id = ? ORDER BY id", (chat_id,)
    ).all()
    return [_topic(row) for row in rows]


def every(tx: Transaction) -> list[Topic]:
    return [_topic(row) for row in tx.execute(f"SELECT {COLUMNS} FROM topics ORDER BY id").all()]


def remove(tx: Transaction, chat_id: int, topic_id: int) -> bool:
    # Its digests go with it: the foreign key cascades.
    return bool(
        tx.execute("DELETE FROM topics WHERE id = ? AND chat_id = ?", (topic_id, chat_id)).changed
    )


def move(tx: Transaction, old: int, new: int) -> None:
    """The old chat's topics to the new one, but for those it follows too (kept once)."""
    tx.execute(
        "DELETE FROM topics WHERE chat_id = ?"
        " AND query_key IN (SELECT query_key FROM topics WHERE chat_id = ?)",
        (old, new),
    )
    tx.execute("UPDATE topics SET chat_id = ? WHERE chat_id = ?", (new, old))


def erase(tx: Transaction, chat_id: int) -> None:
    tx.execute("DELETE FROM topics WHERE chat_id = ?", (chat_id,))
