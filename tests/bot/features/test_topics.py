"""Followed topics: /follow, /following, /unfollow; in groups, administrators decide."""

from __future__ import annotations

import pytest

from bot.emulator import Emulator
from bot.features.topics import MOST_TOPIC_CHARACTERS, MOST_TOPICS
from tests.bot.chats import Chat
from tests.bot.reading import buttons


async def test_a_chat_follows_lists_and_stops_topics(private: Chat) -> None:
    (reply,) = await private.send("/follow")
    assert "/follow trafficking in children" in reply["text"]
    (reply,) = await private.send("/following")
    assert reply["text"].startswith("This chat follows no topic.")

    (reply,) = await private.send("/follow trafficking")
    assert reply["text"].startswith(f"Following trafficking (1 of {MOST_TOPICS} topics).")
    (reply,) = await private.send('/follow "online exploitation" -sextortion')
    assert "(2 of 10 topics)" in reply["text"]
    # The same words again are the same topic.
    (reply,) = await private.send("/follow  Trafficking ")
    assert "(2 of 10 topics)" in reply["text"]

    (listing,) = await private.send("/following")
    assert listing["text"].splitlines()[:3] == [
        "Topics this chat follows",
        "1. trafficking",
        '2. "online exploitation" -sextortion',
    ]
    assert [button["text"] for button in buttons(listing)] == ["✕ 1", "✕ 2"]

    (reply,) = await private.send("/unfollow 1")
    assert reply["text"] == "Stopped following trafficking."
    (listing,) = await private.send("/following")
    assert '1. "online exploitation" -sextortion' in listing["text"]
    (reply,) = await private.send("/unfollow 5")
    assert "this chat follows 1 topic." in reply["text"]


async def test_the_cross_under_following_stops_a_topic_in_place(private: Chat) -> None:
    await private.send("/follow trafficking")
    await private.send("/follow birth registration")
    (listing,) = await private.send("/following")
    calls = await private.press(listing, buttons(listing)[0]["callback_data"])
    answer = next(call for call in calls if call.method == "answerCallbackQuery")
    assert answer.params["text"] == "Stopped following trafficking."
    shown = private.emulator.message(private.id, listing["message_id"])
    assert "1. birth registration" in shown["text"]
    assert [button["text"] for button in buttons(shown)] == ["✕ 1"]
    # Pressed again on the old keyboard: that topic is gone already.
    calls = await private.press(
        listing, listing["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    )
    answer = next(call for call in calls if call.method == "answerCallbackQuery")
    assert "no longer works" in answer.params["text"]


async def test_a_chat_follows_at_most_ten_topics_of_searchable_words(private: Chat) -> None:
    for number in range(MOST_TOPICS):
        await private.send(f"/follow topic{number} children")
    (reply,) = await private.send("/follow one more")
    assert reply["text"].startswith(f"This chat already follows {MOST_TOPICS} topics")
    (reply,) = await private.send("/follow " + "children " * MOST_TOPIC_CHARACTERS)
    assert "at most 200 characters" in reply["text"]
    await private.send("/unfollow 1")
    # Nothing a report could be found by: filters or words left out alone.
    (reply,) = await private.send("/follow -trafficking")
    assert "Following" not in reply["text"]
    (reply,) = await private.send("/follow year:2025")
    assert "Following" not in reply["text"]


async def test_in_a_group_only_administrators_follow_and_unfollow(bot: Emulator) -> None:
    admin, member = bot.user(first_name="Rosa"), bot.user(first_name="Tomas")
    group = bot.group_chat(title="Coalition", admins=[admin])
    as_member, as_admin = Chat(bot, group, member), Chat(bot, group, admin)

    (reply,) = await as_member.send("/follow trafficking")
    assert reply["text"] == "Only this group's administrators can change its settings."
    (reply,) = await as_admin.send("/follow trafficking")
    assert reply["text"].startswith("Following trafficking")
    # Anyone may read the list; only administrators stop a topic.
    (listing,) = await as_member.send("/following")
    assert "only its administrators can change these" in listing["text"]
    (reply,) = await as_member.send("/unfollow 1")
    assert reply["text"] == "Only this group's administrators can change its settings."
    calls = await as_member.press(listing, buttons(listing)[0]["callback_data"])
    answer = next(call for call in calls if call.method == "answerCallbackQuery")
    assert answer.params["text"] == "Only this group's administrators can change its settings."
    (reply,) = await as_admin.send("/unfollow 1")
    assert reply["text"] == "Stopped following trafficking."


async def test_forget_stops_every_topic(private: Chat) -> None:
    await private.send("/follow trafficking")
    (reply,) = await private.send("/forget")
    assert "the topics it follows" in reply["text"]
    (reply,) = await private.send("/following")
    assert reply["text"].startswith("This chat follows no topic.")


@pytest.mark.parametrize("language", ["ar", "zh", "fr", "ru", "es"])
async def test_topics_and_the_collection_speak_the_chats_language(
    bot: Emulator, language: str
) -> None:
    user = bot.user(first_name="Nour", language_code=language)
    chat = Chat(bot, bot.private_chat(user), user)
    english = {
        "/follow trafficking": "Following",
        "/following": "Topics this chat follows",
        "/save 3": "Saved",
        "/saved": "This chat's collection",
    }
    for command, said in english.items():
        (reply,) = await chat.send(command)
        assert said not in reply["text"]
        assert "trafficking" in reply["text"] or command != "/follow trafficking"
    (shown,) = await chat.send("/para 3")
    assert "Save" not in [button["text"] for button in buttons(shown)]
