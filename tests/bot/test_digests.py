"""Digests of new reports, end to end: a group follows a topic, another process ingests a report
on it, and that group — and no other — hears of it once, killed bot or not."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.features.digests import CLAIMER, claimer_is_dead
from bot.store import Store, open_store
from index import Library
from tests.bot.chats import TOKEN as TEST_TOKEN
from tests.bot.chats import Chat
from tests.bot.console import REPORTBOT, TOKEN, start_bot, stop_bot

REAL = Path(__file__).parents[1] / "eval" / "reports" / "real"
# A real General Assembly resolution that speaks of trafficking in children, among much else.
NEW_REPORT = (
    str(REAL / "A_RES_79_188.pdf"),
    "--symbol",
    "A/RES/79/188",
    "--title",
    "Preventing and countering violence against children by organized criminal groups and "
    "terrorist groups in the field of crime prevention and criminal justice",
    "--date",
    "2024-12-18",
)
NEW = "New: A/RES/79/188"


def _environment(index: Path, data: Path) -> dict[str, str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("REPORTBOT_")}
    return clean | {"REPORTBOT_INDEX_DIR": str(index), "REPORTBOT_DATA_DIR": str(data)}


def ingest(env: dict[str, str]) -> None:
    """`reportbot ingest` of the new report, in a process of its own, as an operator runs it."""
    done = subprocess.run(
        [REPORTBOT, "ingest", *NEW_REPORT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _digests(emulator: Emulator, chat_id: int) -> list[dict[str, Any]]:
    return [message for message in emulator.bot_messages(chat_id) if NEW in message["text"]]


@pytest.fixture
def index(bundled_index: Path, tmp_path: Path) -> Path:
    """A copy of the bundled index, for other processes to add to."""
    copy = tmp_path / "index"
    shutil.copytree(bundled_index, copy, symlinks=True)
    return copy


@pytest.fixture
async def watching(
    emulator: Emulator, index: Path, tmp_path: Path
) -> AsyncIterator[tuple[Emulator, Store]]:
    """The bot serving the emulator, looking for new reports ten times a second."""
    library = Library(index)
    try:
        with open_store(tmp_path / "data") as store:
            application = build_application(
                TEST_TOKEN, emulator.base_url, library, store, digest_interval=0.1
            )
            async with polling(application, poll_timeout=1):
                yield emulator, store
    finally:
        library.close()


async def _settled(store: Store, symbol: str) -> None:
    """Until the bot has seen `symbol` published and sent what it queued for it."""
    for _ in range(600):
        known = await asyncio.to_thread(store.known_versions)
        pending = await asyncio.to_thread(store.pending_digests, float("inf"))
        if known is not None and any(key[0] == symbol for key in known) and not pending:
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"{symbol} was not seen")


async def test_a_group_following_a_topic_hears_of_a_new_report_on_it_once(
    watching: tuple[Emulator, Store], index: Path, tmp_path: Path
) -> None:
    emulator, store = watching
    admin = emulator.user(first_name="Rosa")
    following = Chat(emulator, emulator.group_chat(title="Anti-trafficking", admins=[admin]), admin)
    elsewhere = Chat(emulator, emulator.group_chat(title="Space", admins=[admin]), admin)
    (reply,) = await following.send("/follow trafficking")
    assert reply["text"].startswith("Following trafficking")
    (reply,) = await elsewhere.send("/follow satellite launch vehicles")
    assert reply["text"].startswith("Following satellite launch vehicles")

    env = _environment(index, tmp_path / "ingest-data")
    await asyncio.to_thread(ingest, env)
    await emulator.wait_for(lambda _: bool(_digests(emulator, following.id)), timeout=60)
    await _settled(store, "A/RES/79/188")

    (digest,) = _digests(emulator, following.id)
    first_line = digest["text"].splitlines()[0]
    assert first_line.startswith("New: A/RES/79/188 (2024), Preventing and countering violence")
    assert first_line.endswith("on trafficking")
    assert "1. resolution 79/188, sixth preambular paragraph" in digest["text"]
    assert "trafficking in persons" in digest["text"]
    # A button opens each paragraph shown.
    (labels,) = digest["reply_markup"]["inline_keyboard"]
    assert [button["text"] for button in labels] == ["pp. 6", "pp. 5"]
    assert _digests(emulator, elsewhere.id) == []

    # The same report ingested again is the same version: no news.
    await asyncio.to_thread(ingest, env)
    await asyncio.sleep(1)
    await _settled(store, "A/RES/79/188")
    assert len(_digests(emulator, following.id)) == 1


async def test_a_digest_queued_when_the_bot_is_killed_is_sent_once_after_restart(
    index: Path, tmp_path: Path
) -> None:
    env = _environment(index, tmp_path / "data")
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {
            "REPORTBOT_TOKEN": TOKEN,
            "REPORTBOT_API_BASE_URL": emulator.base_url,
            "REPORTBOT_DIGEST_INTERVAL": "0.2",
        }
        admin = emulator.user(first_name="Rosa")
        group = emulator.group_chat(title="Anti-trafficking", admins=[admin])
        first = await start_bot(env)
        try:
            emulator.send_message(group, admin, "/follow trafficking")
            await emulator.wait_for(lambda _: bool(emulator.bot_messages(group["id"])), timeout=30)
            # The digest's sending hangs: the bot has queued it, and dies before it is sent.
            emulator.fail_next("sendMessage", hang=60, reset=True, chat_id=group["id"])
            since = len(emulator.arrivals)
            await asyncio.to_thread(ingest, env)
            await emulator.wait_arrived("sendMessage", since=since, timeout=60)
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        emulator.clear_faults()
        assert _digests(emulator, group["id"]) == []

        second = await start_bot(env)
        try:
            await emulator.wait_for(lambda _: bool(_digests(emulator, group["id"])), timeout=60)
            # Long enough for a second copy to have been sent, had it been queued twice.
            await asyncio.sleep(1)
        finally:
            status, logs = await stop_bot(second)
        assert status == 0
        assert len(_digests(emulator, group["id"])) == 1
        assert "trafficking" not in logs
        assert str(group["id"]) not in logs


async def test_a_group_that_removed_the_bot_loses_its_topics_and_is_not_retried(
    watching: tuple[Emulator, Store], index: Path, tmp_path: Path
) -> None:
    emulator, store = watching
    admin = emulator.user(first_name="Rosa")
    group = Chat(emulator, emulator.group_chat(title="Anti-trafficking", admins=[admin]), admin)
    await group.send("/follow trafficking")
    # Telegram's answer once the bot is no longer a member.
    emulator.fail_next(
        "sendMessage",
        403,
        description="Forbidden: bot was kicked from the supergroup chat",
        chat_id=group.id,
        times=None,
    )
    await asyncio.to_thread(ingest, _environment(index, tmp_path / "ingest-data"))
    await emulator.wait_for(
        lambda call: call.method == "sendMessage" and call.status == 403, timeout=60
    )
    await _settled(store, "A/RES/79/188")
    assert await asyncio.to_thread(store.topics, group.id) == []
    tried = len(_refused(emulator))
    await asyncio.sleep(0.5)
    assert len(_refused(emulator)) == tried
    emulator.clear_faults()


def _refused(emulator: Emulator) -> list[Any]:
    return [call for call in emulator.calls if call.method == "sendMessage" and call.status == 403]


def test_a_claimer_of_this_machine_that_is_gone_is_dead_and_others_are_not() -> None:
    assert claimer_is_dead(CLAIMER) is False
    child = subprocess.Popen(["sleep", "0"])
    child.wait()
    assert claimer_is_dead(f"{socket.gethostname()}/{child.pid}") is True
    assert claimer_is_dead(f"another-machine/{child.pid}") is False
    assert claimer_is_dead("nonsense") is False
