"""A resolution as a user sees it in the chat: preambular paragraphs found, opened, turned and
cited the way the UN cites them, beside the numbered (operative) ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import DEFAULT_CATALOGUE
from index import Library, collect_paths, open_library, read_reports
from tests.bot.chats import Chat
from tests.bot.reading import buttons

REAL = Path(__file__).parents[2] / "index" / "ingest" / "formats" / "real"


@pytest.fixture(scope="module")
def resolutions_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report and two real General Assembly documents: a resolution with a preamble
    and operative paragraphs, and a draft with a preamble alone."""
    index_dir = tmp_path_factory.mktemp("resolutions") / "index"
    library = open_library(index_dir, DEFAULT_CATALOGUE)
    pdfs = [REAL / "A_RES_78_9.pdf", REAL / "A_80_L.1.pdf"]
    with library.transaction() as batch:
        for item in read_reports(collect_paths(pdfs, index_dir.parent)):
            batch.add(item.report)
    library.close()
    return index_dir


@pytest.fixture
def library(resolutions_index: Path) -> Iterator[Library]:
    opened = Library(resolutions_index)
    yield opened
    opened.close()


async def test_a_preambular_paragraph_is_opened_and_cited_as_the_un_cites_it(
    private: Chat, library: Library
) -> None:
    paragraph = library.paragraph("A/RES/78/9", 3, kind="preambular")
    assert paragraph is not None
    (reply,) = await private.send("/para A/RES/78/9 pp3")
    assert reply["text"].startswith("resolution 78/9, third preambular paragraph")
    assert paragraph.text in reply["text"]
    assert [b["text"] for b in buttons(reply)] == ["◀ pp. 2", "pp. 4 ▶", "Cite", "Save"]
    (same,) = await private.send("/para A/RES/78/9 PP 3")
    assert same["text"] == reply["text"]
    (cited,) = await private.send("/cite A/RES/78/9 pp3")
    assert "General Assembly resolution 78/9, “Commemoration of" in cited["text"]
    assert "A/RES/78/9 (27 November 2023), third preambular paragraph" in cited["text"]


async def test_the_preamble_leads_on_to_the_operative_paragraphs(
    private: Chat, library: Library
) -> None:
    last = library.paragraph_numbers("A/RES/78/9", kind="preambular")[-1]
    (reply,) = await private.send(f"/para A/RES/78/9 pp{last}")
    onward = next(b for b in buttons(reply) if b["text"] == "para. 1 ▶")
    calls = await private.press(reply, onward["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    shown = edit.response["result"]
    assert shown["text"].startswith("A/RES/78/9, para. 1")
    assert f"◀ pp. {last}" in [b["text"] for b in buttons(shown)]
    (operative,) = await private.send("/para A/RES/78/9 op1")
    assert operative["text"] == shown["text"]


async def test_a_preambular_hit_opens_the_preambular_paragraph(
    private: Chat, library: Library
) -> None:
    (results,) = await private.send("/search Tashkent Declaration report:A/RES/78/9")
    assert "resolution 78/9, second preambular paragraph" in results["text"]
    button = next(b for b in buttons(results) if b["text"] == "second preambular paragraph")
    calls = await private.press(results, button["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert edit.response["result"]["text"].startswith(
        "resolution 78/9, second preambular paragraph"
    )


async def test_usage_names_the_preamble_and_a_text_with_a_preamble_alone_is_opened(
    private: Chat,
) -> None:
    (usage,) = await private.send("/para A/RES/78/9")
    assert "pp1–pp6, 1–5" in usage["text"]
    (missing,) = await private.send("/para A/RES/78/9 pp9")
    assert "pp1–pp6, 1–5" in missing["text"]
    # The example names the report, which is not the chat's.
    assert "/para A/RES/78/9 pp1" in missing["text"]
    assert "/para A/RES/78/9 pp1" in usage["text"]
    # A draft with no numbered paragraphs: a bare number is its preamble's.
    (draft,) = await private.send("/para A/80/L.1 2")
    assert draft["text"].startswith("A/80/L.1, second preambular paragraph")
