"""sendDocument as python-telegram-bot sends it over HTTP, and the limits Telegram applies."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    MessageEntity,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError

from bot.emulator import Emulator
from bot.emulator.files import MAX_UPLOAD_BYTES
from tests.bot.emulator.clients import Api

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Not a real Word file: Telegram does not look inside a document, nor does the emulator.
CONTENT = b"PK\x03\x04 a brief, as bytes \x00\xff"


async def test_an_uploaded_document_arrives_with_its_name_and_caption(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    message = await ptb.send_document(
        chat["id"],
        document=InputFile(CONTENT, filename="brief.docx"),
        caption="<b>Saved paragraphs</b>, 3 of them",
        parse_mode=ParseMode.HTML,
    )
    document = message.document
    assert document is not None
    assert (document.file_name, document.mime_type, document.file_size) == (
        "brief.docx",
        WORD,
        len(CONTENT),
    )
    assert document.file_id.startswith("BQAC")
    assert emu.file(document.file_id) == CONTENT
    assert message.caption == "Saved paragraphs, 3 of them"
    assert message.caption_entities == (MessageEntity(MessageEntity.BOLD, 0, 16),)
    assert message.text is None
    (stored,) = emu.messages(chat["id"])
    assert stored["document"] == document.to_dict()
    assert stored["caption"] == message.caption
    assert "text" not in stored


async def test_bytes_are_sent_as_a_file_part_named_after_the_parameter(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    message = await ptb.send_document(chat["id"], document=b"# Saved\n", filename="brief.md")
    assert message.document is not None
    assert (message.document.file_name, message.document.mime_type) == ("brief.md", "text/markdown")
    assert emu.file(message.document.file_id) == b"# Saved\n"
    assert message.caption is None
    assert repr(emu.calls[-1].params["document"]) == "Upload('brief.md', 8 bytes)"


async def test_a_file_attached_by_name_is_read_from_its_part(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    attached = InputFile(CONTENT, filename="brief.docx", attach=True)
    message = await ptb.send_document(chat["id"], document=attached)
    assert message.document is not None
    assert emu.file(message.document.file_id) == CONTENT


async def test_a_document_sent_before_is_sent_again_by_its_file_id(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    first = await ptb.send_document(chat["id"], document=CONTENT, filename="brief.docx")
    assert first.document is not None
    other = emu.private_chat(emu.user(first_name="Ben"))
    by_id = await ptb.send_document(other["id"], document=first.document.file_id, caption="again")
    by_object = await ptb.send_document(other["id"], document=first.document)
    assert by_id.document == by_object.document == first.document
    assert by_id.caption == "again"
    assert emu.file(first.document.file_id) == CONTENT


@pytest.mark.parametrize(
    "sent",
    ["https://docs.un.org/en/A/HRC/58/19", "BQACAgQAAxkBAAI99999999", "brief.docx"],
)
async def test_anything_but_a_known_file_id_is_a_wrong_file_identifier(
    ptb: Bot, emu: Emulator, chat: dict[str, Any], sent: str
) -> None:
    with pytest.raises(BadRequest, match=r"^Wrong file identifier/http url specified$"):
        await ptb.send_document(chat["id"], document=sent)
    assert emu.calls[-1].description == "Bad Request: wrong file identifier/HTTP URL specified"
    assert emu.messages(chat["id"]) == []


async def test_an_empty_file_is_refused(ptb: Bot, emu: Emulator, chat: dict[str, Any]) -> None:
    with pytest.raises(BadRequest, match=r"^File must be non-empty$"):
        await ptb.send_document(chat["id"], document=b"", filename="brief.docx")
    assert emu.calls[-1].description == "Bad Request: file must be non-empty"
    assert emu.messages(chat["id"]) == []


async def test_an_upload_over_50_mb_is_too_large(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    largest = await ptb.send_document(
        chat["id"], document=bytes(MAX_UPLOAD_BYTES), filename="largest.bin"
    )
    assert largest.document is not None
    assert largest.document.file_size == 50 * 1024 * 1024
    # python-telegram-bot raises NetworkError for a 413, with Telegram's description.
    with pytest.raises(NetworkError, match=r"^Request Entity Too Large$"):
        await ptb.send_document(
            chat["id"], document=bytes(MAX_UPLOAD_BYTES + 1), filename="larger.bin"
        )
    assert (emu.calls[-1].status, emu.calls[-1].description) == (413, "Request Entity Too Large")
    assert len(emu.messages(chat["id"])) == 1


async def test_a_request_larger_than_any_upload_is_too_large(
    emu: Emulator, api: Api, chat: dict[str, Any], session: aiohttp.ClientSession
) -> None:
    """A body past what the emulator reads at all gets the same answer."""
    form = aiohttp.FormData({"chat_id": str(chat["id"])})
    form.add_field("document", bytes(MAX_UPLOAD_BYTES), filename="a.bin")
    form.add_field("thumbnail", bytes(2 * 1024 * 1024), filename="b.jpg")
    async with session.post(f"{api.url}/sendDocument", data=form) as response:
        assert response.status == 413
        assert await response.json() == {
            "ok": False,
            "error_code": 413,
            "description": "Request Entity Too Large",
        }


@pytest.mark.parametrize(
    ("caption", "parse_mode"),
    [("x" * 1024, None), ("😀" * 512, None), ("<b>" + "x" * 1024 + "</b>", ParseMode.HTML)],
)
async def test_a_caption_of_1024_utf16_units_after_parsing_is_accepted(
    ptb: Bot, chat: dict[str, Any], caption: str, parse_mode: str | None
) -> None:
    message = await ptb.send_document(
        chat["id"], document=CONTENT, filename="a.docx", caption=caption, parse_mode=parse_mode
    )
    assert message.caption is not None
    assert len(message.caption.encode("utf-16-le")) == 2048


@pytest.mark.parametrize("caption", ["x" * 1025, "😀" * 512 + "x"])
async def test_a_longer_caption_is_too_long(
    ptb: Bot, emu: Emulator, chat: dict[str, Any], caption: str
) -> None:
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await ptb.send_document(chat["id"], document=CONTENT, filename="a.docx", caption=caption)
    assert emu.calls[-1].description == "Bad Request: message caption is too long"


async def test_a_caption_is_parsed_as_message_text_is(ptb: Bot, chat: dict[str, Any]) -> None:
    with pytest.raises(BadRequest, match="end tag"):
        await ptb.send_document(
            chat["id"], document=CONTENT, caption="<b>x", parse_mode=ParseMode.HTML
        )
    entities = [MessageEntity(MessageEntity.ITALIC, 1, 3)]
    message = await ptb.send_document(
        chat["id"], document=CONTENT, caption=" <b> ", caption_entities=entities
    )
    # Without a parse mode the entities are kept; surrounding spaces are trimmed.
    assert (message.caption, message.caption_entities) == (
        "<b>",
        (MessageEntity(MessageEntity.ITALIC, 0, 3),),
    )
    blank = await ptb.send_document(chat["id"], document=CONTENT, caption=" \n ")
    assert blank.caption is None


async def test_reply_markup_and_replies_are_checked_as_for_send_message(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Read", url="https://docs.un.org")]])
    asked = await ptb.send_message(chat["id"], "/export")
    message = await ptb.send_document(
        chat["id"], document=CONTENT, reply_markup=markup, reply_to_message_id=asked.message_id
    )
    assert message.reply_markup == markup
    assert message.reply_to_message is not None
    assert message.reply_to_message.text == "/export"
    bad = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
    with pytest.raises(BadRequest):
        await ptb.send_document(chat["id"], document=CONTENT, reply_markup=bad)
    assert emu.calls[-1].description == "Bad Request: BUTTON_DATA_INVALID"
    # The keyboard of a document is edited as any other; its missing text is not.
    edited = await ptb.edit_message_reply_markup(chat["id"], message.message_id)
    assert isinstance(edited, Message)
    assert edited.reply_markup is None
    assert edited.document == message.document
    with pytest.raises(BadRequest, match=r"^There is no text in the message to edit$"):
        await ptb.edit_message_text("new", chat["id"], message.message_id)
    assert [m["message_id"] for m in emu.messages(chat["id"])] == [
        asked.message_id,
        message.message_id,
    ]


async def test_chats_the_bot_cannot_reach_are_refused_as_for_send_message(
    ptb: Bot, emu: Emulator, chat: dict[str, Any]
) -> None:
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await ptb.send_document(-100123, document=CONTENT)
    emu.set_bot_status(chat, "kicked")
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was blocked by the user$"):
        await ptb.send_document(chat["id"], document=CONTENT)


async def test_a_request_without_the_file_has_no_document(
    api: Api, chat: dict[str, Any], session: aiohttp.ClientSession
) -> None:
    assert await api.error("sendDocument", chat_id=chat["id"]) == (
        400,
        "Bad Request: there is no document in the request",
    )
    # attach:// names a part the request does not have; the part it has is under another name.
    form = aiohttp.FormData({"chat_id": str(chat["id"]), "document": "attach://missing"})
    form.add_field("brief", CONTENT, filename="brief.docx")
    async with session.post(f"{api.url}/sendDocument", data=form) as response:
        assert (response.status, (await response.json())["description"]) == (
            400,
            "Bad Request: there is no document in the request",
        )
