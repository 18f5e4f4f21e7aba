"""Searches remembered for paging: in memory, or in Redis for several processes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from bot.services.searches import SearchMemory
from bot.services.shared import SharedSearches, connect
from tests.services import REDIS, redis_prefix

Make = Callable[..., SearchMemory]


@pytest.fixture(params=["memory", "redis"])
async def make(request: pytest.FixtureRequest) -> AsyncIterator[Make]:
    if request.param == "memory":
        yield SearchMemory
        return
    with redis_prefix() as prefix:
        client = connect(REDIS)
        yield lambda lifetime=3600: SharedSearches(client, lifetime, prefix)
        await client.aclose()


async def test_a_search_is_recalled_by_its_token(make: Make) -> None:
    memory = make()
    token = await memory.remember("online exploitation")
    assert len(token) == 8
    assert await memory.recall(token) == "online exploitation"
    assert await memory.recall("00000000") is None


async def test_a_search_remembered_by_one_process_is_recalled_by_another() -> None:
    with redis_prefix() as prefix:
        one, other = connect(REDIS), connect(REDIS)
        token = await SharedSearches(one, prefix=prefix).remember("child marriage")
        assert await SharedSearches(other, prefix=prefix).recall(token) == "child marriage"
        await one.aclose()
        await other.aclose()


async def test_the_oldest_searches_are_forgotten_beyond_capacity() -> None:
    memory = SearchMemory(capacity=2)
    first, second, third = [await memory.remember(q) for q in ("a", "b", "c")]
    assert await memory.recall(first) is None
    assert (await memory.recall(second), await memory.recall(third)) == ("b", "c")


async def test_searches_expire(make: Make) -> None:
    memory = make(lifetime=1)
    token = await memory.remember("a")
    await asyncio.sleep(1.2)
    assert await memory.recall(token) is None


async def test_without_redis_searches_are_remembered_here_and_it_is_said_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Nothing listens on port 1.
    unreachable = connect("redis://127.0.0.1:1/0")
    memory = SharedSearches(unreachable)
    tokens = [await memory.remember(query) for query in ("a", "b")]
    assert [await memory.recall(token) for token in tokens] == ["a", "b"]
    assert [record.message for record in caplog.records].count(
        "Redis is out of reach (ConnectionError): using this process's memory"
    ) == 1
    await unreachable.aclose()
