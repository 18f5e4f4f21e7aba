"""What a user sees: the real bot over HTTP against the emulator, the real index on disk."""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator import Emulator
from index.library import Library
from tests.bot.conftest import USERNAME, Chat

CITATION = "A/HRC/58/19, para. {}"


def links(message: dict[str, Any]) -> list[str]:
    return [e["url"] for e in message.get("entities", []) if e["type"] == "text_link"]


def bold_words(message: dict[str, Any]) -> list[str]:
    text = message["text"].encode("utf-16-le")
    return [
        text[e["offset"] * 2 : (e["offset"] + e["length"]) * 2].decode("utf-16-le")
        for e in message.get("entities", [])
        if e["type"] == "bold"
    ]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button for row in rows for button in row]


async def test_start_explains_search_and_para_with_an_example(private: Chat) -> None:
    (reply,) = await private.send("/start")
    assert "/search" in reply["text"]
    assert "/para" in reply["text"]
    assert "e.g. /search trafficking in children" in reply["text"]
    assert "A/HRC/58/19" in reply["text"]


async def test_the_command_menu_is_registered_at_start_up(bot: Emulator) -> None:
    call = await bot.wait_for(lambda call: call.method == "setMyCommands")
    commands = {command["command"] for command in call.params["commands"]}
    assert {"start", "help", "search", "para"} <= commands


async def test_search_cites_summarises_and_links_the_best_paragraphs(private: Chat) -> None:
    (reply,) = await private.send("/search trafficking")
    text = reply["text"]
    assert CITATION.format(3) in text
    assert CITATION.format(4) in text
    assert "I. Introduction" in text
    assert {word.casefold() for word in bold_words(reply)} >= {"trafficking"}
    urls = links(reply)
    assert any("reliefweb.int" in url and "#:~:text=3.%20The" in url for url in urls)
    assert f"https://t.me/{USERNAME}?start=o-A_HRC_58_19-3" in urls
    results = [b for b in buttons(reply) if b.get("callback_data", "").startswith("n-")]
    assert 1 <= len(results) <= 5


async def test_search_summary_is_the_paragraphs_own_words(private: Chat, library: Library) -> None:
    (reply,) = await private.send("/search alarming increase")
    paragraph = library.paragraph("A/HRC/58/19", 3)
    assert paragraph is not None
    lines = reply["text"].splitlines()
    summary_line = lines[lines.index(next(line for line in lines if "para. 3" in line)) + 1]
    assert "alarming increase" in summary_line
    assert summary_line.strip("…").strip() in paragraph.text
    assert len(summary_line) <= 210


async def test_search_without_hits_says_so_and_suggests(private: Chat) -> None:
    (reply,) = await private.send("/search zebra giraffe")
    assert "No paragraph mentions" in reply["text"]
    assert "/search" in reply["text"]


async def test_search_without_words_explains_usage(private: Chat) -> None:
    (reply,) = await private.send("/search")
    assert "e.g." in reply["text"]
    (reply,) = await private.send("/search ?!. -- the of <b>")
    assert "too short or too common" in reply["text"]


async def test_query_syntax_junk_gets_an_answer(private: Chat) -> None:
    (reply,) = await private.send('/search "unbalanced AND ( OR *')
    assert reply["text"]


async def test_html_in_a_query_is_shown_as_text(private: Chat) -> None:
    (reply,) = await private.send("/search <b>children</b> & trafficking")
    assert CITATION.format(3) in reply["text"]
    assert "<b>" not in reply["text"]


async def test_a_4000_character_query_gets_a_reply_within_limits(private: Chat) -> None:
    (reply,) = await private.send("/search " + "trafficking children " * 190)
    assert 0 < len(reply["text"]) <= 4096


async def test_para_shows_the_whole_paragraph_verbatim(private: Chat, library: Library) -> None:
    paragraph = library.paragraph("A/HRC/58/19", 3)
    assert paragraph is not None
    (reply,) = await private.send("/para 3")
    assert reply["text"].startswith(CITATION.format(3) + " — I. Introduction")
    assert paragraph.text in reply["text"]
    labels = [b["text"] for b in buttons(reply)]
    assert labels == ["◀ para. 2", "para. 4 ▶", "Cite"]
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
    assert labels == ["◀ para. 1", "para. 3 ▶", "Cite"]


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


async def test_pages_of_results_turn_in_place(private: Chat, library: Library) -> None:
    (first,) = await private.send("/search children")
    assert len(library.search("children", limit=10).hits) == 4
    assert first["text"].startswith("🔎 4 paragraphs for children")
    assert not any(b["text"] in ("Next ▶", "◀ Previous") for b in buttons(first))


async def test_an_expired_results_button_says_so(private: Chat) -> None:
    (shown,) = await private.send("/para 1")
    calls = await private.press(shown, "s-0f3a9c2e-1")
    (answer,) = [c for c in calls if c.method == "answerCallbackQuery"]
    assert "expired" in answer.params["text"]


async def test_junk_callback_data_gets_a_polite_answer(private: Chat) -> None:
    (shown,) = await private.send("/para 1")
    for junk in ("x", "o-A_HRC_58_19-999", "n-NO_SUCH_REPORT-1", "o--1", "💥"):
        calls = await private.press(shown, junk)
        (answer,) = [c for c in calls if c.method == "answerCallbackQuery"]
        assert "no longer works" in answer.params["text"], junk


async def test_plain_text_in_a_private_chat_is_a_search(private: Chat) -> None:
    (reply,) = await private.send("trafficking")
    assert CITATION.format(3) in reply["text"]


async def test_groups_get_answers_to_commands_not_to_chatter(group: Chat) -> None:
    (reply,) = await group.send(f"/search@{USERNAME} trafficking")
    assert CITATION.format(3) in reply["text"]
    group.emulator.send_message(group.chat, group.user, "trafficking is on the agenda today")
    group.emulator.send_message(group.chat, group.user, "/search@some_other_bot trafficking")
    # Updates are handled in order: the next reply must be the one to /para.
    (reply,) = await group.send("/para 1")
    assert reply["text"].startswith(CITATION.format(1))


async def test_unknown_commands_are_answered_when_meant_for_the_bot(
    private: Chat, group: Chat
) -> None:
    (reply,) = await private.send("/frobnicate")
    assert "/help" in reply["text"]
    group.emulator.send_message(group.chat, group.user, "/frobnicate")
    (reply,) = await group.send(f"/frobnicate@{USERNAME}")
    assert "don't know that command" in reply["text"]


async def test_a_deep_link_opens_its_paragraph(private: Chat) -> None:
    (reply,) = await private.send("/start o-A_HRC_58_19-2")
    assert reply["text"].startswith(CITATION.format(2))


async def test_a_broken_deep_link_explains_and_helps(private: Chat) -> None:
    (reply,) = await private.send("/start o-A_HRC_58_19-77")
    assert "doesn't point to a paragraph" in reply["text"]
    assert "/search" in reply["text"]


async def test_a_search_in_a_language_no_report_has_says_so(bot: Emulator) -> None:
    user = bot.user(first_name="Olga", language_code="ru")
    reader = Chat(bot, bot.private_chat(user), user)
    (reply,) = await reader.send("/search торговля")
    assert "На этом языке пока нет ни одного доклада" in reply["text"]
