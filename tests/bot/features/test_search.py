"""Searching as a user sees it: cited, summarised, linked results in pages; groups and chatter."""

from __future__ import annotations

import re

from bot.emulator import Emulator
from index import Library
from tests.bot.chats import USERNAME, Chat
from tests.bot.reading import CITATION, bold_words, buttons, links


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


async def test_plain_text_in_a_private_chat_is_a_search(private: Chat) -> None:
    (reply,) = await private.send("trafficking")
    assert CITATION.format(3) in reply["text"]


async def test_groups_get_answers_to_commands_not_to_chatter(group: Chat) -> None:
    (reply,) = await group.send(f"/search@{USERNAME} trafficking")
    assert CITATION.format(3) in reply["text"]
    group.emulator.send_message(group.chat, group.user, "trafficking is on the agenda today")
    group.emulator.send_message(group.chat, group.user, "/search@some_other_bot trafficking")
    # A chat's updates are handled in order: the next reply must be the one to /para.
    (reply,) = await group.send("/para 1")
    assert reply["text"].startswith(CITATION.format(1))


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


async def test_a_french_search_over_english_reports_finds_english_paragraphs_marked(
    bot: Emulator,
) -> None:
    """No report is in French: meaning, which is the same in every language, finds English
    paragraphs, each named as English, the header saying why once."""
    user = bot.user(first_name="Amélie", language_code="fr")
    reader = Chat(bot, bot.private_chat(user), user)
    (reply,) = await reader.send("/search la traite des enfants")
    text = reply["text"]
    assert CITATION.format("") in text
    shown = [line for line in text.splitlines() if re.match(r"\d+\. A/HRC/58/19, ", line)]
    assert shown
    assert all("(English)" in line for line in shown)
    assert "≈ Proche par le sens" in text
    assert text.count("Certains rapports n’ont pas de version dans votre langue (Français)") == 1
    # No dead end: nothing tells the reader to type English words instead.
    assert "mots en anglais" not in text
