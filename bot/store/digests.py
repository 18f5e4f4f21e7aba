"""The report versions seen, and the digest outbox: news of reports for the topics followed.

A digest is pending until sent or given up. Its row stays afterwards, its body emptied (the
message was sent, or will never be): the unique (chat, topic, symbol, version) then keeps the
same news from being queued again, whatever the bot is told twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.store.database import Row, Transaction
from bot.store.models import Digest, NewDigest

PENDING = "pending"
SENT = "sent"
GIVEN_UP = "given up"
VERSIONS_RECORDED = "report versions recorded"
# A new digest is due at once, whatever clock the caller's `now` is read from.
AT_ONCE = 0.0


def known_versions(tx: Transaction) -> dict[tuple[str, str], str] | None:
    recorded = tx.execute("SELECT 1 FROM milestones WHERE name = ?", (VERSIONS_RECORDED,)).one()
    if recorded is None:
        return None
    rows = tx.execute("SELECT symbol, lang, version FROM report_versions").all()
    return {(symbol, lang): version for symbol, lang, version in rows}


def record_versions(
    tx: Transaction,
    versions: Mapping[tuple[str, str], str],
    digests: Sequence[NewDigest],
    now: float,
) -> int:
    tx.execute("DELETE FROM report_versions")
    for (symbol, lang), version in versions.items():
        tx.execute(
            "INSERT INTO report_versions (symbol, lang, version) VALUES (?, ?, ?)",
            (symbol, lang, version),
        )
    tx.execute(
        "INSERT INTO milestones (name, reached) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (VERSIONS_RECORDED, now),
    )
    # A topic unfollowed (or a chat gone) since the digests were prepared: theirs are dropped
    # rather than failing the whole transaction on the foreign key.
    followed = set(tx.execute("SELECT id, chat_id FROM topics").all())
    queued = 0
    for digest in digests:
        if (digest.topic_id, digest.chat_id) not in followed:
            continue
        queued += tx.execute(
            "INSERT INTO digests"
            " (chat_id, topic_id, symbol, lang, version, body, state, not_before, attempts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
            (
                digest.chat_id,
                digest.topic_id,
                digest.symbol,
                digest.lang,
                digest.version,
                digest.body,
                PENDING,
                AT_ONCE,
            ),
        ).changed
    return queued


def _digest(row: Row) -> Digest:
    return Digest(*row)


def pending(tx: Transaction, now: float, limit: int) -> list[Digest]:
    rows = tx.execute(
        "SELECT id, chat_id, topic_id, symbol, lang, version, body, attempts FROM digests"
        " WHERE state = ? AND not_before <= ? ORDER BY id LIMIT ?",
        (PENDING, now, limit),
    ).all()
    return [_digest(row) for row in rows]


def claim(
    tx: Transaction,
    now: float,
    lease: float,
    limit: int,
    claimer: str,
    dead: Callable[[str], bool],
) -> list[Digest]:
    """The pending digests due at `now`, or claimed by a claimer `dead` says is dead, oldest
    first, claimed by `claimer` for `lease` seconds."""
    rows = tx.execute(
        "SELECT id, chat_id, topic_id, symbol, lang, version, body, attempts, not_before,"
        " claimed_by FROM digests WHERE state = ? ORDER BY id",
        (PENDING,),
    ).all()
    claimed = [
        _digest(row[:8])
        for row in rows
        if row[8] <= now or (row[9] is not None and row[9] != claimer and dead(row[9]))
    ][:limit]
    for digest in claimed:
        tx.execute(
            "UPDATE digests SET not_before = ?, claimed_by = ? WHERE id = ?",
            (now + lease, claimer, digest.id),
        )
    return claimed


def sent(tx: Transaction, digest_id: int) -> None:
    tx.execute(
        "UPDATE digests SET state = ?, body = '' WHERE id = ? AND state = ?",
        (SENT, digest_id, PENDING),
    )


def failed(tx: Transaction, digest_id: int, retry_at: float | None) -> None:
    if retry_at is None:
        tx.execute(
            "UPDATE digests SET attempts = attempts + 1, state = ?, body = ''"
            " WHERE id = ? AND state = ?",
            (GIVEN_UP, digest_id, PENDING),
        )
    else:
        tx.execute(
            "UPDATE digests SET attempts = attempts + 1, not_before = ? WHERE id = ? AND state = ?",
            (retry_at, digest_id, PENDING),
        )


def move(tx: Transaction, old: int, new: int) -> None:
    """Run after the topics have moved: the digests of topics dropped as doubles went with
    them, the others' topic ids are unchanged."""
    tx.execute("UPDATE digests SET chat_id = ? WHERE chat_id = ?", (new, old))


def erase(tx: Transaction, chat_id: int) -> None:
    tx.execute("DELETE FROM digests WHERE chat_id = ?", (chat_id,))
