"""Many reports: listing them, choosing one per chat (remembered), annexes, labelled results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.store import open_store
from config.settings import DEFAULT_CATALOGUE
from index import Library, Paragraph, Report, load_catalogue
from tests.bot.chats import TOKEN, Chat

OTHER = "A/HRC/55/7"


def other_report() -> Report:
    def paragraph(number: int, text: str, annex: str | None = None) -> Paragraph:
        section = ("Annex I",) if annex else ("I. Birth registration",)
        return Paragraph(symbol=OTHER, number=number, annex=annex, section_path=section, text=text)

    paragraphs = (
        paragraph(1, "Birth registration protects children from trafficking."),
        paragraph(2, "Registration must be free and universal."),
        paragraph(1, "Annex paragraph on registration systems.", annex="I"),
        paragraph(2, "Annex paragraph on civil records.", annex="I"),
    )
    return Report(
        symbol=OTHER,
        title="Birth registration and the right to identity",
        date=dt.date(2024, 1, 10),
        paragraphs=paragraphs,
        paragraph_count=len(paragraphs),
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library(tmp_path / "index")
    with opened.transaction() as batch:
        for report in [*load_catalogue(DEFAULT_CATALOGUE), other_report()]:
            batch.add(report)
    yield opened
    opened.close()


def buttons(message: dict[str, Any]) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def test_reports_lists_every_report_newest_first(private: Chat) -> None:
    (reply,) = await private.send("/reports")
    text = reply["text"]
    assert text.index("A/HRC/58/19 (2025)") < text.index(f"{OTHER} (2024)")
    assert "4 paragraphs" in text
    assert "A/HRC/58/19 (2025) — Annual report" in text
    assert "this chat's report" in text.splitlines()[1]


async def test_a_chat_chooses_its_report_for_para(private: Chat) -> None:
    (reply,) = await private.send("/para 1")
    assert reply["text"].startswith("A/HRC/58/19, para. 1")
    (reply,) = await private.send(f"/report {OTHER.lower()}")
    assert f"This chat's report is now {OTHER}" in reply["text"]
    (reply,) = await private.send("/para 1")
    assert reply["text"].startswith(f"{OTHER}, para. 1")
    (reply,) = await private.send("/para A/HRC/58/19 3")
    assert reply["text"].startswith("A/HRC/58/19, para. 3")
    (reply,) = await private.send("/para 3")
    assert "numbered 1–2" in reply["text"]


async def test_an_unknown_report_is_named_with_the_list(private: Chat) -> None:
    (reply,) = await private.send("/report A/NOPE/1")
    assert "No report A/NOPE/1 is indexed" in reply["text"]
    assert OTHER in reply["text"]
    (reply,) = await private.send("/para A/NOPE/1 3")
    assert "No report A/NOPE/1 is indexed" in reply["text"]


async def test_annex_paragraphs_are_cited_and_navigated_apart(private: Chat) -> None:
    (reply,) = await private.send(f"/para {OTHER} annex I 2")
    assert reply["text"].startswith(f"{OTHER}, annex I, para. 2 — Annex I")
    assert "Annex paragraph on civil records." in reply["text"]
    assert buttons(reply) == ["◀ para. 1", "Cite", "Save"]
    calls = await private.press(
        reply, reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    )
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert edit.response["result"]["text"].startswith(f"{OTHER}, annex I, para. 1")
    (reply,) = await private.send(f"/para {OTHER} annex IX 1")
    assert "has no annex IX" in reply["text"]


async def test_results_from_several_reports_are_labelled(private: Chat) -> None:
    (reply,) = await private.send("/search trafficking children")
    labels = buttons(reply)
    assert f"{OTHER}, para. 1" in labels
    assert any(label.startswith("A/HRC/58/19, para.") for label in labels)
    (reply,) = await private.send(f"/search report:{OTHER} trafficking")
    assert f"in {OTHER}" in reply["text"].splitlines()[0]
    assert buttons(reply) == ["para. 1"]
    (reply,) = await private.send("/search report:A/NOPE/1 trafficking")
    assert "No report A/NOPE/1 is indexed" in reply["text"]


async def test_a_chats_report_survives_a_restart(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    user = emulator.user(first_name="Nadia")
    chat = Chat(emulator, emulator.private_chat(user), user)
    with open_store(tmp_path / "data") as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            await chat.send(f"/report {OTHER}")
    # A restart: another process opens the store.
    with open_store(tmp_path / "data") as store:
        assert store.all_settings() == {chat.id: {"report": OTHER}}
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            (reply,) = await chat.send("/para 2")
    assert reply["text"].startswith(f"{OTHER}, para. 2")
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_a_report_ingested_elsewhere_is_served_without_a_restart(
    private: Chat, tmp_path: Path
) -> None:
    (before,) = await private.send("/reports")
    assert "A/HRC/60/1" not in before["text"]
    ingester = Library(tmp_path / "index")
    report = other_report()
    renamed = report.model_copy(
        update={
            "symbol": "A/HRC/60/1",
            "paragraphs": tuple(
                p.model_copy(update={"symbol": "A/HRC/60/1"}) for p in report.paragraphs
            ),
        }
    )
    try:
        ingester.add(renamed)
    finally:
        ingester.close()
    (after,) = await private.send("/reports")
    assert "A/HRC/60/1" in after["text"]
    (reply,) = await private.send("/para A/HRC/60/1 annex I 1")
    assert reply["text"].startswith("A/HRC/60/1, annex I, para. 1")
