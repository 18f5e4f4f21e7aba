"""Soak: minutes of mixed traffic from many chats through the emulator against the real bot
(`reportbot run` in its own process), with Telegram's failures injected all along.

    make soak                       # 2 minutes
    make soak SOAK_ARGS="--seconds 30 --chats 10"

Each simulated chat acts, waits for the bot's answer, pauses 2–5 s (groups 3–6 s: below
Telegram's 20 messages a minute per group) and acts again: /search with varied words, /para,
plain text in private chats, a button under the last results, an inline query, and things the
bot must ignore (stickers, photos, members joining, edits, chatter in groups, a channel post,
its own membership changing). Every few seconds one fault is injected: 429 with retry_after,
5xx and resets on getUpdates, a reset reply, a reply late by seconds, once a getUpdates that
hangs past the bot's timeout; one private chat has blocked the bot (403) throughout. Some
answered messages are delivered a second time, as Telegram does after a lost confirmation: the
bot must not answer them again.

An action is answered when the bot made, for it, exactly one of: a sendMessage to its chat that
Telegram took, or refused with the 403 of a blocked chat (a message: command or private text;
a "slow down" counts, as does an apology for a reply cut by a reset); answerCallbackQuery for
its callback id (taken, or failed with an injected 5xx); answerInlineQuery for its inline id.
Ignored kinds must get no message. Messages are told apart per chat by time: a chat's next
action waits for the answer to the last.

Fails (exit 1) if any action is unanswered or answered twice, if the bot made a call Telegram
rejects (other than the injected failures), if it exits badly, or if its memory grows by more
than --max-growth MB between the first and the last fifth of the run after warm-up (the first
quarter: language models and caches load on first use).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.measure import latency, rss
from bench.results import MB
from bot.emulator import Call, Emulator

REPORTBOT = str(Path(sys.executable).parent / "reportbot")
TOKEN = "5555555555:soak-test-token-for-the-emulator"
QUERIES = (
    "trafficking",
    "children",
    "online exploitation",
    "trafficing in children",
    "what does the report say about survivors?",
    "violence against children",
    "report:A/HRC/58/19 children",
    "year:2025 violence",
    "section:introduction",
    '"sexual exploitation"',
    "xylophone",
    "ILO",
    "enfants victimes de la traite",
    "\u200f<b>children</b> & *survivors*",
)
ANSWER_TIMEOUT = 60.0
# The share of answered messages delivered again.
REDELIVERED = 0.05
# What this run injects: any other refusal is the bot's mistake. 0 is a connection reset.
SERVER_ERRORS = frozenset({500, 502, 503})
INJECTED_STATUSES = frozenset({0, 403, 429}) | SERVER_ERRORS


@dataclass
class Action:
    kind: str
    """"message" (answered by a message), "button", "inline", or "ignored"."""
    chat_id: int | None
    sent_at: float
    query_id: str | None = None
    answered_at: float | None = None
    answers: int = 0


@dataclass
class Person:
    emulator: Emulator
    chat: dict[str, Any]
    users: list[dict[str, Any]]
    pause: tuple[float, float]
    rng: random.Random
    actions: list[Action] = field(default_factory=list)
    last_results: dict[str, Any] | None = None
    redelivered: int = 0

    @property
    def private(self) -> bool:
        return bool(self.chat["type"] == "private")

    async def act(self) -> None:
        user = self.rng.choice(self.users)
        roll = self.rng.random()
        if roll < 0.45:
            await self.message(f"/search {self.rng.choice(QUERIES)}", user)
        elif roll < 0.55:
            await self.message(f"/para {self.rng.choice((1, 2, 3, 4, 99))}", user)
        elif roll < 0.62 and self.private:
            await self.message(self.rng.choice(QUERIES), user)
        elif roll < 0.75 and self.last_results is not None:
            await self.press(user)
        elif roll < 0.87:
            await self.inline(user)
        else:
            await self.ignored(user)

    async def message(self, text: str, user: dict[str, Any]) -> dict[str, Any]:
        """Send `text` and wait for the answer; the user's message."""
        since = len(self.emulator.calls)
        update = self.emulator.send_message(self.chat, user, text)
        action = self.record("message")
        call = await self.wait(
            lambda c: (
                c.method == "sendMessage"
                and _chat_of(c) == self.chat["id"]
                and c.status in (200, 403)
            ),
            since,
        )
        if call is not None:
            action.answered_at = call.answered_at
            if call.ok and text.startswith("/search") and _callbacks(call.result):
                self.last_results = call.result
            if self.rng.random() < REDELIVERED:
                # A second answer would fall in this action's window, before the chat's next.
                self.emulator.deliver(update)
                self.redelivered += 1
        message: dict[str, Any] = update["message"]
        return message

    async def press(self, user: dict[str, Any]) -> None:
        assert self.last_results is not None
        data = self.rng.choice(_callbacks(self.last_results))
        since = len(self.emulator.calls)
        update = self.emulator.press_button(self.last_results, data, user)
        action = self.record("button", update["callback_query"]["id"])
        call = await self.wait(_answers(action), since)
        if call is not None:
            action.answered_at = call.answered_at

    async def inline(self, user: dict[str, Any]) -> None:
        since = len(self.emulator.calls)
        query = self.rng.choice(("", *QUERIES[:6]))
        update = self.emulator.inline_query(user, query, chat_type=self.chat["type"])
        action = self.record("inline", update["inline_query"]["id"])
        call = await self.wait(_answers(action), since)
        if call is not None:
            action.answered_at = call.answered_at

    async def ignored(self, user: dict[str, Any]) -> None:
        emu = self.emulator
        if self.private and self.rng.random() < 0.2:
            # An edit of a command already answered: the edit must not run it again.
            sent = await self.message("/search trafficing", user)
            emu.edit_message(sent, "/search trafficking")
            self.record("ignored")
            return
        choices: list[Callable[[], object]] = [
            lambda: emu.send_sticker(self.chat, user),
            lambda: emu.send_photo(self.chat, user, self.rng.choice((None, "look at this"))),
        ]
        if not self.private:
            choices += [
                lambda: emu.send_message(self.chat, user, "good morning everyone"),
                lambda: emu.join(self.chat, emu.user(first_name="Newcomer")),
            ]
        self.rng.choice(choices)()
        self.record("ignored")

    def record(self, kind: str, query_id: str | None = None) -> Action:
        action = Action(kind, self.chat["id"], time.monotonic(), query_id)
        self.actions.append(action)
        return action

    async def wait(self, predicate: Callable[[Call], bool], since: int) -> Call | None:
        try:
            return await self.emulator.wait_for(predicate, since=since, timeout=ANSWER_TIMEOUT)
        except TimeoutError:
            return None

    async def run(self, until: float) -> None:
        while time.monotonic() < until:
            await self.act()
            await asyncio.sleep(self.rng.uniform(*self.pause))


def _chat_of(call: Call) -> int | None:
    chat_id = call.params.get("chat_id")
    return (
        int(chat_id)
        if isinstance(chat_id, int | str) and str(chat_id).lstrip("-").isdigit()
        else None
    )


def _callbacks(message: dict[str, Any]) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


def _answers(action: Action) -> Callable[[Call], bool]:
    parameter = "callback_query_id" if action.kind == "button" else "inline_query_id"
    method = "answerCallbackQuery" if action.kind == "button" else "answerInlineQuery"
    return lambda call: (
        call.method == method and call.params.get(parameter) == action.query_id and _taken(call)
    )


def _taken(call: Call) -> bool:
    """The answer was given: Telegram took it, or failed it with an injected 5xx, which the
    bot does not retry (the user's button stops spinning when Telegram's wait ends)."""
    return call.ok or call.status in SERVER_ERRORS


# Faults

Fault = Callable[[Emulator, random.Random, list[Person]], str]

FAULTS: tuple[Fault, ...] = (
    lambda emu, rng, people: _fail(emu, "sendMessage", "429 on a reply", retry_after=2),
    lambda emu, rng, people: _fail(emu, "getUpdates", "500 on getUpdates ×2", 500, times=2),
    lambda emu, rng, people: _fail(emu, "getUpdates", "reset on getUpdates", reset=True),
    lambda emu, rng, people: _fail(emu, "sendMessage", "reset on a reply", reset=True),
    lambda emu, rng, people: _fail(emu, "getUpdates", "502 on getUpdates", 502),
    lambda emu, rng, people: _fail(emu, "sendMessage", "reply 3 s late", hang=3),
    lambda emu, rng, people: _fail(emu, "answerCallbackQuery", "503 on a button", 503),
)
# Longer than the bot's wait for a long poll (10 s) plus python-telegram-bot's 5 s margin.
HANGING_POLL = 17.0


def _fail(emu: Emulator, method: str, name: str, *args: Any, **kwargs: Any) -> str:
    emu.fail_next(method, *args, **kwargs)
    return name


async def inject(
    emu: Emulator, rng: random.Random, people: list[Person], every: float, until: float
) -> list[str]:
    injected: list[str] = []
    start = time.monotonic()
    hung = False
    while True:
        await asyncio.sleep(every)
        now = time.monotonic()
        if now >= until - every:
            return injected
        if not hung and now - start >= (until - start) / 2:
            emu.fail_next("getUpdates", hang=HANGING_POLL)
            injected.append(f"getUpdates hanging {HANGING_POLL:.0f} s")
            hung = True
            continue
        injected.append(FAULTS[len(injected) % len(FAULTS)](emu, rng, people))


# The bot's process and its memory


async def sample_memory(pid: int, samples: list[tuple[float, float]], every: float) -> None:
    while True:
        samples.append((time.monotonic(), rss(pid) / MB))
        await asyncio.sleep(every)


def slope_mb_per_minute(samples: list[tuple[float, float]]) -> float:
    if len(samples) < 2:
        return 0.0
    times = [t for t, _ in samples]
    values = [v for _, v in samples]
    return statistics.linear_regression(times, values).slope * 60


# Checking


@dataclass
class Verdict:
    failures: list[str] = field(default_factory=list)

    def check(self, condition: bool, failure: str) -> None:
        if not condition:
            self.failures.append(failure)


def count_answers(people: list[Person], calls: list[Call], blocked: int) -> None:
    """Each action's answers: by id for buttons and inline queries, by time in the chat for
    messages (from the action to the chat's next one)."""
    by_query: dict[str, int] = {}
    for call in calls:
        query_id = call.params.get("callback_query_id") or call.params.get("inline_query_id")
        if _taken(call) and isinstance(query_id, str):
            by_query[query_id] = by_query.get(query_id, 0) + 1
    for person in people:
        sent = [
            call.answered_at
            for call in calls
            if call.method == "sendMessage"
            and _chat_of(call) == person.chat["id"]
            and (call.ok or (call.status == 403 and person.chat["id"] == blocked))
        ]
        for action, following in zip(person.actions, [*person.actions[1:], None], strict=True):
            end = math.inf if following is None else following.sent_at
            in_window = sum(action.sent_at <= at < end for at in sent)
            if action.kind in ("button", "inline"):
                assert action.query_id is not None
                action.answers = by_query.get(action.query_id, 0)
                if action.kind == "button" and in_window > 1:
                    action.answers += in_window
            else:
                action.answers = in_window


async def settle(emu: Emulator, quiet: float = 3.0, limit: float = 60.0) -> None:
    """Until the bot has made no call but polls for `quiet` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        count = sum(call.method != "getUpdates" for call in emu.calls)
        await asyncio.sleep(quiet)
        if sum(call.method != "getUpdates" for call in emu.calls) == count:
            return


def error_lines(log: Path) -> int:
    return sum("ERROR" in line for line in log.read_text(errors="replace").splitlines())


async def soak(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="reportbot-soak-") as scratch:
        async with Emulator(token=TOKEN, bot_username="reportbot_soak_bot") as emu:
            env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTBOT_")}
            env |= {
                "REPORTBOT_TOKEN": TOKEN,
                "REPORTBOT_API_BASE_URL": emu.base_url,
                "REPORTBOT_INDEX_DIR": f"{scratch}/index",
                "REPORTBOT_DATA_DIR": f"{scratch}/data",
                "REPORTBOT_LOG_LEVEL": "WARNING",
            }
            log_path = Path(scratch) / "bot.log"
            with log_path.open("wb") as log:
                process = await asyncio.create_subprocess_exec(
                    REPORTBOT, "run", env=env, stdout=log, stderr=log
                )
                try:
                    await emu.wait_for(lambda call: call.method == "getUpdates", timeout=60)
                    return await _traffic(args, rng, emu, process.pid, log_path)
                finally:
                    if process.returncode is None:
                        process.send_signal(signal.SIGTERM)
                        await asyncio.wait_for(process.wait(), 60)
                    if process.returncode not in (0, None):
                        print(f"FAIL: the bot exited with status {process.returncode}")
                        print(log_path.read_text(errors="replace")[-3000:])


async def _traffic(
    args: argparse.Namespace, rng: random.Random, emu: Emulator, pid: int, log_path: Path
) -> int:
    people: list[Person] = []
    for n in range(args.chats):
        if n % 4 == 3:
            users = [emu.user(first_name=f"Member {n}.{i}", language_code="en") for i in range(3)]
            chat = emu.group_chat(title=f"Group {n}", admins=users[:1])
            people.append(Person(emu, chat, users, (3.0, 6.0), random.Random(rng.random())))
        else:
            user = emu.user(first_name=f"User {n}", language_code=rng.choice(("en", "en", "fr")))
            chat = emu.private_chat(user)
            people.append(Person(emu, chat, [user], (2.0, 5.0), random.Random(rng.random())))
    blocked = people[0].chat["id"]
    emu.fail_next("sendMessage", 403, chat_id=blocked, times=None)
    channel = emu.channel("News")
    emu.channel_post(channel, "a post the bot does not read")
    emu.set_bot_status(people[1].chat, "member")  # an unblock the bot does not ask about

    started = time.monotonic()
    until = started + args.seconds
    memory: list[tuple[float, float]] = []
    sampler = asyncio.create_task(sample_memory(pid, memory, args.sample_every))
    faults = asyncio.create_task(inject(emu, rng, people, args.fault_every, until))
    await asyncio.gather(*(person.run(until) for person in people))
    injected = await faults
    await settle(emu)
    sampler.cancel()
    emu.clear_faults()

    calls = list(emu.calls)
    count_answers(people, calls, blocked)
    actions = [action for person in people for action in person.actions]
    verdict = Verdict()
    for kind in ("message", "button", "inline"):
        wrong = [a for a in actions if a.kind == kind and a.answers != 1]
        verdict.check(
            not wrong,
            f"{len(wrong)} {kind} action(s) not answered exactly once: "
            f"{sorted({a.answers for a in wrong})} answers",
        )
    noisy = [a for a in actions if a.kind == "ignored" and a.answers]
    verdict.check(not noisy, f"{len(noisy)} ignored update(s) got a message")
    rejected = [c for c in calls if not c.ok and c.status not in INJECTED_STATUSES]
    rejected += [c for c in calls if c.status == 403 and _chat_of(c) != blocked]
    verdict.check(
        not rejected,
        "rejected calls: "
        + "; ".join(f"{c.method} -> {c.status} {c.description}" for c in rejected[:5]),
    )

    warm = [s for s in memory if s[0] >= started + args.seconds / 4]
    fifth = max(1, len(warm) // 5)
    early = statistics.mean(v for _, v in warm[:fifth]) if warm else math.nan
    late = statistics.mean(v for _, v in warm[-fifth:]) if warm else math.nan
    growth = late - early
    verdict.check(not growth > args.max_growth, f"memory grew {growth:.1f} MB after warm-up")
    first_minute = [v for t, v in memory if t < started + 60]
    last_minute = [v for t, v in memory if t >= started + args.seconds - 60]

    latencies = [a.answered_at - a.sent_at for a in actions if a.answered_at is not None]
    kinds = {
        kind: sum(a.kind == kind for a in actions)
        for kind in ("message", "button", "inline", "ignored")
    }
    errors = error_lines(log_path)
    print(
        f"soak: {args.seconds:.0f} s, {len(people)} chats "
        f"({sum(not p.private for p in people)} groups), seed {args.seed}"
    )
    print(
        f"updates sent: {len(actions)} actions ({', '.join(f'{k} {v}' for k, v in kinds.items())})"
    )
    print(f"messages delivered twice: {sum(p.redelivered for p in people)}")
    print(
        f"answered exactly once: {sum(a.answers == 1 for a in actions if a.kind != 'ignored')} "
        f"of {len(actions) - kinds['ignored']}; ignored kinds without a message: "
        f"{kinds['ignored'] - len(noisy)} of {kinds['ignored']}"
    )
    print(
        f"bot calls: {len(calls)} ({sum(c.method == 'getUpdates' for c in calls)} getUpdates), "
        f"refused as injected: {sum(not c.ok for c in calls) - len(rejected)}, "
        f"rejected: {len(rejected)}"
    )
    print(f"faults injected: {len(injected) + 1} — 403 chat throughout; " + ", ".join(injected))
    if latencies:
        replies = latency(latencies)
        print(
            f"reply latency: p50 {replies.p50:.0f} ms, p95 {replies.p95:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms"
        )
    print(
        f"bot RSS: start {memory[0][1]:.1f} MB, peak {max(v for _, v in memory):.1f} MB, "
        f"end {memory[-1][1]:.1f} MB; first minute mean {statistics.mean(first_minute):.1f} MB, "
        f"last minute mean {statistics.mean(last_minute):.1f} MB; after warm-up "
        f"{early:.1f} → {late:.1f} MB ({growth:+.1f} MB, bound {args.max_growth:.0f} MB), "
        f"slope {slope_mb_per_minute(warm):+.2f} MB/min"
    )
    print(f"bot log lines at ERROR: {errors} (the injected resets and 5xx are logged)")
    for failure in verdict.failures:
        print(f"FAIL: {failure}")
    print("PASS" if not verdict.failures else "FAILED")
    return 0 if not verdict.failures else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=120.0, help="traffic duration (120)")
    parser.add_argument("--chats", type=int, default=32, help="simulated chats, 1 in 4 a group")
    parser.add_argument("--fault-every", type=float, default=6.0, help="seconds between faults")
    parser.add_argument("--sample-every", type=float, default=2.0, help="RSS sampling, seconds")
    parser.add_argument("--max-growth", type=float, default=25.0, help="MB allowed after warm-up")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.chats < 4 or args.seconds < 10:
        parser.error("at least 4 chats and 10 seconds")
    return asyncio.run(soak(args))


if __name__ == "__main__":
    sys.exit(main())
