"""What a paragraph stands on and what stands on it: its footnotes, its references as links and
buttons, and the paragraphs of other reports that cite it."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.addresses import Action, CitedByPage, ResultsPage, address
from bot.replies.i18n import Texts
from bot.replies.messages import Block, Markup, attribute, escape
from bot.replies.render import Reply, deep_link, fitted, place_of, turn_buttons
from index import Paragraph, Resolved

# A note is shown cut to this many characters, and the notes together to NOTES_ROOM: with the
# paragraph's own text and links they must leave the message within Telegram's 4,096.
NOTE_ROOM = 600
NOTES_ROOM = 2_400
# References named at most, and buttons to paragraphs of the same report.
MOST_REFERENCES = 12
MOST_OWN_BUTTONS = 4
# A reference is named by its own words, cut to this.
_LABEL = 60
# Citing paragraphs on a page of "cited by".
CITED_PAGE_SIZE = 5


def notes_block(paragraph: Paragraph) -> Block | None:
    """The paragraph's footnotes, numbered as the report numbers them, folded under the text
    (an expandable quote: Telegram has no smaller print)."""
    if not paragraph.notes:
        return None
    numbers = paragraph.note_numbers or (None,) * len(paragraph.notes)
    lines: list[str] = []
    used = 0
    for number, note in zip(numbers, paragraph.notes, strict=False):
        line = f"<b>{number}</b> " if number is not None else "• "
        line += fitted(note, NOTE_ROOM)
        if used + len(line) > NOTES_ROOM:
            lines.append("…")
            break
        lines.append(line)
        used += len(line) + 1
    return Markup("<blockquote expandable>" + "\n".join(lines) + "</blockquote>")


def _label(resolved: Resolved) -> str:
    text = " ".join(resolved.reference.text.split())
    return text if len(text) <= _LABEL else text[: _LABEL - 1].rstrip() + "…"


def references_block(t: Texts, resolved: Sequence[Resolved], username: str) -> Block | None:
    """Each reference to another document once, as a link: to the paragraph in the bot when it
    is indexed, else to the UN document."""
    links: dict[str, str] = {}
    for found in resolved:
        if found.reference.kind == "own_paragraph" or len(links) == MOST_REFERENCES:
            continue
        url = deep_link(username, found.target) if found.target is not None else found.url
        label = _label(found)
        if url is not None and label not in links:
            mark = "↪ " if found.target is not None else ""
            links[label] = f'{mark}<a href="{attribute(url)}">{escape(label)}</a>'
    if not links:
        return None
    return Markup(t.gettext("<b>References:</b> {links}", links=" · ".join(links.values())))


def own_paragraph_buttons(
    resolved: Sequence[Resolved], back: ResultsPage | None
) -> list[InlineKeyboardButton]:
    """A button for each paragraph of the same report referred to ("see para. 27 above") that
    is indexed: it opens that paragraph in place."""
    buttons: dict[str, InlineKeyboardButton] = {}
    for found in resolved:
        target = found.target
        if found.reference.kind != "own_paragraph" or target is None:
            continue
        place = place_of(target)
        if place.label not in buttons and len(buttons) < MOST_OWN_BUTTONS:
            data = address(Action.NAVIGATE, target.symbol, place, back, target.lang).encode()
            buttons[place.label] = InlineKeyboardButton(f"↪ {place.label}", callback_data=data)
    return list(buttons.values())


def cited_button(t: Texts, count: int, page: CitedByPage) -> InlineKeyboardButton:
    label = t.ngettext(
        "Cited in {count} paragraph", "Cited in {count} paragraphs", count, count=count
    )
    return InlineKeyboardButton(label, callback_data=page.encode())


def cited_by_reply(
    t: Texts,
    cited: str,
    citing: Sequence[Paragraph],
    page: CitedByPage,
    username: str,
) -> Reply:
    """Page `page.page` of the paragraphs citing `cited` (a citation, `A/HRC/58/19, para. 3`, or
    a symbol), each cited, linked and begun, with ◀ ▶ between pages."""
    if not citing:
        return Reply(t.gettext("No indexed paragraph cites {cited}.", cited=escape(cited)))
    pages = -(-len(citing) // CITED_PAGE_SIZE)
    number = min(page.page, pages - 1)
    first = number * CITED_PAGE_SIZE
    lines = [
        t.ngettext(
            "<b>{cited}</b> is cited in {count} paragraph",
            "<b>{cited}</b> is cited in {count} paragraphs",
            len(citing),
            cited=escape(cited),
            count=len(citing),
        )
        + (f" · {number + 1}/{pages}" if pages > 1 else "")
    ]
    for rank, paragraph in enumerate(citing[first : first + CITED_PAGE_SIZE], first + 1):
        link = deep_link(username, paragraph)
        lines += [
            "",
            f'{rank}. <b><a href="{attribute(link)}">{escape(paragraph.citation)}</a></b>',
            fitted(paragraph.text, 200),
        ]
    turns = turn_buttons(
        t,
        CitedByPage(page.slug, page.number, number - 1).encode() if number > 0 else None,
        CitedByPage(page.slug, page.number, number + 1).encode() if number < pages - 1 else None,
    )
    return Reply("\n".join(lines), InlineKeyboardMarkup([turns]) if turns else None)
