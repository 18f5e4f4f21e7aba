"""Searches remembered for paging."""

from __future__ import annotations

from bot.services.searches import SearchMemory


def test_a_search_is_recalled_by_its_token() -> None:
    memory = SearchMemory()
    token = memory.remember("online exploitation")
    assert len(token) == 8
    assert memory.recall(token) == "online exploitation"
    assert memory.recall("00000000") is None


def test_the_oldest_searches_are_forgotten_beyond_capacity() -> None:
    memory = SearchMemory(capacity=2)
    first, second, third = (memory.remember(q) for q in ("a", "b", "c"))
    assert memory.recall(first) is None
    assert (memory.recall(second), memory.recall(third)) == ("b", "c")


def test_searches_expire() -> None:
    memory = SearchMemory(lifetime=-1)
    assert memory.recall(memory.remember("a")) is None
