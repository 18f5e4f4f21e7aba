"""A chat as a whole: a group becoming a supergroup, a chat blocking the bot, /forget."""

from __future__ import annotations

import sqlite3

import pytest

from bot.store import NewDigest, Store

SYMBOL = "A/HRC/58/19"
GROUP = -4001
SUPERGROUP = -1001234567890


def fill(store: Store, chat_id: int) -> int:
    """Settings, a topic with a pending digest, two saved paragraphs; the topic's id."""
    store.save_settings(chat_id, {"report": SYMBOL, "language": "fr"})
    topic = store.add_topic(chat_id, "migration", "fr")
    assert topic is not None
    store.record_versions({}, [NewDigest(chat_id, topic.id, SYMBOL, "fr", "v1", "{}")])
    store.save_entry(chat_id, SYMBOL, "fr", None, "numbered", 3)
    store.save_entry(chat_id, SYMBOL, "fr", None, "numbered", 4)
    return topic.id


def everything_of(store: Store, chat_id: int) -> list[object]:
    return [
        store.all_settings().get(chat_id),
        [t.query for t in store.topics(chat_id)],
        [(e.symbol, e.number) for e in store.entries(chat_id)],
        [d.symbol for d in store.pending_digests(now=0.0) if d.chat_id == chat_id],
    ]


def test_a_group_become_a_supergroup_takes_everything_along(store: Store) -> None:
    topic_id = fill(store, GROUP)
    fill(store, 7)
    others = everything_of(store, 7)
    store.move_chat(GROUP, SUPERGROUP)
    assert everything_of(store, SUPERGROUP) == [
        {"report": SYMBOL, "language": "fr"},
        ["migration"],
        [(SYMBOL, 3), (SYMBOL, 4)],
        [SYMBOL],
    ]
    assert everything_of(store, GROUP) == [None, [], [], []]
    assert everything_of(store, 7) == others
    (topic,) = store.topics(SUPERGROUP)
    assert topic.id == topic_id
    # Telegram tells of the move twice: the second time there is nothing left to move.
    store.move_chat(GROUP, SUPERGROUP)
    assert everything_of(store, SUPERGROUP)[1:3] == [["migration"], [(SYMBOL, 3), (SYMBOL, 4)]]


def test_a_move_onto_a_chat_with_data_keeps_each_thing_once(store: Store) -> None:
    fill(store, GROUP)
    store.save_settings(SUPERGROUP, {"language": "es"})
    store.add_topic(SUPERGROUP, "Migration", "es")
    store.add_topic(SUPERGROUP, "detention", "es")
    store.save_entry(SUPERGROUP, SYMBOL, "fr", None, "numbered", 4)
    store.move_chat(GROUP, SUPERGROUP)
    # The group's settings are the ones its members chose last (PTB's migrate_chat_data).
    assert store.all_settings()[SUPERGROUP] == {"report": SYMBOL, "language": "fr"}
    assert [topic.query for topic in store.topics(SUPERGROUP)] == ["Migration", "detention"]
    assert sorted(entry.number for entry in store.entries(SUPERGROUP)) == [3, 4]
    assert everything_of(store, GROUP) == [None, [], [], []]


def test_a_move_from_a_chat_without_settings_keeps_the_new_ones(store: Store) -> None:
    store.save_settings(SUPERGROUP, {"language": "es"})
    store.move_chat(GROUP, SUPERGROUP)
    assert store.all_settings() == {SUPERGROUP: {"language": "es"}}


def test_a_chat_that_blocked_the_bot_loses_its_topics_but_not_its_settings_or_collection(
    store: Store,
) -> None:
    fill(store, 7)
    fill(store, 8)
    store.drop_chat(7)
    assert everything_of(store, 7) == [
        {"report": SYMBOL, "language": "fr"},
        [],
        [(SYMBOL, 3), (SYMBOL, 4)],
        [],
    ]
    assert everything_of(store, 8)[1:] == [["migration"], [(SYMBOL, 3), (SYMBOL, 4)], [SYMBOL]]


def test_forget_erases_everything_of_the_chat_and_nothing_else(store: Store) -> None:
    fill(store, 7)
    fill(store, 8)
    store.forget(7)
    assert everything_of(store, 7) == [None, [], [], []]
    assert store.count_entries(7) == 0
    assert [t.chat_id for t in store.all_topics()] == [8]
    assert everything_of(store, 8) == [
        {"report": SYMBOL, "language": "fr"},
        ["migration"],
        [(SYMBOL, 3), (SYMBOL, 4)],
        [SYMBOL],
    ]


@pytest.mark.parametrize("engine", ["sqlite"])
def test_forget_leaves_no_row_of_the_chat_in_the_file(store: Store) -> None:
    """Read with sqlite3 itself: nothing of the chat in any table, sent digests included."""
    fill(store, 7)
    (digest,) = store.pending_digests(now=0.0)
    store.digest_sent(digest.id)
    store.forget(7)
    assert store.path is not None
    with sqlite3.connect(store.path) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            if "chat_id" in columns:
                rows = connection.execute(f"SELECT * FROM {table} WHERE chat_id = 7").fetchall()
                assert rows == [], table
    connection.close()
