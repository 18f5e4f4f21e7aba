"""The index rebuilt by `reportbot ingest` in other processes while the bot answers many chats
searching at once: not one search fails, and the new report is found as soon as it is in."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from config.settings import DEFAULT_CATALOGUE
from index import Library, open_library
from tests.bot.chats import TOKEN, Chat, chat_with
from tests.bot.console import REPORTBOT

QUERIES = ("trafficking", "children", "online exploitation", "survivors", "violence")
NEW_SYMBOL = "A/HRC/60/1"
NEW_REPORT = "I. Scope\n\n1. Birth registration protects children from trafficking.\n"
CHATS = 8


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    open_library(tmp_path / "index", DEFAULT_CATALOGUE).close()
    return tmp_path / "index"


@pytest.fixture
def library(index_dir: Path) -> Iterator[Library]:
    opened = Library(index_dir)
    yield opened
    opened.close()


async def ingest(index_dir: Path, *args: str) -> None:
    """`reportbot ingest …` in its own process, as an operator runs it beside the bot."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTBOT_")}
    env["REPORTBOT_INDEX_DIR"] = str(index_dir)
    process = await asyncio.create_subprocess_exec(
        REPORTBOT,
        "ingest",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    assert stdout.decode().startswith("indexed ")


async def search_until(chat: Chat, done: asyncio.Event, replies: list[str], offset: int) -> None:
    """Search, wait for the answer, search again, until `done`: a user with a busy thumb."""
    turn = offset
    while not done.is_set():
        (reply,) = await chat.send(f"/search {QUERIES[turn % len(QUERIES)]}")
        replies.append(reply["text"])
        turn += 1


async def test_searches_during_repeated_ingests_all_get_results_and_the_new_report_is_found(
    emulator: Emulator,
    library: Library,
    index_dir: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    new_report = tmp_path / "a-hrc-60-1.txt"
    new_report.write_text(NEW_REPORT, encoding="utf-8")
    application = build_application(TOKEN, emulator.base_url, library)
    replies: list[str] = []
    async with polling(application, poll_timeout=1):
        chats = [chat_with(emulator, f"User {n}") for n in range(CHATS)]
        done = asyncio.Event()
        users = [
            asyncio.create_task(search_until(chat, done, replies, n))
            for n, chat in enumerate(chats)
        ]
        try:
            # The bundled catalogue rebuilt twice, then a new report added.
            await ingest(index_dir)
            await ingest(index_dir)
            await ingest(index_dir, str(new_report), "--symbol", NEW_SYMBOL, "--title", "New")
        finally:
            done.set()
            await asyncio.gather(*users)
        (found,) = await chats[0].send("/search birth registration")

    assert len(replies) >= 3 * CHATS
    failed = [text for text in replies if not text.startswith("🔎")]
    assert failed == []
    assert f"{NEW_SYMBOL}, para. 1" in found["text"]
    assert [call.summary() for call in emulator.calls if not call.ok] == []
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
