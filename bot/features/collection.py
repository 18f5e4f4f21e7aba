"""A chat's collection of saved paragraphs: /save and the Save button under a paragraph,
/saved with its pages and ✕, /saved clear, and /export, the collection as a cited brief.

In groups anyone may save (collecting is the point of a campaign group), and only
administrators remove, as they change the group's other settings.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram import Chat, InputFile, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.addresses import (
    COLLECTION_PAGE,
    ENTRY_REMOVAL,
    Action,
    Address,
    CollectionPage,
    EntryRemoval,
    address_pattern,
    parse_address,
    parse_collection_page,
    parse_entry_removal,
)
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES, in_group
from bot.features.paragraphs import named_place, resolve
from bot.features.sending import answer_button, replace, send
from bot.features.settings import may_change_settings
from bot.replies import collection as replies
from bot.replies import render
from bot.replies.brief import brief_docx, brief_markdown
from bot.replies.collection import COLLECTION_PAGE_SIZE, Shown
from bot.replies.i18n import Texts
from bot.replies.messages import escape
from bot.replies.render import Reply
from bot.store import Entry, Saving
from index import NUMBERED, PARAGRAPH_KINDS, Library, Paragraph, ParagraphKind, Report

# A chat's collection at most: a brief, not an archive.
MOST_SAVED = 200
# The store keeps a paragraph's kind as text, knowing nothing of the index.
_KINDS: dict[str, ParagraphKind] = {kind: kind for kind in PARAGRAPH_KINDS}
WORD = "docx"
MARKDOWN = "md"


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("save", save, NEW_MESSAGES))
    application.add_handler(CommandHandler("saved", saved, NEW_MESSAGES))
    application.add_handler(CommandHandler("export", export, NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(save_button, pattern=address_pattern(Action.SAVE)))
    application.add_handler(CallbackQueryHandler(turn_page, pattern=COLLECTION_PAGE))
    application.add_handler(CallbackQueryHandler(remove_button, pattern=ENTRY_REMOVAL))


async def save(update: Update, context: BotContext) -> None:
    """`/save SYMBOL N`, `/save N` (the chat's report), and the other forms of /para."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    if not context.args:
        await send(context, chat, [Reply(replies.save_usage(t))])
        return
    target = await named_place(update, context)
    if target is None:
        return
    report, place = target
    paragraph = await asyncio.to_thread(
        context.services.library.paragraph,
        report.symbol,
        place.number,
        report.lang,
        place.annex,
        place.kind,
    )
    if paragraph is not None:
        await send(context, chat, [Reply(escape(await _save(context, t, chat.id, paragraph)))])


async def save_button(update: Update, context: BotContext) -> None:
    """Save, under a paragraph: a notice under the button, the chat left as it is."""
    t = context.texts

    async def press(message: Message, target: Address) -> str | None:
        library = context.services.library
        symbol = await resolve(library, target)
        place = target.place
        paragraph = (
            None
            if symbol is None
            else await asyncio.to_thread(
                library.paragraph, symbol, place.number, target.lang, place.annex, place.kind
            )
        )
        if paragraph is None:
            return render.stale_button(t)
        return await _save(context, t, message.chat.id, paragraph)

    await answer_button(update, t, parse_address, press)


async def _save(context: BotContext, t: Texts, chat_id: int, paragraph: Paragraph) -> str:
    """What saving the paragraph did, said in plain text (a button's notice takes no markup)."""
    store = context.services.store
    saving = await asyncio.to_thread(
        store.save_entry,
        chat_id,
        paragraph.symbol,
        paragraph.lang,
        paragraph.annex,
        paragraph.kind,
        paragraph.number,
        MOST_SAVED,
    )
    if saving == Saving.FULL:
        return replies.collection_full(t, MOST_SAVED)
    if saving == Saving.ALREADY:
        return replies.already_saved(t, paragraph.citation)
    count = await asyncio.to_thread(store.count_entries, chat_id)
    return replies.saved(t, paragraph.citation, count, MOST_SAVED)


async def saved(update: Update, context: BotContext) -> None:
    """`/saved`: the collection's first page; `/saved clear`: empty it."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    args = [arg.casefold() for arg in context.args or ()]
    if args == ["clear"]:
        if not await may_change_settings(update, context):
            text = replies.admins_remove(t)
        else:
            count = await asyncio.to_thread(context.services.store.clear_entries, chat.id)
            text = replies.cleared(t, count)
        await send(context, chat, [Reply(text)])
        return
    await send(context, chat, [await _page(context, t, chat, 0, in_group(update))])


async def turn_page(update: Update, context: BotContext) -> None:
    t = context.texts

    async def press(message: Message, page: CollectionPage) -> str | None:
        reply = await _page(context, t, message.chat, page.page, in_group(update))
        await replace(context, message, [reply])
        return None

    await answer_button(update, t, parse_collection_page, press)


async def remove_button(update: Update, context: BotContext) -> None:
    """✕ under /saved: the entry goes, and the page is shown again without it."""
    t = context.texts

    async def press(message: Message, removal: EntryRemoval) -> str | None:
        if not await may_change_settings(update, context):
            return replies.admins_remove(t)
        store = context.services.store
        entry = next(
            (
                kept
                for kept in await asyncio.to_thread(store.entries, message.chat.id)
                if kept.id == removal.entry
            ),
            None,
        )
        if entry is None or not await asyncio.to_thread(
            store.remove_entry, message.chat.id, entry.id
        ):
            return render.stale_button(t)
        reply = await _page(context, t, message.chat, removal.page, in_group(update))
        await replace(context, message, [reply])
        return replies.removed(t, _citation(entry))

    await answer_button(update, t, parse_entry_removal, press)


async def _page(context: BotContext, t: Texts, chat: Chat, page: int, group: bool) -> Reply:
    """Page `page` of the chat's collection, or its last page if it has fewer now."""
    store, library = context.services.store, context.services.library
    total = await asyncio.to_thread(store.count_entries, chat.id)
    if total == 0:
        return Reply(replies.empty_collection(t))
    page = min(page, (total - 1) // COLLECTION_PAGE_SIZE)
    entries = await asyncio.to_thread(
        store.entries, chat.id, page * COLLECTION_PAGE_SIZE, COLLECTION_PAGE_SIZE
    )
    shown = await asyncio.to_thread(_shown, library, entries)
    return replies.collection_page(t, shown, page, total, context.bot.username, group=group)


def _shown(library: Library, entries: list[Entry]) -> list[Shown]:
    return [Shown(entry.id, _citation(entry), _paragraph(library, entry)) for entry in entries]


def _paragraph(library: Library, entry: Entry) -> Paragraph | None:
    kind = _KINDS.get(entry.kind)
    if kind is None:
        return None
    return library.paragraph(entry.symbol, entry.number, entry.lang, entry.annex, kind)


def _citation(entry: Entry) -> str:
    """The entry's citation, also when its report is no longer indexed."""
    return Paragraph(
        symbol=entry.symbol,
        lang=entry.lang,
        annex=entry.annex,
        number=entry.number,
        kind=_KINDS.get(entry.kind, NUMBERED),
        text="",
    ).citation


async def export(update: Update, context: BotContext) -> None:
    """`/export`: the collection as a Word file; `/export md`: as Markdown."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    args = [arg.casefold() for arg in context.args or ()]
    if args not in ([], [WORD], [MARKDOWN]):
        await send(context, chat, [Reply(replies.export_usage(t))])
        return
    kind = MARKDOWN if args == [MARKDOWN] else WORD
    store, library = context.services.store, context.services.library
    entries = await asyncio.to_thread(store.entries, chat.id)
    cited = await asyncio.to_thread(_cited, library, entries)
    if not cited:
        await send(context, chat, [Reply(replies.empty_collection(t))])
        return
    today = dt.date.today()
    made = await asyncio.to_thread(_brief, t, cited, today, kind)
    await context.bot.send_document(
        chat.id,
        InputFile(made, filename=f"saved-paragraphs-{today.isoformat()}.{kind}"),
        caption=replies.export_caption(t, len(cited)),
    )


def _cited(library: Library, entries: list[Entry]) -> list[tuple[Report, Paragraph]]:
    """The entries still indexed, each with its report's version."""
    cited = []
    for entry in entries:
        report = library.report(entry.symbol, entry.lang)
        paragraph = _paragraph(library, entry)
        if report is not None and paragraph is not None:
            cited.append((report, paragraph))
    return cited


def _brief(t: Texts, cited: list[tuple[Report, Paragraph]], made: dt.date, kind: str) -> bytes:
    if kind == MARKDOWN:
        return brief_markdown(t, cited, made).encode()
    return brief_docx(t, cited, made)
