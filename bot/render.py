"""What the bot says, as Telegram HTML: search results, paragraphs, help. Pure functions.

Every piece of report or user text is escaped here and nowhere else; citations use the UN's
own form (`A/HRC/58/19, para. 3`) wherever a paragraph is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import (
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.helpers import create_deep_linked_url

from bot.addresses import Action, ResultsPage, address
from bot.messages import MESSAGE_LIMIT, Block, Markup, Plain, attribute, escape, pack
from index.citation import reference
from index.models import Paragraph, Report
from index.results import Hit, SearchResult, Summary

SEARCH_EXAMPLE = "/search trafficking in children"
PAGE_SIZE = 5
HELP_BUTTON = "How to use this bot"
_QUERY_SHOWN = 120
# Telegram's limit for the text a copy button copies.
_COPY_LIMIT = 256


@dataclass(frozen=True)
class Reply:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


def _with_keyboard(texts: list[str], keyboard: InlineKeyboardMarkup | None) -> list[Reply]:
    """The keyboard goes under the last message, where the reader ends up."""
    return [Reply(text, keyboard if i == len(texts) - 1 else None) for i, text in enumerate(texts)]


def _link(url: str, label: str) -> str:
    return f'<a href="{attribute(url)}">{escape(label)}</a>'


def _address(
    action: Action,
    paragraph: Paragraph,
    number: int | None = None,
    back: ResultsPage | None = None,
) -> str:
    target = paragraph.number if number is None else number
    return address(action, paragraph.symbol, target, paragraph.annex, back).encode()


def deep_link(username: str, paragraph: Paragraph) -> str:
    return create_deep_linked_url(username, _address(Action.OPEN, paragraph))


def _links(paragraph: Paragraph, username: str) -> str:
    links = [_link(paragraph.link, "Read in the report")] if paragraph.link else []
    links.append(_link(paragraph.official_url, "UN document"))
    links.append(_link(deep_link(username, paragraph), "Link to this paragraph"))
    return " · ".join(links)


def _heading(paragraph: Paragraph) -> str:
    heading = f"<b>{escape(paragraph.citation)}</b>"
    if paragraph.section:
        heading += f" — <i>{escape(paragraph.section)}</i>"
    return heading


def summary_html(summary: Summary) -> str:
    return "".join(
        f"<b>{escape(s.text)}</b>" if s.match else escape(s.text) for s in summary.segments
    )


def _shown_query(words: Sequence[str]) -> str:
    shown = " ".join(words)
    return shown if len(shown) <= _QUERY_SHOWN else shown[: _QUERY_SHOWN - 1].rstrip() + "…"


def search_usage() -> str:
    return (
        "Tell me what to look for, e.g.\n"
        f"<code>{escape(SEARCH_EXAMPLE)}</code>\n\n"
        "I reply with the five paragraphs that match best, each cited the UN way."
    )


def nothing_to_search() -> str:
    return (
        "Those words are too short or too common to search for. "
        f"Try more specific ones, e.g. <code>{escape(SEARCH_EXAMPLE)}</code>"
    )


def no_hits(words: Sequence[str]) -> str:
    return (
        f"No paragraph mentions <i>{escape(_shown_query(words))}</i>.\n"
        "Try fewer or broader words, or another spelling, e.g. "
        f"<code>{escape(SEARCH_EXAMPLE)}</code>"
    )


def _result(rank: int, hit: Hit, username: str) -> Block:
    return Markup(
        f"{rank}. {_heading(hit.paragraph)}\n"
        f"{summary_html(hit.summary)}\n"
        f"{_links(hit.paragraph, username)}"
    )


def showing_results(corrected: Sequence[tuple[str, str]]) -> str:
    """Which words were searched for instead of the ones typed, which no paragraph has."""
    searched = ", ".join(f"<i>{escape(instead)}</i>" for _, instead in corrected)
    typed = ", ".join(f"<i>{escape(word)}</i>" for word, _ in corrected)
    return f"Showing results for {searched}: no paragraph has {typed}."


def unknown_reports(symbols: Sequence[str]) -> str:
    named = ", ".join(escape(symbol) for symbol in symbols)
    return f"No report {named} is indexed. /reports lists the ones I have."


def expired_search() -> str:
    return "That search has expired. Send it again to see its results."


def _result_buttons(hits: Sequence[Hit], page: ResultsPage, has_next: bool) -> InlineKeyboardMarkup:
    """A button per result, opening it in place, then ◀ ▶ between pages."""
    several = len({hit.paragraph.symbol for hit in hits}) > 1
    buttons = [
        InlineKeyboardButton(
            hit.paragraph.citation if several else hit.paragraph.place,
            callback_data=_address(Action.NAVIGATE, hit.paragraph, back=page),
        )
        for hit in hits
    ]
    # Citations of several reports are too long to share a row.
    rows = [[button] for button in buttons] if several else [buttons]
    turns = []
    if page.page > 0:
        previous = ResultsPage(page.token, page.page - 1)
        turns.append(InlineKeyboardButton("◀ Previous", callback_data=previous.encode()))
    if has_next:
        following = ResultsPage(page.token, page.page + 1)
        turns.append(InlineKeyboardButton("Next ▶", callback_data=following.encode()))
    return InlineKeyboardMarkup([*rows, turns] if turns else rows)


def search_reply(
    result: SearchResult, username: str, page: ResultsPage, has_next: bool = False
) -> list[Reply]:
    """One page of results: `result.hits` are that page's, ranked from the page's start."""
    if result.unknown_reports:
        return [Reply(unknown_reports(result.unknown_reports))]
    if not result.words:
        return [Reply(nothing_to_search())]
    if not result.hits:
        return [Reply(no_hits(result.words) if page.page == 0 else expired_search())]
    first = page.page * PAGE_SIZE + 1
    last = first + len(result.hits) - 1
    shown = f"{first}–{last}" if page.page or has_next else str(len(result.hits))
    noun = "paragraph" if shown == "1" else "paragraphs"
    header = f"🔎 {shown} {noun} for <i>{escape(_shown_query(result.words))}</i>"
    if result.reports:
        header += " in " + ", ".join(escape(symbol) for symbol in result.reports)
    if result.corrected:
        header += "\n" + showing_results(result.corrected)
    if not result.matched_all:
        header += "\nNo paragraph has all of these words; these have some of them."
    blocks: list[Block] = [Markup(header)]
    blocks.extend(_result(rank, hit, username) for rank, hit in enumerate(result.hits, first))
    return _with_keyboard(pack(blocks), _result_buttons(result.hits, page, has_next))


def _paragraph_buttons(
    paragraph: Paragraph, numbers: Sequence[int], back: ResultsPage | None
) -> InlineKeyboardMarkup:
    """◀ ▶ to the neighbours within the body or the same annex; back to the results; cite."""
    position = numbers.index(paragraph.number) if paragraph.number in numbers else -1
    turns = []
    if position > 0:
        previous = numbers[position - 1]
        turns.append(
            InlineKeyboardButton(
                f"◀ para. {previous}",
                callback_data=_address(Action.NAVIGATE, paragraph, previous, back),
            )
        )
    if 0 <= position < len(numbers) - 1:
        following = numbers[position + 1]
        turns.append(
            InlineKeyboardButton(
                f"para. {following} ▶",
                callback_data=_address(Action.NAVIGATE, paragraph, following, back),
            )
        )
    more = [InlineKeyboardButton("↩ Results", callback_data=back.encode())] if back else []
    more.append(InlineKeyboardButton("Cite", callback_data=_address(Action.CITE, paragraph)))
    return InlineKeyboardMarkup([turns, more] if turns else [more])


def paragraph_reply(
    paragraph: Paragraph,
    numbers: Sequence[int],
    username: str,
    back: ResultsPage | None = None,
) -> list[Reply]:
    """The paragraph in full, verbatim, with ◀ ▶ to its neighbours among `numbers`."""
    blocks: list[Block] = [
        Markup(_heading(paragraph)),
        Plain(paragraph.text),
        Markup(_links(paragraph, username)),
    ]
    return _with_keyboard(pack(blocks), _paragraph_buttons(paragraph, numbers, back))


def cite_reply(report: Report, paragraph: Paragraph) -> Reply:
    """The full reference and the paragraph's link, with a button that copies them."""
    cited = reference(report, paragraph)
    link = paragraph.link or paragraph.official_url
    copied = next((text for text in (f"{cited}, {link}", cited) if len(text) <= _COPY_LIMIT), None)
    keyboard = (
        InlineKeyboardMarkup(
            [[InlineKeyboardButton("Copy citation", copy_text=CopyTextButton(copied))]]
        )
        if copied
        else None
    )
    return Reply(f"<b>Cite as</b>\n<code>{escape(cited)}</code>\n{_link(link, link)}", keyboard)


def _fitted(text: str, room: int) -> str:
    """`text` escaped, cut at a word with an ellipsis until it takes at most `room` characters:
    a message chosen from an inline query is one message, it cannot be split."""
    while len(escape(text)) > room:
        text = text[: int(len(text) * 0.9)].rsplit(" ", 1)[0] + " …"
    return escape(text)


def _quoted(paragraph: Paragraph, username: str) -> str:
    """The paragraph as a quote, with its citation and links."""
    after = f"\n{_heading(paragraph)}\n{_links(paragraph, username)}"
    room = MESSAGE_LIMIT - len(after) - len("<blockquote></blockquote>")
    return f"<blockquote>{_fitted(paragraph.text, room)}</blockquote>{after}"


def inline_result(
    paragraph: Paragraph, description: str, username: str
) -> InlineQueryResultArticle:
    """A paragraph offered in inline mode; choosing it posts the paragraph, quoted and cited."""
    title = (
        f"{paragraph.citation} — {paragraph.section}" if paragraph.section else paragraph.citation
    )
    return InlineQueryResultArticle(
        id=_address(Action.OPEN, paragraph),
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(_quoted(paragraph, username)),
    )


def inline_summary(report: Report) -> InlineQueryResultArticle:
    """The report's own summary, as an entry point when nothing is typed yet."""
    before = f"<b>{escape(report.symbol)}</b> — {escape(report.title)}\n"
    after = f"\n{_link(report.official_url, 'UN document')}"
    room = MESSAGE_LIMIT - len(before) - len(after) - len("<blockquote expandable></blockquote>")
    quote = f"<blockquote expandable>{_fitted(report.summary, room)}</blockquote>"
    return InlineQueryResultArticle(
        id=f"summary-{address(Action.OPEN, report.symbol, 0).slug}",
        title=f"{report.symbol} — summary",
        description=report.title,
        input_message_content=InputTextMessageContent(before + quote + after),
    )


def _range(numbers: Sequence[int]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def _part(report: Report, annex: str | None) -> str:
    return escape(f"{report.symbol}, annex {annex}" if annex else report.symbol)


def _command(annex: str | None, number: int) -> str:
    return f"/para annex {escape(annex)} {number}" if annex else f"/para {number}"


def para_usage(report: Report, numbers: Sequence[int], annex: str | None = None) -> str:
    return (
        f"Which paragraph? Give its number, e.g. <code>{_command(annex, numbers[0])}</code>\n"
        f"{_part(report, annex)} has paragraphs {_range(numbers)}. "
        "Another report: <code>/para SYMBOL number</code>; an annex: "
        "<code>/para annex I number</code>."
    )


def para_not_found(
    argument: str, report: Report, numbers: Sequence[int], annex: str | None = None
) -> str:
    return (
        f"There is no paragraph {escape(argument)} in {_part(report, annex)}: "
        f"its paragraphs are numbered {_range(numbers)}.\n"
        f"Try <code>{_command(annex, numbers[0])}</code>."
    )


def no_annex(report: Report, annex: str) -> str:
    return f"{escape(report.symbol)} has no annex {escape(annex)}."


def reports_list(reports: Sequence[Report], current: Report | None) -> str:
    lines = ["<b>Reports</b>"]
    for report in reports:
        mark = " ✓ <i>this chat's report</i>" if report == current else ""
        lines.append(_report_line(report) + mark)
    lines += [
        "",
        "<code>/report SYMBOL</code> makes one this chat's report for /para; "
        "/search looks in all of them, or in one with <code>report:SYMBOL</code>.",
    ]
    return "\n".join(lines)


def settings(current: Report | None, chosen: bool) -> str:
    if current is None:
        return "<b>Settings</b>\n" + no_reports()
    how = "chosen with /report" if chosen else "the most recent; choose another with /report"
    return f"<b>Settings</b>\nReport for /para and /cite: <b>{escape(current.symbol)}</b> ({how})"


def admins_decide() -> str:
    return "In this group, only its administrators can change these."


def admins_only() -> str:
    return "Only this group's administrators can change its settings."


def report_chosen(report: Report) -> str:
    return (
        f"This chat's report is now <b>{escape(report.symbol)}</b> — {escape(report.title)}.\n"
        f"<code>/para 1</code> opens its first paragraph."
    )


def no_reports() -> str:
    return "No report is indexed yet. An operator can add one with <code>reportbot ingest</code>."


def _report_line(report: Report) -> str:
    when = f" ({report.year})" if report.year else ""
    return (
        f"• <b>{escape(report.symbol)}</b>{when} — {escape(report.title)}, "
        f"{report.paragraph_count} paragraphs"
    )


def help_text(reports: Sequence[Report]) -> str:
    lines = [
        "I find paragraphs in UN reports and cite them the way the UN does, "
        "e.g. <b>A/HRC/58/19, para. 3</b>.",
        "",
        f"<b>/search</b> <i>words</i> — the five paragraphs that match best, each with a short "
        f"summary and a link\n   e.g. <code>{escape(SEARCH_EXAMPLE)}</code>",
        "<b>/para</b> <i>number</i> — one paragraph in full, verbatim\n"
        "   e.g. <code>/para 3</code>, <code>/para A/HRC/58/19 3</code>, "
        "<code>/para annex I 2</code>",
        "<b>/reports</b> — the reports I have; <b>/report</b> <i>symbol</i> — this chat's "
        "report for /para",
        "<b>/help</b> — this message",
        "",
        "Narrow a search with filters among the words:",
        "• <code>report:A/HRC/58/19</code> — one report",
        "• <code>section:recommendations</code> — paragraphs under a heading with these words "
        '(several in quotes: <code>section:"juvenile justice"</code>)',
        "• <code>year:2025</code> or <code>year:2020-2025</code> — reports of those years",
        "   e.g. <code>/search report:A/HRC/58/19 trafficking</code>",
        "",
        "In a private chat you can also just type your words. In groups, use the commands.",
    ]
    if reports:
        lines += ["", "<b>Reports</b>", *(_report_line(report) for report in reports)]
    return "\n".join(lines)


def unknown_command() -> str:
    return "I don't know that command. Send /help to see what I can do."


def stale_button() -> str:
    return "That button no longer works. Send /help to start again."


def unknown_link() -> str:
    return "That link doesn't point to a paragraph I know. Here is how to find one:"
