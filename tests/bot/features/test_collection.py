"""A chat's collection: Save and /save, /saved with ✕ and pages, /saved clear, and /export, the
collection sent back as a cited brief (a Word file, or Markdown)."""

from __future__ import annotations

import io
from typing import Any

import docx

from bot.emulator import Emulator
from bot.features.collection import MOST_SAVED
from bot.replies.collection import COLLECTION_PAGE_SIZE
from bot.store import Store
from index import Library
from tests.bot.chats import Chat
from tests.bot.reading import buttons

SYMBOL = "A/HRC/58/19"
REFERENCE = (
    "Special Representative of the Secretary-General on Violence against Children, "
    "Annual report, A/HRC/58/19 (13 January 2025), para. {}"
)


def _notice(calls: list[Any]) -> str:
    answer = next(call for call in calls if call.method == "answerCallbackQuery")
    return str(answer.params.get("text", ""))


def _sent_document(emulator: Emulator, chat: Chat) -> tuple[dict[str, Any], bytes]:
    (call,) = [
        call
        for call in emulator.calls
        if call.method == "sendDocument" and int(call.params["chat_id"]) == chat.id
    ]
    message = call.response["result"]
    return message, emulator.file(message["document"]["file_id"])


async def _export(chat: Chat, command: str) -> tuple[dict[str, Any], bytes]:
    since = len(chat.emulator.calls)
    chat.emulator.send_message(chat.chat, chat.user, command)
    await chat.emulator.wait_for(lambda call: call.method == "sendDocument", since=since)
    return _sent_document(chat.emulator, chat)


async def test_save_under_a_paragraph_and_by_command_then_list_in_the_order_saved(
    private: Chat,
) -> None:
    (shown,) = await private.send("/para 3")
    save = next(button for button in buttons(shown) if button["text"] == "Save")
    notice = _notice(await private.press(shown, save["callback_data"]))
    assert notice == f"Saved {SYMBOL}, para. 3 to this chat's collection (1 of {MOST_SAVED})."
    notice = _notice(await private.press(shown, save["callback_data"]))
    assert notice == f"{SYMBOL}, para. 3 is already in this chat's collection."

    (reply,) = await private.send(f"/save {SYMBOL} 1")
    assert reply["text"] == f"Saved {SYMBOL}, para. 1 to this chat's collection (2 of 200)."
    (reply,) = await private.send("/save 99")
    assert "numbered 1–4" in reply["text"]
    (reply,) = await private.send("/save")
    assert "/save A/HRC/58/19 12" in reply["text"]

    (listing,) = await private.send("/saved")
    lines = listing["text"].splitlines()
    assert lines[0] == "This chat's collection: 2 paragraphs"
    assert lines[2] == f"1. {SYMBOL}, para. 3"
    assert lines[5] == f"2. {SYMBOL}, para. 1"
    assert [button["text"] for button in buttons(listing)] == ["✕ 1", "✕ 2"]


async def test_the_cross_removes_an_entry_in_place(private: Chat) -> None:
    await private.send(f"/save {SYMBOL} 3")
    await private.send(f"/save {SYMBOL} 4")
    (listing,) = await private.send("/saved")
    notice = _notice(await private.press(listing, buttons(listing)[0]["callback_data"]))
    assert notice == f"Removed {SYMBOL}, para. 3."
    shown = private.emulator.message(private.id, listing["message_id"])
    assert f"1. {SYMBOL}, para. 4" in shown["text"]
    assert "para. 3" not in shown["text"]
    # The same button again: that entry is gone.
    notice = _notice(await private.press(listing, buttons(listing)[0]["callback_data"]))
    assert "no longer works" in notice


async def test_the_collection_is_paged_and_full_at_its_limit(private: Chat, store: Store) -> None:
    # Saved earlier: paragraphs of a report since removed from the library.
    for number in range(1, MOST_SAVED):
        store.save_entry(private.id, "A/HRC/1/1", "en", None, "numbered", number)
    (shown,) = await private.send("/para 3")
    save = next(button for button in buttons(shown) if button["text"] == "Save")
    notice = _notice(await private.press(shown, save["callback_data"]))
    assert notice.endswith(f"({MOST_SAVED} of {MOST_SAVED}).")
    (reply,) = await private.send(f"/save {SYMBOL} 4")
    assert reply["text"] == (
        f"This chat's collection is full ({MOST_SAVED} paragraphs). Remove some with /saved first."
    )

    (listing,) = await private.send("/saved")
    assert listing["text"].startswith(f"This chat's collection: {MOST_SAVED} paragraphs · 1/40")
    assert "1. A/HRC/1/1, para. 1 — no longer in the library" in listing["text"]
    labels = [button["text"] for button in buttons(listing)]
    assert labels == [f"✕ {n}" for n in range(1, COLLECTION_PAGE_SIZE + 1)] + ["Next ▶"]
    following = buttons(listing)[-1]
    await private.press(listing, following["callback_data"])
    shown = private.emulator.message(private.id, listing["message_id"])
    assert "· 2/40" in shown["text"]
    assert (
        f"{COLLECTION_PAGE_SIZE + 1}. A/HRC/1/1, para. {COLLECTION_PAGE_SIZE + 1}" in shown["text"]
    )
    assert [button["text"] for button in buttons(shown)][-2:] == ["◀ Previous", "Next ▶"]


async def test_export_sends_the_collection_verbatim_with_full_citations(
    private: Chat, library: Library
) -> None:
    (reply,) = await private.send("/export")
    assert reply["text"].startswith("This chat's collection is empty.")
    await private.send(f"/save {SYMBOL} 3")
    await private.send(f"/save {SYMBOL} 1")

    message, sent = await _export(private, "/export")
    assert message["document"]["file_name"].endswith(".docx")
    assert message["caption"] == "2 saved paragraphs, verbatim, with full citations."
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(sent)).paragraphs)
    for number in (3, 1):
        paragraph = library.paragraph(SYMBOL, number)
        assert paragraph is not None
        assert paragraph.text in text
        assert REFERENCE.format(number) in text
    # In the order saved.
    assert text.index(REFERENCE.format(3)) < text.index(REFERENCE.format(1))
    for name in ("Amina", str(private.user["id"])):
        assert name not in text


async def test_export_md_sends_markdown(private: Chat, library: Library) -> None:
    await private.send(f"/save {SYMBOL} 2")
    message, sent = await _export(private, "/export md")
    assert message["document"]["file_name"].endswith(".md")
    markdown = sent.decode()
    assert REFERENCE.format(2) in markdown
    (reply,) = await private.send("/export pdf")
    assert "/export md" in reply["text"]


async def test_in_a_group_anyone_saves_and_only_administrators_remove(bot: Emulator) -> None:
    admin, member = bot.user(first_name="Rosa"), bot.user(first_name="Tomas")
    group = bot.group_chat(title="Coalition", admins=[admin])
    as_member, as_admin = Chat(bot, group, member), Chat(bot, group, admin)

    (reply,) = await as_member.send(f"/save {SYMBOL} 3")
    assert reply["text"].startswith("Saved")
    (listing,) = await as_member.send("/saved")
    assert "only administrators remove" in listing["text"]
    notice = _notice(await as_member.press(listing, buttons(listing)[0]["callback_data"]))
    assert notice == "In this group, only its administrators can remove saved paragraphs."
    (reply,) = await as_member.send("/saved clear")
    assert reply["text"] == "In this group, only its administrators can remove saved paragraphs."
    await as_member.send(f"/save {SYMBOL} 4")
    (reply,) = await as_admin.send("/saved clear")
    assert reply["text"] == "Removed 2 paragraphs: this chat's collection is empty."
    (reply,) = await as_member.send("/saved")
    assert reply["text"].startswith("This chat's collection is empty.")


async def test_forget_empties_the_collection(private: Chat) -> None:
    await private.send(f"/save {SYMBOL} 3")
    await private.send("/forget")
    (reply,) = await private.send("/saved")
    assert reply["text"].startswith("This chat's collection is empty.")
