"""The bot in the six languages of the UN, end to end: a user's Telegram language, /lang, RTL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.replies.bidi import FSI, PDI
from bot.store import open_store
from index import LANGUAGES, Library
from tests.bot.chats import TOKEN, USERNAME, Chat
from tests.bot.reading import buttons

# Each language as a Telegram app set to it reports it.
TELEGRAM = {"ar": "ar", "zh": "zh-hans", "en": "en", "fr": "fr", "ru": "ru-RU", "es": "es"}
GREETING = {
    "ar": "أبحث عن الفقرات في تقارير الأمم المتحدة",
    "zh": "我在联合国报告中查找段落",
    "en": "I find paragraphs in UN reports",
    "fr": "Je trouve des paragraphes dans les rapports de l'ONU",
    "ru": "Я нахожу пункты в докладах ООН",
    "es": "Busco párrafos en los informes de las Naciones Unidas",
}
# `/search trafficking` finds two paragraphs: Arabic has a form of its own for two.
TWO_FOUND = {
    "ar": f"🔎 فقرتان بشأن {FSI}trafficking{PDI}",
    "zh": "🔎 关于 trafficking 的 2 个段落",
    "en": "🔎 2 paragraphs for trafficking",
    "fr": "🔎 2 paragraphes pour trafficking",
    "ru": "🔎 2 пункта по запросу trafficking",
    "es": "🔎 2 párrafos para trafficking",
}
BACK_CITE_AND_SAVE = {
    "ar": ["↪ النتائج", "الإحالة", "حفظ"],
    "zh": ["↩ 结果", "引用", "收藏"],
    "en": ["↩ Results", "Cite", "Save"],
    "fr": ["↩ Résultats", "Citer", "Enregistrer"],
    "ru": ["↩ Результаты", "Цитировать", "Сохранить"],
    "es": ["↩ Resultados", "Citar", "Guardar"],
}


def speaker(bot: Emulator, language_code: str | None) -> Chat:
    user = bot.user(first_name="Nour", language_code=language_code)
    return Chat(bot, bot.private_chat(user), user)


def answer(calls: list[Any]) -> dict[str, Any]:
    (found,) = [call.params for call in calls if call.method == "answerCallbackQuery"]
    return dict(found)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_start_and_help_speak_the_users_telegram_language(
    bot: Emulator, language: str
) -> None:
    chat = speaker(bot, TELEGRAM[language])
    (start,) = await chat.send("/start")
    (help_,) = await chat.send("/help")
    assert start["text"].startswith(GREETING[language])
    assert help_["text"] == start["text"]
    assert "/search trafficking in children" in start["text"]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_results_and_their_buttons_speak_the_users_language(
    bot: Emulator, language: str
) -> None:
    chat = speaker(bot, TELEGRAM[language])
    (results,) = await chat.send("/search trafficking")
    assert results["text"].splitlines()[0] == TWO_FOUND[language]
    # Citations read the same in every language.
    assert "A/HRC/58/19, para. 3" in results["text"]
    opened = next(b for b in buttons(results) if b["text"] == "para. 3")
    calls = await chat.press(results, opened["callback_data"])
    (edit,) = [call for call in calls if call.method == "editMessageText"]
    labels = [b["text"] for b in buttons(edit.response["result"])]
    assert labels == ["◀ para. 2", "para. 4 ▶", *BACK_CITE_AND_SAVE[language]]


async def test_lang_changes_the_chats_language_and_it_survives_a_restart(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    chat = speaker(emulator, "en")
    with open_store(tmp_path / "data") as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            (reply,) = await chat.send("/lang ru")
            assert reply["text"] == "Теперь я отвечаю в этом чате на русском языке."
            (reply,) = await chat.send("/settings")
            assert "Язык: Русский (выбран с помощью /lang)" in reply["text"]
    # A restart: another process opens the store.
    with open_store(tmp_path / "data") as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            (reply,) = await chat.send("/help")
    assert reply["text"].startswith(GREETING["ru"])
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_lang_alone_lists_the_six_by_their_own_names(private: Chat) -> None:
    (reply,) = await private.send("/lang")
    assert reply["text"].splitlines()[:7] == [
        "Languages",
        "• العربية — /lang ar",
        "• 中文 — /lang zh",
        "• English — /lang en ✓",
        "• Français — /lang fr",
        "• Русский — /lang ru",
        "• Español — /lang es",
    ]
    (reply,) = await private.send("/lang tlh")
    assert reply["text"].startswith("I can only reply in the languages below; tlh is not one")
    assert "• Español — /lang es" in reply["text"]
    (reply,) = await private.send("/settings")
    assert "Language: English (not chosen" in reply["text"]


async def test_only_group_administrators_choose_the_groups_language(bot: Emulator) -> None:
    admin = bot.user(first_name="Rosa", language_code="es")
    member = bot.user(first_name="Tomas", language_code="en")
    group = bot.group_chat(title="Coalition", admins=[admin])
    as_member = Chat(bot, group, member)
    as_admin = Chat(bot, group, admin)

    (reply,) = await as_member.send(f"/lang@{USERNAME} fr")
    assert reply["text"] == "Only this group's administrators can change its settings."
    # Until the group chooses, each person is answered in their own language.
    (reply,) = await as_admin.send("/help")
    assert reply["text"].startswith(GREETING["es"])
    (reply,) = await as_member.send("/help")
    assert reply["text"].startswith(GREETING["en"])

    (reply,) = await as_admin.send("/lang fr")
    assert reply["text"] == "Désormais, je réponds en français dans cette discussion."
    (reply,) = await as_member.send("/settings")
    assert "Langue\u00a0: Français (choisie avec /lang)" in reply["text"]
    assert "seuls ses administrateurs peuvent modifier ces paramètres" in reply["text"]
    (reply,) = await as_member.send("/lang")
    assert "• Français — /lang fr ✓" in reply["text"]


async def test_buttons_answer_in_the_chats_language_else_the_pressers(bot: Emulator) -> None:
    chat = speaker(bot, "fr")
    (shown,) = await chat.send("/para 1")
    notice = answer(await chat.press(shown, "x"))["text"]
    assert notice == "Ce bouton ne fonctionne plus. Envoyez /help pour recommencer."
    await chat.send("/lang es")
    notice = answer(await chat.press(shown, "x"))["text"]
    assert notice == "Este botón ya no funciona. Envíe /help para empezar de nuevo."


async def test_inline_results_speak_the_askers_language(bot: Emulator) -> None:
    user = bot.user(first_name="Li", language_code="zh-hans")
    since = len(bot.calls)
    bot.inline_query(user, "")
    call = await bot.wait_for(lambda c: c.method == "answerInlineQuery", since=since)
    assert call.params["button"]["text"] == "如何使用本机器人"
    # The results carry the asker's language: Telegram must not hand them to others.
    assert call.params["is_personal"] is True
    assert call.params["results"][0]["title"] == "A/HRC/58/19 — 摘要"
    posted = call.params["results"][1]["input_message_content"]["message_text"]
    assert "本段链接" in posted


async def test_the_command_menu_is_registered_in_every_language(bot: Emulator) -> None:
    await bot.wait_for(
        lambda c: c.method == "setMyCommands" and c.params.get("language_code") == "es"
    )
    menus = {
        call.params.get("language_code"): {c["command"]: c["description"] for c in commands}
        for call in bot.calls
        if call.method == "setMyCommands" and (commands := call.params["commands"])
    }
    assert set(menus) == {None, "ar", "zh", "fr", "ru", "es"}
    assert all(menu.keys() == menus[None].keys() for menu in menus.values())
    assert menus[None]["lang"] == "Choose the language I reply in: /lang fr"
    assert menus["ru"]["lang"] == "Выбрать язык ответов: /lang ru"
    assert menus["zh"]["para"] == "显示一个段落的全文：/para 3"
    assert menus["ar"]["para"] == f"عرض فقرة كاملة: {FSI}/para 3{PDI}"


async def test_an_arabic_chat_shows_markup_it_was_sent_as_text(bot: Emulator) -> None:
    chat = speaker(bot, "ar")
    (reply,) = await chat.send("/para <b>7")
    assert reply["text"].startswith(f"لا توجد فقرة رقمها {FSI}<b>7{PDI} في {FSI}A/HRC/58/19{PDI}")
    assert "bold" not in {entity["type"] for entity in reply.get("entities", [])}
    (reply,) = await chat.send("/lang <i>x</i>")
    assert f"{FSI}<i>x</i>{PDI}" in reply["text"]
    # A code element is isolated from outside: tapping it copies the command alone.
    (reply,) = await chat.send("/search")
    (code,) = [entity for entity in reply["entities"] if entity["type"] == "code"]
    text = reply["text"].encode("utf-16-le")
    copied = text[code["offset"] * 2 : (code["offset"] + code["length"]) * 2]
    assert copied.decode("utf-16-le") == "/search trafficking in children"
