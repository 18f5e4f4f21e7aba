"""The bot serving an index: a real `reportbot run` process against the emulator, run here.

Two processes, as in production the bot and Telegram are two machines: the bot has a core to
itself while this process plays Telegram and its users. Each user is a private chat that sends
`/search <query>`; a reply is the bot's next sendMessage in that chat, timed by the emulator's
own clock (`Call.answered_at`) from the moment the update was queued for the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Sequence
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from bench.measure import Latency, latency, peak_rss
from bot.emulator import Call, Emulator

T = TypeVar("T")

TOKEN = "4242424242:bench-token-for-the-emulator"
USERNAME = "reportbot_bench_bot"
# Generous: under load a reply waits for every update queued before it, a hundred searches at
# a large scale.
REPLY_TIMEOUT = 300.0
STOP_TIMEOUT = 30.0
# /search alone: the bot answers how to search, without touching the index.
USAGE = "/search"
# Telegram's ceiling for one bot's messages, and what the rate limiter must deliver.
TELEGRAM_RATE = 30.0


@dataclass(frozen=True)
class Serving:
    cold_start_s: float
    """From spawning `reportbot run` to its first reply."""
    peak_rss_bytes: int
    """The serving process's peak resident memory, after all the traffic below."""
    latency: Latency
    """Update queued to reply, one chat sending one query at a time."""
    throughput: float
    """Replies per second, rate limiter off, with `chats` chats each waiting for its reply
    before sending the next query."""
    chats: int
    bare_throughput: float
    """Replies per second, same load, to `/search` with no words: the usage reply, no index
    work. The bot's ceiling whatever the search costs."""
    limited_rate: float | None
    """Replies per second with the rate limiter on (None: not measured)."""


@dataclass(frozen=True)
class Load:
    """How much traffic: `sequential` queries one at a time, then `chats` chats at once for
    `window` seconds (after `warm_up` seconds), with and without the rate limiter."""

    sequential: int = 200
    chats: int = 100
    warm_up: float = 2.0
    window: float = 10.0
    rate_limited: bool = True


@dataclass(frozen=True)
class Traffic:
    """What the chats send: `first` to time the cold start, `sequential` one at a time (the mix
    repeated if shorter than the count asked for), `load` in the throughput runs (likewise)."""

    first: str
    sequential: Sequence[str]
    load: Sequence[str]


class Replies:
    """The bot's replies as the emulator answers them, handed to whoever waits in each chat."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator
        self._seen = len(emulator.calls)
        self._waiting: dict[int, asyncio.Future[Call]] = {}
        self.answered: list[float] = []
        """When each reply was answered (time.monotonic), in order."""
        self.rejected: list[Call] = []
        """The calls the emulator refused, as Telegram would have: the bot's mistakes."""

    def expect(self, chat_id: int) -> asyncio.Future[Call]:
        """The chat's next reply, once it comes."""
        future = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = future
        return future

    async def watch(self) -> None:
        """Hand out replies until cancelled."""
        while True:
            with contextlib.suppress(TimeoutError):
                await self._emulator.wait_for(lambda _: True, since=self._seen, timeout=3600)
            calls = self._emulator.calls
            for call in calls[self._seen :]:
                self._take(call)
            self._seen = len(calls)

    def _take(self, call: Call) -> None:
        if not call.ok:
            self.rejected.append(call)
        if call.method != "sendMessage":
            return
        waiting = self._waiting.pop(int(call.params["chat_id"]), None)
        if call.ok:
            self.answered.append(call.answered_at)
            if waiting is not None and not waiting.done():
                waiting.set_result(call)
        elif waiting is not None and not waiting.done():
            waiting.set_exception(RuntimeError(f"the reply was rejected: {call.summary()}"))


class BotProcess:
    """`reportbot run` in a process of its own, serving `index_dir` to the emulator."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path, started_at: float) -> None:
        self.process = process
        self.log = log
        self.started_at = started_at
        """time.monotonic() just before the process was spawned."""

    @classmethod
    async def spawn(
        cls,
        emulator: Emulator,
        index_dir: Path,
        work_dir: Path,
        *,
        rate_limit: bool,
        profile: Path | None = None,
    ) -> BotProcess:
        env = _environment(emulator, index_dir, work_dir, rate_limit=rate_limit)
        reportbot = str(Path(sys.executable).with_name("reportbot"))
        command = [reportbot, "run"]
        if profile is not None:
            # pyinstrument samples the main thread: the event loop, not the searches' threads.
            command = [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(profile)]
            command += [reportbot, "run"]
        log = work_dir / "bot.log"
        with log.open("wb") as output:
            started_at = time.monotonic()
            # The working directory has no .env: the settings are the environment's alone.
            process = await asyncio.create_subprocess_exec(
                *command, cwd=work_dir, env=env, stdout=output, stderr=output
            )
        return cls(process, log, started_at)

    @property
    def peak_rss(self) -> int:
        return peak_rss(self.process.pid)

    async def until_exit(self) -> NoReturn:
        """Return if the process ends, which while serving is a failure."""
        status = await self.process.wait()
        raise RuntimeError(
            f"reportbot run exited with status {status}; its log:\n{self.log.read_text()[-3000:]}"
        )

    async def stop(self) -> None:
        """SIGTERM, as systemd stops it: it finishes the updates it has, then exits."""
        if self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


def _environment(
    emulator: Emulator, index_dir: Path, work_dir: Path, *, rate_limit: bool
) -> dict[str, str]:
    work_dir.mkdir(parents=True, exist_ok=True)
    # Only ours: a REPORTBOT_ variable of the shell (a webhook, a token) must not leak in.
    env = {name: value for name, value in os.environ.items() if not name.startswith("REPORTBOT")}
    return env | {
        "REPORTBOT_TOKEN": emulator.token,
        "REPORTBOT_API_BASE_URL": emulator.base_url,
        "REPORTBOT_INDEX_DIR": str(index_dir.resolve()),
        "REPORTBOT_DATA_DIR": str(work_dir.resolve()),
        "REPORTBOT_RATE_LIMIT": "true" if rate_limit else "false",
        "REPORTBOT_LOG_LEVEL": "WARNING",
        # The load is a few chats searching far more than a person may: the per-person limits
        # would answer most of it with "please wait", which is not what is measured.
        "REPORTBOT_SEARCHES_PER_USER": "0",
        "REPORTBOT_SEARCHES_PER_GROUP": "0",
    }


@dataclass
class User:
    """One person in a private chat with the bot."""

    chat: dict[str, Any]
    user: dict[str, Any]

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])


async def measure_serving(
    index_dir: Path,
    traffic: Traffic,
    work_dir: Path,
    load: Load,
    profile: Path | None = None,
) -> Serving:
    """Cold start, latency, throughput and memory of the bot serving `index_dir`."""
    async with (
        Emulator(token=TOKEN, bot_username=USERNAME) as emulator,
        _watching(emulator) as replies,
    ):
        users = [_new_user(emulator, number) for number in range(max(load.chats, 1))]
        searches = [_search(query) for query in traffic.load]
        unlimited = BotProcess.spawn(
            emulator, index_dir, work_dir / "unlimited", rate_limit=False, profile=profile
        )
        async with _serving(unlimited) as bot:
            first = await _guarded(bot, _ask(emulator, replies, users[0], _search(traffic.first)))
            cold_start = first.answered_at - bot.started_at
            samples = [
                await _guarded(bot, _ask_timed(emulator, replies, users[0], _search(query)))
                for query in _take(traffic.sequential, load.sequential)
            ]
            throughput = await _guarded(bot, _sustained(emulator, replies, users, searches, load))
            bare = await _guarded(bot, _sustained(emulator, replies, users, [USAGE], load))
            rss = bot.peak_rss
        limited: float | None = None
        if load.rate_limited:
            spawned = BotProcess.spawn(emulator, index_dir, work_dir / "limited", rate_limit=True)
            async with _serving(spawned) as bot:
                await _guarded(bot, _ask(emulator, replies, users[0], _search(traffic.first)))
                limited = await _guarded(bot, _sustained(emulator, replies, users, searches, load))
        if replies.rejected:
            listed = "\n".join(call.summary()[:300] for call in replies.rejected[:5])
            raise RuntimeError(f"the emulator rejected {len(replies.rejected)} call(s):\n{listed}")
    return Serving(
        cold_start_s=cold_start,
        peak_rss_bytes=rss,
        latency=latency(samples),
        throughput=throughput,
        chats=len(users),
        bare_throughput=bare,
        limited_rate=limited,
    )


@contextlib.asynccontextmanager
async def _serving(spawning: Awaitable[BotProcess]) -> AsyncIterator[BotProcess]:
    bot = await spawning
    try:
        yield bot
    finally:
        await bot.stop()


@contextlib.asynccontextmanager
async def _watching(emulator: Emulator) -> AsyncIterator[Replies]:
    replies = Replies(emulator)
    task = asyncio.create_task(replies.watch())
    try:
        yield replies
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _new_user(emulator: Emulator, number: int) -> User:
    user = emulator.user(f"Reader {number}", language_code="en")
    return User(emulator.private_chat(user), user)


def _take(queries: Sequence[str], count: int) -> list[str]:
    """`count` queries, the mix repeated if it is shorter."""
    return [query for query, _ in zip(cycle(queries), range(count), strict=False)]


async def _guarded(bot: BotProcess, work: Awaitable[T]) -> T:
    """`work`'s result; an error at once if the bot's process dies meanwhile."""
    waiting = asyncio.ensure_future(work)
    exited = asyncio.ensure_future(bot.until_exit())
    await asyncio.wait({waiting, exited}, return_when=asyncio.FIRST_COMPLETED)
    if waiting.done():
        exited.cancel()
        return waiting.result()
    waiting.cancel()
    return exited.result()


def _search(query: str) -> str:
    return f"/search {query}"


async def _ask(emulator: Emulator, replies: Replies, user: User, text: str) -> Call:
    """The bot's reply to `user` writing `text`."""
    reply = replies.expect(user.chat_id)
    emulator.send_message(user.chat, user.user, text)
    return await asyncio.wait_for(reply, REPLY_TIMEOUT)


async def _ask_timed(emulator: Emulator, replies: Replies, user: User, text: str) -> float:
    """Seconds from the update being queued to the reply."""
    sent = time.monotonic()
    reply = await _ask(emulator, replies, user, text)
    return reply.answered_at - sent


async def _sustained(
    emulator: Emulator,
    replies: Replies,
    users: Sequence[User],
    texts: Sequence[str],
    load: Load,
) -> float:
    """Replies per second while every chat sends its next text as soon as it has its reply."""
    stop = asyncio.Event()
    mix = cycle(texts)

    async def chat(user: User) -> None:
        while not stop.is_set():
            await _ask(emulator, replies, user, next(mix))

    tasks = [asyncio.create_task(chat(user)) for user in users]
    await asyncio.sleep(load.warm_up)
    start = time.monotonic()
    await asyncio.sleep(load.window)
    end = time.monotonic()
    stop.set()
    # Each chat finishes with the reply it is waiting for: the next phase starts with none due.
    await asyncio.gather(*tasks)
    counted = sum(start <= answered < end for answered in replies.answered)
    return counted / (end - start)
