"""What the bot says, as Telegram HTML: search results, paragraphs, help. Pure functions.

Every piece of report or user text is escaped here and nowhere else; citations use the UN's
own form (`A/HRC/58/19, para. 3`) wherever a paragraph is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.helpers import create_deep_linked_url

from bot.addresses import Action, address
from bot.messages import Block, Markup, Plain, attribute, escape, pack
from index.models import Paragraph, Report
from index.results import Hit, SearchResult, Summary

SEARCH_EXAMPLE = "/search trafficking in children"
_QUERY_SHOWN = 120


@dataclass(frozen=True)
class Reply:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


def _with_keyboard(texts: list[str], keyboard: InlineKeyboardMarkup | None) -> list[Reply]:
    """The keyboard goes under the last message, where the reader ends up."""
    return [Reply(text, keyboard if i == len(texts) - 1 else None) for i, text in enumerate(texts)]


def _link(url: str, label: str) -> str:
    return f'<a href="{attribute(url)}">{escape(label)}</a>'


def _address(action: Action, paragraph: Paragraph, number: int | None = None) -> str:
    target = paragraph.number if number is None else number
    return address(action, paragraph.symbol, target, paragraph.annex).encode()


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


def _result_buttons(hits: Sequence[Hit]) -> InlineKeyboardMarkup:
    several = len({hit.paragraph.symbol for hit in hits}) > 1
    buttons = [
        InlineKeyboardButton(
            hit.paragraph.citation if several else hit.paragraph.place,
            callback_data=_address(Action.OPEN, hit.paragraph),
        )
        for hit in hits
    ]
    # Citations of several reports are too long to share a row.
    return InlineKeyboardMarkup([[button] for button in buttons] if several else [buttons])


def search_reply(result: SearchResult, username: str) -> list[Reply]:
    if result.unknown_reports:
        return [Reply(unknown_reports(result.unknown_reports))]
    if not result.words:
        return [Reply(nothing_to_search())]
    if not result.hits:
        return [Reply(no_hits(result.words))]
    count = len(result.hits)
    noun = "paragraph" if count == 1 else "paragraphs"
    header = f"🔎 {count} {noun} for <i>{escape(_shown_query(result.words))}</i>"
    if result.reports:
        header += " in " + ", ".join(escape(symbol) for symbol in result.reports)
    if result.corrected:
        header += "\n" + showing_results(result.corrected)
    if not result.matched_all:
        header += "\nNo paragraph has all of these words; these have some of them."
    blocks: list[Block] = [Markup(header)]
    blocks.extend(_result(rank, hit, username) for rank, hit in enumerate(result.hits, 1))
    return _with_keyboard(pack(blocks), _result_buttons(result.hits))


def _neighbours(paragraph: Paragraph, numbers: Sequence[int]) -> InlineKeyboardMarkup | None:
    """◀ ▶ to the paragraphs before and after, within the body or the same annex."""
    position = numbers.index(paragraph.number) if paragraph.number in numbers else -1
    buttons = []
    if position > 0:
        previous = numbers[position - 1]
        buttons.append(
            InlineKeyboardButton(
                f"◀ para. {previous}",
                callback_data=_address(Action.NAVIGATE, paragraph, previous),
            )
        )
    if 0 <= position < len(numbers) - 1:
        following = numbers[position + 1]
        buttons.append(
            InlineKeyboardButton(
                f"para. {following} ▶",
                callback_data=_address(Action.NAVIGATE, paragraph, following),
            )
        )
    return InlineKeyboardMarkup([buttons]) if buttons else None


def paragraph_reply(paragraph: Paragraph, numbers: Sequence[int], username: str) -> list[Reply]:
    """The paragraph in full, verbatim, with ◀ ▶ to its neighbours among `numbers`."""
    blocks: list[Block] = [
        Markup(_heading(paragraph)),
        Plain(paragraph.text),
        Markup(_links(paragraph, username)),
    ]
    return _with_keyboard(pack(blocks), _neighbours(paragraph, numbers))


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
