"""/start: what the bot does, and a paragraph link that points nowhere."""

from __future__ import annotations

from tests.bot.chats import Chat


async def test_start_explains_search_and_para_with_an_example(private: Chat) -> None:
    (reply,) = await private.send("/start")
    assert "/search" in reply["text"]
    assert "/para" in reply["text"]
    assert "e.g. /search trafficking in children" in reply["text"]
    assert "A/HRC/58/19" in reply["text"]


async def test_a_broken_deep_link_explains_and_helps(private: Chat) -> None:
    (reply,) = await private.send("/start o-A_HRC_58_19-77")
    assert "doesn't point to a paragraph" in reply["text"]
    assert "/search" in reply["text"]
