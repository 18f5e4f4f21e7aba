"""What no feature handles: unknown commands, buttons the bot no longer knows."""

from __future__ import annotations

from tests.bot.chats import USERNAME, Chat


async def test_junk_callback_data_gets_a_polite_answer(private: Chat) -> None:
    (shown,) = await private.send("/para 1")
    for junk in ("x", "o-A_HRC_58_19-999", "n-NO_SUCH_REPORT-1", "o--1", "💥"):
        calls = await private.press(shown, junk)
        (answer,) = [c for c in calls if c.method == "answerCallbackQuery"]
        assert "no longer works" in answer.params["text"], junk


async def test_unknown_commands_are_answered_when_meant_for_the_bot(
    private: Chat, group: Chat
) -> None:
    (reply,) = await private.send("/frobnicate")
    assert "/help" in reply["text"]
    group.emulator.send_message(group.chat, group.user, "/frobnicate")
    (reply,) = await group.send(f"/frobnicate@{USERNAME}")
    assert "don't know that command" in reply["text"]
