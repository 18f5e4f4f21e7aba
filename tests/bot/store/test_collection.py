"""A chat's collection: the paragraphs it saved, each once, 200 at most, in the order saved."""

from __future__ import annotations

import threading

from bot.store import MOST_ENTRIES, Entry, Saving, Store
from tests.bot.clock import Clock

SYMBOL = "A/HRC/58/19"


def test_a_paragraph_saved_is_an_entry_dated_in_the_chats_collection(
    store: Store, clock: Clock
) -> None:
    assert store.save_entry(7, SYMBOL, "en", None, "numbered", 3) is Saving.ADDED
    clock.advance(60)
    assert store.save_entry(7, SYMBOL, "en", "I", "numbered", 3) is Saving.ADDED
    first, second = store.entries(7)
    assert first == Entry(first.id, 7, SYMBOL, "en", None, "numbered", 3, saved=1_000.0)
    assert second == Entry(second.id, 7, SYMBOL, "en", "I", "numbered", 3, saved=1_060.0)
    assert store.entries(8) == []


def test_the_same_paragraph_again_is_saved_already(store: Store) -> None:
    store.save_entry(7, SYMBOL, "en", None, "numbered", 3)
    assert store.save_entry(7, SYMBOL, "en", None, "numbered", 3) is Saving.ALREADY
    # Any part that differs makes another paragraph: the report, its language, the annex,
    # the kind of paragraph, its number.
    for other in [
        ("A/HRC/58/20", "en", None, "numbered", 3),
        (SYMBOL, "fr", None, "numbered", 3),
        (SYMBOL, "en", "II", "numbered", 3),
        (SYMBOL, "en", None, "preambular", 3),
        (SYMBOL, "en", None, "numbered", 4),
    ]:
        assert store.save_entry(7, *other) is Saving.ADDED, other
    assert store.count_entries(7) == 6


def test_a_collection_holds_two_hundred_paragraphs_at_most(store: Store) -> None:
    assert MOST_ENTRIES == 200
    for number in range(1, 201):
        assert store.save_entry(7, SYMBOL, "en", None, "numbered", number) is Saving.ADDED
    assert store.save_entry(7, SYMBOL, "en", None, "numbered", 201) is Saving.FULL
    # Saved already says so, full or not; and another chat's collection is its own.
    assert store.save_entry(7, SYMBOL, "en", None, "numbered", 5) is Saving.ALREADY
    assert store.save_entry(8, SYMBOL, "en", None, "numbered", 201) is Saving.ADDED
    assert store.count_entries(7) == 200
    assert store.save_entry(9, SYMBOL, "en", None, "numbered", 1, most=1) is Saving.ADDED
    assert store.save_entry(9, SYMBOL, "en", None, "numbered", 2, most=1) is Saving.FULL


def test_entries_come_in_the_order_saved_a_page_at_a_time(store: Store) -> None:
    numbers = [12, 3, 40, 7, 1, 25, 9]
    for number in numbers:
        store.save_entry(7, SYMBOL, "en", None, "numbered", number)
    assert [entry.number for entry in store.entries(7)] == numbers
    assert [entry.number for entry in store.entries(7, offset=0, limit=3)] == [12, 3, 40]
    assert [entry.number for entry in store.entries(7, offset=3, limit=3)] == [7, 1, 25]
    assert [entry.number for entry in store.entries(7, offset=6, limit=3)] == [9]
    assert [entry.number for entry in store.entries(7, offset=5)] == [25, 9]
    assert store.entries(7, offset=7, limit=3) == []


def test_an_entry_is_removed_by_its_chat_only(store: Store) -> None:
    store.save_entry(7, SYMBOL, "en", None, "numbered", 3)
    store.save_entry(7, SYMBOL, "en", None, "numbered", 4)
    first, second = store.entries(7)
    assert store.remove_entry(8, first.id) is False
    assert store.remove_entry(7, first.id) is True
    assert store.remove_entry(7, first.id) is False
    assert store.entries(7) == [second]
    # Saved again, it comes last, under a new id: an old button cannot reach it.
    store.save_entry(7, SYMBOL, "en", None, "numbered", 3)
    assert [(e.number, e.id > second.id) for e in store.entries(7)] == [(4, False), (3, True)]


def test_clearing_a_collection_says_how_many_it_held(store: Store) -> None:
    for number in range(5):
        store.save_entry(7, SYMBOL, "en", None, "numbered", number)
    store.save_entry(8, SYMBOL, "en", None, "numbered", 1)
    assert store.clear_entries(7) == 5
    assert store.count_entries(7) == 0
    assert store.clear_entries(7) == 0
    assert store.count_entries(8) == 1


def test_saving_from_many_threads_at_once_keeps_the_cap(store: Store) -> None:
    """The bot saves from worker threads (asyncio.to_thread): each save is whole."""
    results: list[Saving] = []

    def save(number: int) -> None:
        results.append(store.save_entry(7, SYMBOL, "en", None, "numbered", number, most=50))

    threads = [threading.Thread(target=save, args=(n % 60,)) for n in range(120)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count_entries(7) == 50
    assert results.count(Saving.ADDED) == 50
    assert len({entry.number for entry in store.entries(7)}) == 50
