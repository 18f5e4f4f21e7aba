"""Topics a chat follows: at most ten, each once, in the order followed."""

from __future__ import annotations

import pytest

from bot.store import MOST_TOPICS, NewDigest, Store, Topic
from tests.bot.clock import Clock


def test_a_topic_followed_is_dated_and_kept_as_typed(store: Store, clock: Clock) -> None:
    topic = store.add_topic(7, "  Child   Labour ", "en")
    assert topic is not None
    assert topic == Topic(
        id=topic.id, chat_id=7, query="Child Labour", language="en", created=1_000.0
    )
    assert store.topics(7) == [topic]


def test_the_same_words_again_are_the_topic_followed_already(store: Store) -> None:
    first = store.add_topic(7, "child labour", "en")
    assert first is not None
    assert store.add_topic(7, "CHILD\tlabour", "fr") == first
    assert store.topics(7) == [first]
    # Another chat's topic is its own.
    other = store.add_topic(8, "child labour", "en")
    assert other is not None
    assert other.id != first.id


def test_a_chat_follows_ten_topics_at_most(store: Store) -> None:
    assert MOST_TOPICS == 10
    followed = [store.add_topic(7, f"topic {n}", "en") for n in range(10)]
    assert None not in followed
    assert store.add_topic(7, "one too many", "en") is None
    # One followed already is still found, and other chats are not held back.
    assert store.add_topic(7, "topic 3", "en") == followed[3]
    assert store.add_topic(8, "one too many", "en") is not None
    assert store.add_topic(7, "a few", "en", most=3) is None


def test_topics_come_in_the_order_followed(store: Store) -> None:
    queries = ["migration", "birth registration", "detention", "adoption"]
    for query in queries:
        store.add_topic(7, query, "en")
    store.add_topic(8, "trafficking", "ru")
    assert [topic.query for topic in store.topics(7)] == queries
    assert [(t.chat_id, t.query) for t in store.all_topics()] == [
        *((7, query) for query in queries),
        (8, "trafficking"),
    ]


def test_removing_a_topic_drops_its_pending_digests(store: Store) -> None:
    kept = store.add_topic(7, "migration", "en")
    removed = store.add_topic(7, "detention", "en")
    assert kept is not None
    assert removed is not None
    store.record_versions(
        {("A/1", "en"): "v2"},
        [
            NewDigest(7, kept.id, "A/1", "en", "v2", "{}"),
            NewDigest(7, removed.id, "A/1", "en", "v2", "{}"),
        ],
    )
    assert store.remove_topic(7, removed.id) is True
    assert store.topics(7) == [kept]
    assert [d.topic_id for d in store.pending_digests(now=2_000.0)] == [kept.id]
    assert store.remove_topic(7, removed.id) is False


def test_a_chat_cannot_remove_another_chats_topic(store: Store) -> None:
    theirs = store.add_topic(8, "migration", "en")
    assert theirs is not None
    assert store.remove_topic(7, theirs.id) is False
    assert store.topics(8) == [theirs]


def test_a_removed_topics_id_is_never_given_again(store: Store) -> None:
    """A button still showing an old id must not act on a newer topic."""
    first = store.add_topic(7, "migration", "en")
    assert first is not None
    store.remove_topic(7, first.id)
    second = store.add_topic(7, "detention", "en")
    assert second is not None
    assert second.id > first.id


def test_a_topic_needs_words(store: Store) -> None:
    with pytest.raises(ValueError, match="words"):
        store.add_topic(7, "  \n", "en")
