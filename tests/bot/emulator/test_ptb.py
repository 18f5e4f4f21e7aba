"""python-telegram-bot over real HTTP against the emulator: what the project's bot relies on."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.emulator import Emulator
from tests.bot.emulator.clients import TOKEN


async def test_ptb_sends_html_with_a_keyboard_and_parses_the_reply(
    ptb: Bot, chat: dict[str, Any]
) -> None:
    me = await ptb.get_me()
    assert (me.username, me.is_bot, me.supports_inline_queries) == (
        "reportbot_sandbox_bot",
        True,
        True,
    )
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("para. 3", callback_data="para|A/HRC/58/19|3")],
            [InlineKeyboardButton("Read", url="https://undocs.org/A/HRC/58/19")],
        ]
    )
    message = await ptb.send_message(
        chat["id"],
        '😀 <b>A/HRC/58/19</b>, <a href="https://undocs.org/A/HRC/58/19">para. 3</a>',
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
    )
    assert message.text == "😀 A/HRC/58/19, para. 3"
    assert message.entities == (
        MessageEntity(MessageEntity.BOLD, offset=3, length=11),
        MessageEntity(
            MessageEntity.TEXT_LINK, offset=16, length=7, url="https://undocs.org/A/HRC/58/19"
        ),
    )
    assert message.reply_markup == markup
    assert message.chat.id == chat["id"]
    assert message.from_user is not None
    assert message.from_user.id == me.id


async def test_ptb_raises_bad_request_for_malformed_html(ptb: Bot, chat: dict[str, Any]) -> None:
    with pytest.raises(BadRequest, match="end tag"):
        await ptb.send_message(chat["id"], "<b>bold<b>", parse_mode=ParseMode.HTML)


async def test_ptb_updates_parse(ptb: Bot, emu: Emulator, chat: dict[str, Any]) -> None:
    user = emu.user(first_name="Lev", language_code="fr")
    emu.send_message(emu.private_chat(user), user, "/start o-A_HRC_58_19-3")
    emu.inline_query(user, "trafficking")
    (message, inline) = await ptb.get_updates()
    assert message.message is not None
    assert message.message.text == "/start o-A_HRC_58_19-3"
    assert message.message.parse_entities([MessageEntity.BOT_COMMAND]) == {
        MessageEntity(MessageEntity.BOT_COMMAND, 0, 6): "/start"
    }
    assert inline.inline_query is not None
    assert inline.inline_query.query == "trafficking"


async def test_a_ptb_application_polls_commands_and_buttons(emu: Emulator) -> None:
    """CommandHandler sees /search@bot thanks to bot_command entities; buttons reach the bot."""

    async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("1", callback_data="para|1")]])
        text = f"results for <i>{' '.join(context.args or [])}</i>"
        await context.bot.send_message(
            update.effective_chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer(f"pressed {update.callback_query.data}")

    application = Application.builder().token(TOKEN).base_url(emu.base_url).build()
    application.add_handler(CommandHandler("search", search))
    application.add_handler(CallbackQueryHandler(press))
    group = emu.group_chat(title="Advocates")
    user = emu.user(first_name="Ana")
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        emu.send_message(group, user, "/search@reportbot_sandbox_bot trafficking")
        reply = await emu.wait_for(lambda call: call.method == "sendMessage")
        assert reply.ok
        assert reply.result["text"] == "results for trafficking"
        since = len(emu.calls)
        emu.press_button(reply.result, "para|1", user)
        answer = await emu.wait_for(lambda call: call.method == "answerCallbackQuery", since)
        assert answer.ok
        assert answer.params["text"] == "pressed para|1"
        await application.updater.stop()
        await application.stop()
    assert [call for call in emu.calls if not call.ok] == []
