"""The store's schema, as the ordered migrations that build it: the schema version is how many
have been applied. A released migration is never edited; a change is a new one at the end.

The statements are plain SQL that SQLite and PostgreSQL both read: `{id}` is the auto-numbered
primary key, spelt out by the dialect (bot/store/database.py), BIGINT holds Telegram's ids
(up to 52 bits), DOUBLE PRECISION times in seconds since the epoch.
"""

from __future__ import annotations

from bot.store.database import Migration

CHATS_TOPICS_COLLECTIONS_DIGESTS: Migration = (
    # A chat's settings, a row per setting: a new setting needs no migration. A chat that has
    # none has no row, so the table does not list who used the bot.
    """CREATE TABLE chat_settings (
        chat_id BIGINT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (chat_id, name)
    )""",
    # query_key is the query casefolded with its whitespace normalised: following the same
    # words again finds the topic followed already.
    """CREATE TABLE topics (
        id {id},
        chat_id BIGINT NOT NULL,
        query TEXT NOT NULL,
        query_key TEXT NOT NULL,
        language TEXT NOT NULL,
        created DOUBLE PRECISION NOT NULL,
        UNIQUE (chat_id, query_key)
    )""",
    # annex is '' outside annexes, not NULL: NULLs never count as equal in a UNIQUE
    # constraint, and the same paragraph would be saved twice.
    """CREATE TABLE entries (
        id {id},
        chat_id BIGINT NOT NULL,
        symbol TEXT NOT NULL,
        lang TEXT NOT NULL,
        annex TEXT NOT NULL,
        kind TEXT NOT NULL,
        number INTEGER NOT NULL,
        saved DOUBLE PRECISION NOT NULL,
        UNIQUE (chat_id, symbol, lang, annex, kind, number)
    )""",
    """CREATE TABLE report_versions (
        symbol TEXT NOT NULL,
        lang TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (symbol, lang)
    )""",
    # What has happened once: the report versions first recorded (an empty report_versions
    # alone cannot tell "none indexed" from "never recorded"), bot-state.json imported.
    """CREATE TABLE milestones (
        name TEXT PRIMARY KEY,
        reached DOUBLE PRECISION NOT NULL
    )""",
    # The outbox. A digest's row stays once sent or given up (its body emptied): the unique
    # constraint then keeps the same news from being queued for the topic again.
    """CREATE TABLE digests (
        id {id},
        chat_id BIGINT NOT NULL,
        topic_id BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        lang TEXT NOT NULL,
        version TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'given up')),
        not_before DOUBLE PRECISION NOT NULL,
        attempts INTEGER NOT NULL,
        UNIQUE (chat_id, topic_id, symbol, version)
    )""",
    "CREATE INDEX digests_due ON digests (state, not_before)",
    # A topic's digests are found by it when it is removed (the cascade).
    "CREATE INDEX digests_topic ON digests (topic_id)",
)

# Which process claimed a pending digest to send it (claim_digests): another process takes it
# over when the claim's lease is over, or at once when the claimer is known to be dead.
DIGEST_CLAIMS: Migration = ("ALTER TABLE digests ADD COLUMN claimed_by TEXT",)

MIGRATIONS: tuple[Migration, ...] = (CHATS_TOPICS_COLLECTIONS_DIGESTS, DIGEST_CLAIMS)
"""Version N of the schema is MIGRATIONS[:N] applied."""
