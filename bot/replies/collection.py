"""What the bot says about a chat's collection of saved paragraphs: /save and the Save button,
/saved, /saved clear, and the brief /export sends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.addresses import CollectionPage, EntryRemoval
from bot.replies.i18n import Texts
from bot.replies.messages import escape
from bot.replies.render import Reply, deep_link, fitted, turn_buttons
from index import Paragraph

SAVE_EXAMPLE = "/save A/HRC/58/19 12"
# Entries on a page of /saved.
COLLECTION_PAGE_SIZE = 5
# Of each entry, its first words.
_EXCERPT = 160


@dataclass(frozen=True)
class Shown:
    """A saved entry as /saved lists it: its id, its citation, and the paragraph if its report is
    still indexed."""

    entry: int
    citation: str
    paragraph: Paragraph | None


def saved(t: Texts, citation: str, count: int, most: int) -> str:
    return t.gettext(
        "Saved {citation} to this chat's collection ({count} of {most}).",
        citation=citation,
        count=count,
        most=most,
    )


def already_saved(t: Texts, citation: str) -> str:
    return t.gettext("{citation} is already in this chat's collection.", citation=citation)


def collection_full(t: Texts, most: int) -> str:
    return t.gettext(
        "This chat's collection is full ({most} paragraphs). Remove some with /saved first.",
        most=most,
    )


def save_usage(t: Texts) -> str:
    return t.gettext(
        "Send <code>/save</code> with a paragraph as /para names it, e.g. "
        "<code>{example}</code> or <code>/save 12</code> for this chat's report; or press "
        "<b>Save</b> under a paragraph.",
        example=escape(SAVE_EXAMPLE),
    )


def empty_collection(t: Texts) -> str:
    return t.gettext(
        "This chat's collection is empty. Press <b>Save</b> under a paragraph, or send "
        "<code>{example}</code>.",
        example=escape(SAVE_EXAMPLE),
    )


def collection_page(
    t: Texts,
    shown: Sequence[Shown],
    page: int,
    total: int,
    username: str,
    *,
    group: bool,
) -> Reply:
    """Page `page` (from 0) of `total` entries, each numbered in the order saved, cited, begun
    and linked, with a button to remove it and ◀ ▶ between pages."""
    pages = max(1, -(-total // COLLECTION_PAGE_SIZE))
    first = page * COLLECTION_PAGE_SIZE + 1
    lines = [
        t.ngettext(
            "<b>This chat's collection</b>: {count} paragraph",
            "<b>This chat's collection</b>: {count} paragraphs",
            total,
            count=total,
        )
        + (f" · {page + 1}/{pages}" if pages > 1 else "")
    ]
    for number, item in enumerate(shown, first):
        lines.append("")
        if item.paragraph is None:
            lines.append(
                f"{number}. <b>{escape(item.citation)}</b> — "
                + t.gettext("<i>no longer in the library</i>")
            )
            continue
        link = deep_link(username, item.paragraph)
        lines.append(
            f'{number}. <b><a href="{escape(link)}">{escape(item.citation)}</a></b>\n'
            f"{fitted(item.paragraph.text, _EXCERPT)}"
        )
    lines += [
        "",
        t.gettext(
            "<code>/export</code> sends it as a Word file with full citations, "
            "<code>/export md</code> as Markdown; ✕ removes a paragraph."
        ),
    ]
    if group:
        lines.append(t.gettext("In this group, anyone can save; only administrators remove."))
    removals = [
        InlineKeyboardButton(
            t.gettext("✕ {number}", number=number),
            callback_data=EntryRemoval(item.entry, page).encode(),
        )
        for number, item in enumerate(shown, first)
    ]
    turns = turn_buttons(
        t,
        CollectionPage(page - 1).encode() if page > 0 else None,
        CollectionPage(page + 1).encode() if page < pages - 1 else None,
    )
    rows = [row for row in (removals, turns) if row]
    return Reply("\n".join(lines), InlineKeyboardMarkup(rows) if rows else None)


def removed(t: Texts, citation: str) -> str:
    return t.gettext("Removed {citation}.", citation=citation)


def cleared(t: Texts, count: int) -> str:
    return t.ngettext(
        "Removed {count} paragraph: this chat's collection is empty.",
        "Removed {count} paragraphs: this chat's collection is empty.",
        count,
        count=count,
    )


def admins_remove(t: Texts) -> str:
    return t.gettext("In this group, only its administrators can remove saved paragraphs.")


def export_caption(t: Texts, count: int) -> str:
    return t.ngettext(
        "{count} saved paragraph, verbatim, with full citations.",
        "{count} saved paragraphs, verbatim, with full citations.",
        count,
        count=count,
    )


def export_usage(t: Texts) -> str:
    return t.gettext(
        "<code>/export</code> sends this chat's collection as a Word file, "
        "<code>/export md</code> as Markdown."
    )
