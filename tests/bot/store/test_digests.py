"""Report versions seen, and the digest outbox: queued once, sent, retried, given up."""

from __future__ import annotations

from typing import cast

import pytest

from bot.store import Digest, NewDigest, Store, Topic
from bot.store.database import ERRORS


@pytest.fixture
def topic(store: Store) -> Topic:
    followed = store.add_topic(7, "trafficking", "en")
    assert followed is not None
    return followed


def news(
    topic: Topic, symbol: str = "A/1", version: str = "v2", body: str = '{"n": 1}'
) -> NewDigest:
    return NewDigest(topic.chat_id, topic.id, symbol, "en", version, body)


def test_versions_are_unknown_until_first_recorded_even_as_none(store: Store) -> None:
    assert store.known_versions() is None
    # The first start: a baseline, without digests, even when no report is indexed.
    assert store.record_versions({}, []) == 0
    assert store.known_versions() == {}


def test_the_known_versions_become_exactly_those_recorded(store: Store) -> None:
    store.record_versions({("A/1", "en"): "v1", ("A/1", "fr"): "v1", ("A/2", "en"): "v1"}, [])
    store.record_versions({("A/1", "en"): "v2", ("A/3", "es"): "v1"}, [])
    assert store.known_versions() == {("A/1", "en"): "v2", ("A/3", "es"): "v1"}


def test_recording_queues_the_digests_due_at_once(store: Store, topic: Topic) -> None:
    queued = store.record_versions({("A/1", "en"): "v2"}, [news(topic)])
    assert queued == 1
    (digest,) = store.pending_digests(now=0.0)
    assert digest == Digest(digest.id, 7, topic.id, "A/1", "en", "v2", '{"n": 1}', attempts=0)


def test_the_same_news_is_never_queued_twice_whatever_became_of_it(
    store: Store, topic: Topic
) -> None:
    versions = {("A/1", "en"): "v2"}
    assert store.record_versions(versions, [news(topic, "A/1"), news(topic, "A/2")]) == 2
    # Told again (a restart before the versions were seen, say): nothing more is queued.
    assert store.record_versions(versions, [news(topic, "A/1"), news(topic, "A/2")]) == 0
    first, second = store.pending_digests(now=0.0)
    store.digest_sent(first.id)
    store.digest_failed(second.id, retry_at=None)
    assert store.record_versions(versions, [news(topic, "A/1"), news(topic, "A/2")]) == 0
    assert store.pending_digests(now=0.0) == []
    # A newer version is news again.
    assert store.record_versions(versions, [news(topic, "A/1", version="v3")]) == 1


def test_a_digest_for_a_topic_no_longer_followed_is_not_queued(store: Store, topic: Topic) -> None:
    other = store.add_topic(8, "detention", "en")
    assert other is not None
    store.remove_topic(8, other.id)
    foreign = NewDigest(9, topic.id, "A/1", "en", "v2", "{}")  # the topic is chat 7's
    queued = store.record_versions({("A/1", "en"): "v2"}, [news(topic), news(other), foreign])
    assert queued == 1
    assert [d.chat_id for d in store.pending_digests(now=0.0)] == [7]


def test_recording_is_all_or_nothing(store: Store, topic: Topic) -> None:
    store.record_versions({("A/1", "en"): "v1"}, [])
    broken = NewDigest(7, topic.id, "A/2", "en", "v1", cast(str, object()))
    with pytest.raises(ERRORS):
        store.record_versions({("A/1", "en"): "v2", ("A/2", "en"): "v1"}, [news(topic), broken])
    assert store.known_versions() == {("A/1", "en"): "v1"}
    assert store.pending_digests(now=0.0) == []


def test_pending_digests_are_the_due_ones_oldest_first(store: Store, topic: Topic) -> None:
    store.record_versions({}, [news(topic, f"A/{n}") for n in range(1, 6)])
    digests = store.pending_digests(now=1_000.0)
    assert [d.symbol for d in digests] == ["A/1", "A/2", "A/3", "A/4", "A/5"]
    assert [d.symbol for d in store.pending_digests(now=1_000.0, limit=2)] == ["A/1", "A/2"]
    store.digest_failed(digests[0].id, retry_at=1_060.0)
    assert [d.symbol for d in store.pending_digests(now=1_059.0)] == ["A/2", "A/3", "A/4", "A/5"]
    assert next(d.symbol for d in store.pending_digests(now=1_060.0)) == "A/1"


def test_a_sent_digest_is_pending_no_more(store: Store, topic: Topic) -> None:
    store.record_versions({}, [news(topic)])
    (digest,) = store.pending_digests(now=0.0)
    store.digest_sent(digest.id)
    assert store.pending_digests(now=10**12) == []


def test_a_failed_digest_is_tried_again_when_due_then_given_up(store: Store, topic: Topic) -> None:
    store.record_versions({}, [news(topic)])
    (digest,) = store.pending_digests(now=0.0)
    store.digest_failed(digest.id, retry_at=100.0)
    assert store.pending_digests(now=99.0) == []
    (again,) = store.pending_digests(now=100.0)
    assert again.attempts == 1
    store.digest_failed(digest.id, retry_at=200.0)
    (again,) = store.pending_digests(now=200.0)
    assert again.attempts == 2
    store.digest_failed(digest.id, retry_at=None)
    assert store.pending_digests(now=10**12) == []
    # Given up for good: a late report of its sending changes nothing.
    store.digest_sent(digest.id)
    store.digest_failed(digest.id, retry_at=300.0)
    assert store.pending_digests(now=10**12) == []


def test_claimed_digests_are_no_other_claimers_until_their_lease_is_over(
    store: Store, topic: Topic
) -> None:
    store.record_versions({}, [news(topic, "A/1"), news(topic, "A/2")])
    first = store.claim_digests(now=100.0, lease=60.0, limit=1)
    assert [digest.symbol for digest in first] == ["A/1"]
    # Another process, at the same moment: the next one only.
    assert [d.symbol for d in store.claim_digests(now=100.0, lease=60.0)] == ["A/2"]
    assert store.claim_digests(now=159.0, lease=60.0) == []
    # The first claimer died without a word: after its lease, the digest is anyone's again.
    assert [d.symbol for d in store.claim_digests(now=160.0, lease=60.0)] == ["A/1", "A/2"]
    store.digest_sent(first[0].id)
    assert [d.symbol for d in store.claim_digests(now=10_000.0, lease=60.0)] == ["A/2"]


def test_a_digest_claimed_by_a_dead_process_is_taken_over_at_once(
    store: Store, topic: Topic
) -> None:
    store.record_versions({}, [news(topic, "A/1")])
    (claimed,) = store.claim_digests(now=100.0, lease=600.0, claimer="host/1")
    assert store.claim_digests(now=101.0, lease=600.0, claimer="host/2") == []
    (taken,) = store.claim_digests(
        now=101.0, lease=600.0, claimer="host/2", dead=lambda claimer: claimer == "host/1"
    )
    assert taken.id == claimed.id
