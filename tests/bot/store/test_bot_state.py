"""bot-state.json, where the bot kept chats' settings before: imported once, then renamed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.store import open_store

SYMBOL = "A/HRC/58/19"
ALICE = 123456789
GROUP = -1009876543210


def write_state(data_dir: Path, content: str) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "bot-state.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_the_settings_of_bot_state_json_are_imported_and_the_file_renamed(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = json.dumps(
        {
            str(ALICE): {"report": SYMBOL, "language": "fr"},
            str(GROUP): {"language": "ar"},
            # Nothing chosen, or nothing that is text (the file may have been edited by hand):
            # no settings, no row.
            "42": {},
            "43": {"report": 3},
        }
    )
    state = write_state(data_dir, content)
    with caplog.at_level(logging.INFO), open_store(data_dir) as store:
        assert store.all_settings() == {
            ALICE: {"report": SYMBOL, "language": "fr"},
            GROUP: {"language": "ar"},
        }
    assert not state.exists()
    assert (data_dir / "bot-state.json.imported").read_text(encoding="utf-8") == content
    assert "imported the settings of 2 chat(s) from bot-state.json" in caplog.text
    # Which chats, the log does not say.
    assert str(ALICE) not in caplog.text
    assert str(GROUP) not in caplog.text


def test_a_restart_does_not_import_again_so_forgotten_chats_stay_forgotten(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = json.dumps({str(ALICE): {"language": "fr"}})
    write_state(data_dir, content)
    with open_store(data_dir) as store:
        store.forget(ALICE)
    with open_store(data_dir) as store:
        assert store.all_settings() == {}
    # Put back (a backup restored?) after it was imported: not read again, and left there.
    state = write_state(data_dir, content)
    with caplog.at_level(logging.WARNING), open_store(data_dir) as store:
        assert store.all_settings() == {}
    assert state.read_text(encoding="utf-8") == content
    assert "bot-state.json is in" in caplog.text
    assert "imported already" in caplog.text


def test_a_chat_the_database_knows_keeps_its_settings_over_the_files(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.save_settings(ALICE, {"language": "es"})
    write_state(data_dir, json.dumps({str(ALICE): {"language": "fr", "report": SYMBOL}}))
    with open_store(data_dir) as store:
        assert store.all_settings() == {ALICE: {"language": "es"}}


def test_without_bot_state_json_the_store_starts_empty(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        assert store.all_settings() == {}
    assert not (data_dir / "bot-state.json.imported").exists()


@pytest.mark.parametrize("content", ['{"7": {"report": "A/HRC', "[1, 2]", '{"x": {}}', "\0\1"])
def test_an_unreadable_bot_state_json_is_moved_aside_and_the_store_starts_empty(
    data_dir: Path, caplog: pytest.LogCaptureFixture, content: str
) -> None:
    write_state(data_dir, content)
    with caplog.at_level(logging.DEBUG, logger="bot.store"), open_store(data_dir) as store:
        assert store.all_settings() == {}
    (aside,) = data_dir.glob("bot-state.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == content
    assert not (data_dir / "bot-state.json").exists()
    (record,) = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "unreadable" in record.getMessage()
    assert aside.name in record.getMessage()
    # Nothing of the file in the log: it holds chats' settings.
    assert content not in caplog.text


def test_a_bot_state_json_moved_aside_is_imported_once_put_right(data_dir: Path) -> None:
    write_state(data_dir, '{"7": {"report": "A/HRC')
    open_store(data_dir).close()
    write_state(data_dir, json.dumps({str(ALICE): {"report": SYMBOL}}))
    with open_store(data_dir) as store:
        assert store.all_settings() == {ALICE: {"report": SYMBOL}}
