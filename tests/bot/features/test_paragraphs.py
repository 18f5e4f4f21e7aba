"""Paragraphs as a user sees them: /para, /cite, the buttons that turn them, paragraph links."""

from __future__ import annotations

import pytest

from index import Library
from tests.bot.chats import USERNAME, Chat
from tests.bot.reading import CITATION, buttons, links


async def test_para_shows_the_whole_paragraph_verbatim(private: Chat, library: Library) -> None:
    paragraph = library.paragraph("A/HRC/58/19", 3)
    assert paragraph is not None
    (reply,) = await private.send("/para 3")
    assert reply["text"].startswith(CITATION.format(3) + " — I. Introduction")
    assert paragraph.text in reply["text"]
    labels = [b["text"] for b in buttons(reply)]
    assert labels == ["◀ para. 2", "para. 4 ▶", "Cite", "Save"]
    assert f"https://t.me/{USERNAME}?start=o-A_HRC_58_19-3" in links(reply)


async def test_para_names_the_valid_range_for_bad_numbers(private: Chat) -> None:
    for argument in ("0", "-1", "99", "abc", "3.5", "99999999999999999999"):
        (reply,) = await private.send(f"/para {argument}")
        assert "numbered 1–4" in reply["text"], argument


async def test_para_without_a_number_explains_usage(private: Chat) -> None:
    (reply,) = await private.send("/para")
    assert "/para 1" in reply["text"]
    assert "1–4" in reply["text"]


async def test_para_accepts_a_report_symbol(private: Chat) -> None:
    (reply,) = await private.send("/para A/HRC/58/19 2")
    assert reply["text"].startswith(CITATION.format(2))


async def test_a_result_opens_in_place_and_leads_back_to_the_results(private: Chat) -> None:
    (results,) = await private.send("/search trafficking")
    button = next(b for b in buttons(results) if b["text"] == "para. 4")
    calls = await private.press(results, button["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    shown = edit.response["result"]
    assert shown["message_id"] == results["message_id"]
    assert shown["text"].startswith(CITATION.format(4))
    back = next(b for b in buttons(shown) if b["text"] == "↩ Results")
    calls = await private.press(shown, back["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert edit.response["result"]["text"] == results["text"]


async def test_neighbour_buttons_edit_the_paragraph_in_place(private: Chat) -> None:
    (shown,) = await private.send("/para 3")
    previous = next(b for b in buttons(shown) if b["text"] == "◀ para. 2")
    calls = await private.press(shown, previous["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert edit.params["message_id"] == shown["message_id"]
    assert edit.response["result"]["text"].startswith(CITATION.format(2))
    labels = [b["text"] for b in buttons(edit.response["result"])]
    assert labels == ["◀ para. 1", "para. 3 ▶", "Cite", "Save"]


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_pressing_a_button_twice_edits_nothing_the_second_time(
    private: Chat, lang: str
) -> None:
    # French labels have apostrophes ("l'ONU"), which Telegram gives back as HTML entities.
    await private.send(f"/lang {lang}")
    (shown,) = await private.send("/para 3")
    following = buttons(shown)[1]
    await private.press(shown, following["callback_data"])
    calls = await private.press(shown, following["callback_data"])
    (answer,) = [call for call in calls if call.method != "getUpdates"]
    assert answer.method == "answerCallbackQuery"
    assert "text" not in answer.params


async def test_cite_gives_the_full_reference_with_a_copy_button(private: Chat) -> None:
    (reply,) = await private.send("/cite 3")
    reference = (
        "Special Representative of the Secretary-General on Violence against Children, "
        "Annual report, A/HRC/58/19 (13 January 2025), para. 3"
    )
    assert reference in reply["text"]
    (button,) = buttons(reply)
    # With the long ReliefWeb address it would pass Telegram's 256 characters: the reference only.
    assert button["copy_text"]["text"] == reference
    (shown,) = await private.send("/para 3")
    cite = next(b for b in buttons(shown) if b["text"] == "Cite")
    await private.press(shown, cite["callback_data"], replies=1)
    sent = private.emulator.bot_messages(private.id)[-1]
    assert reference in sent["text"]
    (reply,) = await private.send("/cite 99")
    assert "numbered 1–4" in reply["text"]


async def test_a_deep_link_opens_its_paragraph(private: Chat) -> None:
    (reply,) = await private.send("/start o-A_HRC_58_19-2")
    assert reply["text"].startswith(CITATION.format(2))
