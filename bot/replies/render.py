"""What the bot says, as Telegram HTML: search results, paragraphs, help. Pure functions.

Every piece of report or user text is escaped here and nowhere else; citations use the UN's
own form (`A/HRC/58/19, para. 3`) wherever a paragraph is shown, in every language. The bot's
own words come from `t`, the texts of the chat's language (bot/replies/i18n.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_timedelta
from telegram import (
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.helpers import create_deep_linked_url

from bot.addresses import Action, Place, ResultsPage, address, symbol_slug
from bot.replies.bidi import isolate
from bot.replies.i18n import NAMES, RIGHT_TO_LEFT, Texts
from bot.replies.messages import MESSAGE_LIMIT, Block, Markup, Plain, attribute, escape, pack
from index import (
    LANGUAGES,
    MAX_CLAUSES,
    MAX_DEPTH,
    MAX_PHRASE_WORDS,
    MEANING,
    MIN_PREFIX,
    PREFIX_CUT,
    PREFIX_WORDS,
    Hit,
    Note,
    Paragraph,
    Report,
    SearchResult,
    Summary,
    part_name,
    reference,
)

# The bundled reports are in English, so the example searches English words in every language.
SEARCH_EXAMPLE = "/search trafficking in children"
FILTER_EXAMPLE = "/search report:A/HRC/58/19 trafficking"
# The search syntax (index.search.syntax), by example: leaving out, and all of it at once.
EXCLUDE_EXAMPLE = "/search children -trafficking"
SYNTAX_EXAMPLE = "/search (detention OR custody) migrant -adult"
CITATION_EXAMPLE = "A/HRC/58/19, para. 3"
PAGE_SIZE = 5
# What was searched for, and what was left out, are shown cut to these many characters.
_QUERY_SHOWN = 120
_EXCLUDED_SHOWN = 80
# Report symbols are short (A/HRC/58/19): a longer one typed is shown cut to this.
_SYMBOL_SHOWN = 40
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


def place_of(paragraph: Paragraph) -> Place:
    return Place(paragraph.number, paragraph.annex, paragraph.kind)


def _address(
    action: Action,
    paragraph: Paragraph,
    place: Place | None = None,
    back: ResultsPage | None = None,
) -> str:
    target = place_of(paragraph) if place is None else place
    return address(action, paragraph.symbol, target, back, paragraph.lang).encode()


def deep_link(username: str, paragraph: Paragraph) -> str:
    return create_deep_linked_url(username, _address(Action.OPEN, paragraph))


def _links(t: Texts, paragraph: Paragraph, username: str) -> str:
    links = [_link(paragraph.link, t.gettext("Read in the report"))] if paragraph.link else []
    links.append(_link(paragraph.official_url, t.gettext("UN document")))
    links.append(_link(deep_link(username, paragraph), t.gettext("Link to this paragraph")))
    return " · ".join(links)


def _heading(paragraph: Paragraph, language: str = "") -> str:
    """The citation in bold, then `language` (a paragraph's language, named when it is not the
    reader's), then the section."""
    heading = f"<b>{escape(paragraph.citation)}</b>"
    if language:
        heading += f" ({escape(language)})"
    if paragraph.section:
        heading += f" — <i>{escape(paragraph.section)}</i>"
    return heading


def summary_html(summary: Summary) -> str:
    return "".join(
        f"<b>{escape(s.text)}</b>" if s.match else escape(s.text) for s in summary.segments
    )


def _shown_query(words: Sequence[str], most: int = _QUERY_SHOWN) -> str:
    shown = " ".join(words)
    return shown if len(shown) <= most else shown[: most - 1].rstrip() + "…"


# An alternative as SearchResult.words gives it: `detention OR custody`, each option a word, a
# "phrase", a prefix* or a group `(child labour)`.
_OR = " OR "
# In place of the options of an alternative, or of terms left out, that there was no room for.
_MORE = "…"
_PREFIX = re.compile(r'[^\s()"]+\*')
# What a query has besides words: operators, and filters (`report:A/HRC/58/19`, `section:"a b"`).
_NOT_WORDS = re.compile(r'\b(?:OR|NOT|AND)\b|\b\w+:(?:"[^"]*"?|\S*)')


def _options(entry: str) -> list[str]:
    """The options of an alternative searched (`detention OR custody`), or the entry alone: split
    at the ORs outside quotes and brackets, a group's own brackets taken off."""
    options, start, depth, quoted = [], 0, 0, False
    for index, char in enumerate(entry):
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and entry.startswith(_OR, index) and index >= start:
            options.append(entry[start:index])
            start = index + len(_OR)
    options.append(entry[start:])
    return [_ungrouped(option) for option in options if option]


def _ungrouped(option: str) -> str:
    """`(child labour)` as `child labour`: an option in brackets is a group of words, each
    wanted, which the brackets only set apart from the other options."""
    return option[1:-1] if option.startswith("(") and option.endswith(")") else option


def _within(groups: list[list[str]], most: int) -> list[list[str]]:
    """`groups` of options cut to about `most` characters: an alternative's options that do not
    fit give way to _MORE, a word that does not fit is cut with an ellipsis; nothing follows."""
    kept: list[list[str]] = []
    room = most
    for group in groups:
        options: list[str] = []
        for option in group:
            if len(option) <= room:
                options.append(option)
                room -= len(option) + 1
                continue
            cut = option[: max(room - 1, 0)].rstrip()
            if options or not cut:
                options.append(_MORE)
            else:
                options.append(cut + "…")
            return [*kept, options]
        kept.append(options)
    return kept


def _italic(option: str) -> str:
    return option if option == _MORE else f"<i>{escape(option)}</i>"


def searched(t: Texts, words: Sequence[str], most: int = _QUERY_SHOWN) -> str:
    """What was searched for, as a reader reads it: the words typed side by side in italics, as
    typed (`children "child labour" traf*`), each alternative's options joined by the language's
    "or", in brackets among other words: `migrant (detention or custody)`. Escaped, and cut to
    about `most` characters."""
    groups = _within([_options(entry) for entry in words], most)
    several = len(groups) > 1
    pieces: list[str] = []
    run: list[str] = []
    for group in groups:
        if len(group) == 1 and group[0] != _MORE:
            run.append(group[0])
            continue
        if run:
            pieces.append(_italic(" ".join(run)))
            run = []
        either = t.join_or([_italic(option) for option in group])
        pieces.append(f"({either})" if several and len(group) > 1 else either)
    if run:
        pieces.append(_italic(" ".join(run)))
    return " ".join(pieces)


def left_out(t: Texts, excluded: Sequence[str], most: int = _EXCLUDED_SHOWN) -> str:
    """What was left out, as typed: `trafficking or "child labour"`, escaped, cut to about
    `most` characters."""
    shown = [option for group in _within([list(excluded)], most) for option in group]
    return t.join_or([_italic(term) for term in shown])


def syntax_notes(t: Texts, result: SearchResult) -> list[str]:
    """A short line for each thing the search adjusted in reading the query's syntax."""
    notes = set(result.notes)
    lines = []
    if Note.TOO_MANY_CLAUSES in notes:
        lines.append(
            t.ngettext(
                "Only the first {count} term was searched.",
                "Only the first {count} terms were searched.",
                MAX_CLAUSES,
                count=MAX_CLAUSES,
            )
        )
    if Note.PHRASE_TOO_LONG in notes:
        lines.append(
            t.ngettext(
                "A phrase in quotes was searched by its first {count} word.",
                "A phrase in quotes was searched by its first {count} words.",
                MAX_PHRASE_WORDS,
                count=MAX_PHRASE_WORDS,
            )
        )
    if PREFIX_CUT in notes:
        prefixes = list(dict.fromkeys(_PREFIX.findall(" ".join(result.words))))
        if len(prefixes) == 1:
            lines.append(
                t.ngettext(
                    "{prefix} stands for many words: its {count} most frequent was searched.",
                    "{prefix} stands for many words: its {count} most frequent were searched.",
                    PREFIX_WORDS,
                    prefix=f"<i>{escape(_shown_query(prefixes, _SYMBOL_SHOWN))}</i>",
                    count=PREFIX_WORDS,
                )
            )
        else:
            lines.append(
                t.ngettext(
                    "Words ending in * stand for many words: the {count} most frequent of each "
                    "was searched.",
                    "Words ending in * stand for many words: the {count} most frequent of each "
                    "were searched.",
                    PREFIX_WORDS,
                    count=PREFIX_WORDS,
                )
            )
    if Note.PREFIX_TOO_SHORT in notes:
        lines.append(
            t.ngettext(
                "A * needs at least {count} letter before it: a shorter start was searched as a "
                "word.",
                "A * needs at least {count} letters before it: a shorter start was searched as a "
                "word.",
                MIN_PREFIX,
                count=MIN_PREFIX,
            )
        )
    if Note.UNBALANCED_QUOTE in notes:
        lines.append(t.gettext("A quote was not closed: it was read to the end."))
    if Note.UNBALANCED_PARENTHESIS in notes:
        lines.append(
            t.gettext(
                "The brackets did not pair up: an unclosed one was closed at the end, "
                "a stray one ignored."
            )
        )
    if Note.NESTED_TOO_DEEP in notes:
        lines.append(
            t.ngettext(
                "Brackets nested more than {count} deep were ignored.",
                "Brackets nested more than {count} deep were ignored.",
                MAX_DEPTH,
                count=MAX_DEPTH,
            )
        )
    if Note.DANGLING_OPERATOR in notes:
        lines.append(t.gettext("An OR, NOT or - with no word to apply to was ignored."))
    return lines


def _with_notes(t: Texts, text: str, result: SearchResult) -> str:
    return "\n".join([text, *syntax_notes(t, result)])


def only_excluded(t: Texts) -> str:
    """The answer to a query that only leaves out (`-trafficking`): nothing to search for."""
    return t.gettext(
        "Say what to look for, not only what to leave out, e.g. <code>{example}</code>",
        example=escape(EXCLUDE_EXAMPLE),
    )


def syntax_only(t: Texts) -> str:
    """The answer to a query of operators and no word to search (`NOT`, `OR OR`, `*`)."""
    return t.gettext(
        "There is nothing to search for there: OR, NOT, quotes and * work on words, "
        "e.g. <code>{example}</code>",
        example=escape(SYNTAX_EXAMPLE),
    )


def search_usage(t: Texts) -> str:
    return t.gettext(
        "Tell me what to look for, e.g.\n<code>{example}</code>\n\n"
        "I reply with the five paragraphs that match best, each cited the UN way.",
        example=escape(SEARCH_EXAMPLE),
    )


def nothing_to_search(t: Texts) -> str:
    return t.gettext(
        "Those words are too short or too common to search for. "
        "Try more specific ones, e.g. <code>{example}</code>",
        example=escape(SEARCH_EXAMPLE),
    )


def no_hits(t: Texts, words: Sequence[str], excluded: Sequence[str] = ()) -> str:
    if excluded:
        return t.gettext(
            "No paragraph mentions {query} without mentioning {excluded}.\n"
            "Try fewer or broader words, or leave less out, e.g. <code>{example}</code>",
            query=searched(t, words),
            excluded=left_out(t, excluded),
            example=escape(SEARCH_EXAMPLE),
        )
    return t.gettext(
        "No paragraph mentions {query}.\n"
        "Try fewer or broader words, or another spelling, e.g. <code>{example}</code>",
        query=searched(t, words),
        example=escape(SEARCH_EXAMPLE),
    )


def reader_language(result: SearchResult) -> str:
    """The language the reader searched in: the query's, or the chat's when the query does not
    tell. A search whose words fell back to English paragraphs names it in `fell_back_from`."""
    return result.fell_back_from or result.lang


def language_mark(t: Texts, paragraph: Paragraph, reader: str | None) -> str:
    """The paragraph's language by its own name (as the buttons to other versions name it) when
    it is not the reader's, whose language no version of its report is indexed in; empty
    otherwise. Isolated in a right-to-left message, or when the name is right-to-left."""
    if reader is None or paragraph.lang == reader:
        return ""
    name = NAMES.get(paragraph.lang, paragraph.lang)
    return isolate(name) if t.right_to_left or paragraph.lang in RIGHT_TO_LEFT else name


def related_in_meaning(t: Texts) -> str:
    """What marks a paragraph found by meaning alone: it has none of the words searched for."""
    return "≈ " + t.gettext("Related in meaning")


def result_block(t: Texts, rank: int, hit: Hit, username: str, reader: str | None = None) -> Block:
    """A hit as a search lists it: rank, citation, summary and links."""
    related = f"<i>{escape(related_in_meaning(t))}</i>\n" if hit.match == MEANING else ""
    return Markup(
        f"{rank}. {_heading(hit.paragraph, language_mark(t, hit.paragraph, reader))}\n"
        f"{related}"
        f"{summary_html(hit.summary)}\n"
        f"{_links(t, hit.paragraph, username)}"
    )


def _italics(t: Texts, words: Sequence[str]) -> str:
    return t.join([f"<i>{escape(word)}</i>" for word in words])


def showing_results(t: Texts, corrected: Sequence[tuple[str, str]]) -> str:
    """Which words were searched for instead of the ones typed, which no paragraph has."""
    return t.gettext(
        "Showing results for {searched}: no paragraph has {typed}.",
        searched=_italics(t, [instead for _, instead in corrected]),
        typed=_italics(t, [word for word, _ in corrected]),
    )


def unknown_reports(t: Texts, symbols: Sequence[str]) -> str:
    # What was typed is echoed shortened: a 4000-character "symbol" must not overflow the reply.
    return t.ngettext(
        "No report {symbols} is indexed. /reports lists the ones I have.",
        "Reports {symbols} are not indexed. /reports lists the ones I have.",
        len(symbols),
        symbols=t.join([escape(_shown_query([symbol], _SYMBOL_SHOWN)) for symbol in symbols]),
    )


def expired_search(t: Texts) -> str:
    return t.gettext("That search has expired. Send it again to see its results.")


def _result_buttons(
    t: Texts, hits: Sequence[Hit], page: ResultsPage, has_next: bool
) -> InlineKeyboardMarkup:
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
    previous = ResultsPage(page.token, page.page - 1).encode() if page.page > 0 else None
    following = ResultsPage(page.token, page.page + 1).encode() if has_next else None
    turns = turn_buttons(t, previous, following)
    return InlineKeyboardMarkup([*rows, turns] if turns else rows)


def turn_buttons(
    t: Texts, previous: str | None, following: str | None
) -> list[InlineKeyboardButton]:
    """◀ ▶ between pages, with the callback data of the page before and after, where there is
    one."""
    turns = []
    if previous is not None:
        turns.append(InlineKeyboardButton(t.gettext("◀ Previous"), callback_data=previous))
    if following is not None:
        turns.append(InlineKeyboardButton(t.gettext("Next ▶"), callback_data=following))
    return turns


def _results_header(t: Texts, result: SearchResult, first: int, last: int, ranged: bool) -> str:
    # A range (`6–10`) takes the form its last number takes, as in `6–10 paragraphs`.
    count = f"{first}–{last}" if ranged else str(last)
    query = searched(t, result.words)
    reports = t.join([escape(symbol) for symbol in result.reports])
    if result.excluded and result.reports:
        header = t.ngettext(
            "🔎 {count} paragraph for {query} in {reports}, without {excluded}",
            "🔎 {count} paragraphs for {query} in {reports}, without {excluded}",
            last,
            count=count,
            query=query,
            reports=reports,
            excluded=left_out(t, result.excluded),
        )
    elif result.excluded:
        header = t.ngettext(
            "🔎 {count} paragraph for {query}, without {excluded}",
            "🔎 {count} paragraphs for {query}, without {excluded}",
            last,
            count=count,
            query=query,
            excluded=left_out(t, result.excluded),
        )
    elif result.reports:
        header = t.ngettext(
            "🔎 {count} paragraph for {query} in {reports}",
            "🔎 {count} paragraphs for {query} in {reports}",
            last,
            count=count,
            query=query,
            reports=reports,
        )
    else:
        header = t.ngettext(
            "🔎 {count} paragraph for {query}",
            "🔎 {count} paragraphs for {query}",
            last,
            count=count,
            query=query,
        )
    header = _with_notes(t, header, result)
    if result.corrected:
        header += "\n" + showing_results(t, result.corrected)
    # Said only of paragraphs found by their words: one found by meaning alone has none of them.
    if not result.matched_all and any(hit.match != MEANING for hit in result.hits):
        header += "\n" + t.gettext("No paragraph has all of these words; these have some of them.")
    reader = reader_language(result)
    if any(hit.paragraph.lang != reader for hit in result.hits):
        # Said once for the page; each such paragraph has its language's name beside it.
        header += "\n" + t.gettext(
            "Some reports have no version in your language ({language}): their paragraphs are "
            "shown in another language, named beside them.",
            language=NAMES.get(reader, reader),
        )
    return header


def typed_words(query: str) -> bool:
    """Whether `query` has a word besides its operators and filters (`the NOT`, `a*` have one,
    too short or too common to search; `NOT`, `OR OR`, `*` have none)."""
    return any(char.isalnum() for char in _NOT_WORDS.sub(" ", query))


def search_reply(
    t: Texts,
    result: SearchResult,
    username: str,
    page: ResultsPage,
    has_next: bool = False,
    query: str = "",
) -> list[Reply]:
    """One page of results: `result.hits` are that page's, ranked from the page's start. The
    `query` as typed tells, when there is nothing to search for, whether it had words at all."""
    if result.unknown_reports:
        return [Reply(unknown_reports(t, result.unknown_reports))]
    if not result.words and result.excluded:
        return [Reply(_with_notes(t, only_excluded(t), result))]
    if not result.words and result.notes and not typed_words(query):
        return [Reply(_with_notes(t, syntax_only(t), result))]
    if not result.words:
        return [Reply(_with_notes(t, nothing_to_search(t), result))]
    if not result.hits and page.page > 0:
        return [Reply(expired_search(t))]
    if not result.hits:
        answer = _with_notes(t, no_hits(t, result.words, result.excluded), result)
        # A search by meaning finds paragraphs in any language: only a search by words alone
        # needs the reader's language, or English words for English reports.
        if result.fell_back_from and not result.meaning:
            answer += "\n" + t.gettext(
                "No report is indexed in this language yet: try English words."
            )
        return [Reply(answer)]
    first = page.page * PAGE_SIZE + 1
    last = first + len(result.hits) - 1
    header = _results_header(t, result, first, last, ranged=bool(page.page or has_next))
    reader = reader_language(result)
    blocks: list[Block] = [Markup(header)]
    blocks.extend(
        result_block(t, rank, hit, username, reader) for rank, hit in enumerate(result.hits, first)
    )
    return _with_keyboard(pack(blocks), _result_buttons(t, result.hits, page, has_next))


def _paragraph_buttons(
    t: Texts, paragraph: Paragraph, places: Sequence[Place], back: ResultsPage | None
) -> InlineKeyboardMarkup:
    """◀ ▶ to the neighbours within the body or the same annex; back to the results; cite;
    save to the chat's collection.

    The neighbours are named as citations name them (`para. 2`), in every language."""
    here = place_of(paragraph)
    position = places.index(here) if here in places else -1
    turns = []
    if position > 0:
        previous = places[position - 1]
        turns.append(
            InlineKeyboardButton(
                f"◀ {previous.label}",
                callback_data=_address(Action.NAVIGATE, paragraph, previous, back),
            )
        )
    if 0 <= position < len(places) - 1:
        following = places[position + 1]
        turns.append(
            InlineKeyboardButton(
                f"{following.label} ▶",
                callback_data=_address(Action.NAVIGATE, paragraph, following, back),
            )
        )
    more = (
        [InlineKeyboardButton(t.gettext("↩ Results"), callback_data=back.encode())] if back else []
    )
    more.append(
        InlineKeyboardButton(t.gettext("Cite"), callback_data=_address(Action.CITE, paragraph))
    )
    more.append(
        InlineKeyboardButton(t.gettext("Save"), callback_data=_address(Action.SAVE, paragraph))
    )
    return InlineKeyboardMarkup([turns, more] if turns else [more])


def paragraph_reply(
    t: Texts,
    paragraph: Paragraph,
    places: Sequence[Place],
    username: str,
    back: ResultsPage | None = None,
    languages: Sequence[str] = (),
    after: Sequence[Block] = (),
    rows: Sequence[Sequence[InlineKeyboardButton]] = (),
) -> list[Reply]:
    """The paragraph in full, verbatim, then `after` (its notes and references), with ◀ ▶ to its
    neighbours among `places`, a button for each other language version among `languages`, and
    `rows` of more buttons."""
    blocks: list[Block] = [
        Markup(_heading(paragraph)),
        Plain(paragraph.text),
        *after,
        Markup(_links(t, paragraph, username)),
    ]
    keyboard = _paragraph_buttons(t, paragraph, places, back)
    keyboard = InlineKeyboardMarkup([*keyboard.inline_keyboard, *(row for row in rows if row)])
    versions = [
        InlineKeyboardButton(
            NAMES[lang],
            callback_data=address(
                Action.NAVIGATE, paragraph.symbol, place_of(paragraph), back, lang
            ).encode(),
        )
        for lang in languages
        if lang != paragraph.lang
    ]
    if versions:
        keyboard = InlineKeyboardMarkup([*keyboard.inline_keyboard, versions])
    return _with_keyboard(pack(blocks), keyboard)


def cite_reply(t: Texts, report: Report, paragraph: Paragraph) -> Reply:
    """The full reference and the paragraph's link, with a button that copies them."""
    cited = reference(report, paragraph)
    link = paragraph.link or paragraph.official_url
    copied = next((text for text in (f"{cited}, {link}", cited) if len(text) <= _COPY_LIMIT), None)
    keyboard = (
        InlineKeyboardMarkup(
            [[InlineKeyboardButton(t.gettext("Copy citation"), copy_text=CopyTextButton(copied))]]
        )
        if copied
        else None
    )
    text = t.gettext("<b>Cite as</b>\n<code>{reference}</code>", reference=escape(cited))
    return Reply(f"{text}\n{_link(link, link)}", keyboard)


def fitted(text: str, room: int) -> str:
    """`text` escaped, cut at a word with an ellipsis until it takes at most `room` characters:
    a message chosen from an inline query is one message, it cannot be split."""
    while len(escape(text)) > room:
        text = text[: int(len(text) * 0.9)].rsplit(" ", 1)[0] + " …"
    return escape(text)


def _quoted(t: Texts, paragraph: Paragraph, username: str) -> str:
    """The paragraph as a quote, with its citation and links."""
    after = f"\n{_heading(paragraph)}\n{_links(t, paragraph, username)}"
    room = MESSAGE_LIMIT - len(after) - len("<blockquote></blockquote>")
    return f"<blockquote>{fitted(paragraph.text, room)}</blockquote>{after}"


def inline_result(
    t: Texts,
    paragraph: Paragraph,
    description: str,
    username: str,
    *,
    reader: str | None = None,
    related: bool = False,
) -> InlineQueryResultArticle:
    """A paragraph offered in inline mode; choosing it posts the paragraph, quoted and cited.

    Its title names its language when it is not the `reader`'s; a paragraph found by meaning
    alone (`related`) says so before its description."""
    language = language_mark(t, paragraph, reader)
    citation = f"{paragraph.citation} ({language})" if language else paragraph.citation
    title = f"{citation} — {paragraph.section}" if paragraph.section else citation
    if related:
        description = f"{related_in_meaning(t)} · {description}"
    return InlineQueryResultArticle(
        id=_address(Action.OPEN, paragraph),
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(_quoted(t, paragraph, username)),
    )


def inline_summary(t: Texts, report: Report) -> InlineQueryResultArticle:
    """The report's own summary, as an entry point when nothing is typed yet."""
    before = f"<b>{escape(report.symbol)}</b> — {escape(report.title)}\n"
    after = f"\n{_link(report.official_url, t.gettext('UN document'))}"
    room = MESSAGE_LIMIT - len(before) - len(after) - len("<blockquote expandable></blockquote>")
    quote = f"<blockquote expandable>{fitted(report.summary, room)}</blockquote>"
    return InlineQueryResultArticle(
        id=f"summary-{symbol_slug(report.symbol)}",
        title=t.gettext("{symbol} — summary", symbol=report.symbol),
        description=report.title,
        input_message_content=InputTextMessageContent(before + quote + after),
    )


def words_hint(t: Texts) -> str:
    """The inline mode's button above no results when a query has no word to look for, only
    words to leave out or operators: short, Telegram cuts it at 64 characters."""
    return t.gettext("Type words to look for, e.g. children -trafficking")


def help_button(t: Texts) -> str:
    """The button above inline results that opens the help in a private chat."""
    return t.gettext("How to use this bot")


def _range(places: Sequence[Place]) -> str:
    """`1–12`, or each kind's range where there are several: `pp1–pp9, 1–12`."""
    kinds = dict.fromkeys(place.kind for place in places)
    ranges = []
    for kind in kinds:
        of_kind = [place for place in places if place.kind == kind]
        first, last = of_kind[0], of_kind[-1]
        ranges.append(f"{first.code}–{last.code}" if len(of_kind) > 1 else first.code)
    return ", ".join(ranges)


def _part(report: Report, annex: str | None) -> str:
    return escape(f"{report.symbol}, {part_name(annex)}" if annex else report.symbol)


def _command(annex: str | None, place: Place, symbol: str | None) -> str:
    """The /para command for `place`, naming the report when it is not the chat's (`symbol`)."""
    words = [symbol or "", part_name(annex) if annex else "", place.code]
    return escape(" ".join(["/para", *filter(None, words)]))


def para_usage(
    t: Texts,
    report: Report,
    places: Sequence[Place],
    annex: str | None = None,
    symbol: str | None = None,
) -> str:
    return t.gettext(
        "Which paragraph? Give its number, e.g. <code>{command}</code>\n"
        "{part} has paragraphs {range}. Another report: <code>/para SYMBOL number</code>; "
        "an annex: <code>/para annex I number</code>.",
        command=_command(annex, places[0], symbol),
        part=_part(report, annex),
        range=_range(places),
    )


def para_not_found(
    t: Texts,
    argument: str,
    report: Report,
    places: Sequence[Place],
    annex: str | None = None,
    symbol: str | None = None,
) -> str:
    return t.gettext(
        "There is no paragraph {number} in {part}: its paragraphs are numbered {range}.\n"
        "Try <code>{command}</code>.",
        number=escape(argument),
        part=_part(report, annex),
        range=_range(places),
        command=_command(annex, places[0], symbol),
    )


def no_annex(t: Texts, report: Report, annex: str) -> str:
    return t.gettext(
        "{symbol} has no annex {annex}.", symbol=escape(report.symbol), annex=escape(annex)
    )


def reports_list(t: Texts, reports: Sequence[Report], current: Report | None) -> str:
    lines = [t.gettext("<b>Reports</b>")]
    mark = " ✓ <i>" + t.gettext("this chat's report") + "</i>"
    lines.extend(_report_line(t, r) + (mark if r == current else "") for r in reports)
    lines += [
        "",
        t.gettext(
            "<code>/report SYMBOL</code> makes one this chat's report for /para; "
            "/search looks in all of them, or in one with <code>report:SYMBOL</code>."
        ),
    ]
    return "\n".join(lines)


def settings(
    t: Texts, current: Report | None, report_chosen: bool, language_chosen: bool, group: bool
) -> str:
    """The chat's report and language, and how each was set."""
    lines = [t.gettext("<b>Settings</b>")]
    if current is None:
        lines.append(no_reports(t))
    elif report_chosen:
        lines.append(
            t.gettext(
                "Report for /para and /cite: <b>{symbol}</b> (chosen with /report)",
                symbol=escape(current.symbol),
            )
        )
    else:
        lines.append(
            t.gettext(
                "Report for /para and /cite: <b>{symbol}</b> "
                "(the most recent; choose another with /report)",
                symbol=escape(current.symbol),
            )
        )
    if language_chosen:
        lines.append(
            t.gettext("Language: <b>{language}</b> (chosen with /lang)", language=NAMES[t.language])
        )
    else:
        lines.append(
            t.gettext(
                "Language: <b>{language}</b> (not chosen: each person gets the language of their "
                "Telegram app if I speak it, else English; choose one with /lang)",
                language=NAMES[t.language],
            )
        )
    if group:
        lines.append(admins_decide(t))
    return "\n".join(lines)


def languages_list(t: Texts, group: bool) -> str:
    """The six languages, each by its own name, the chat's marked."""
    lines = [t.gettext("<b>Languages</b>")]
    for language in LANGUAGES:
        mark = " ✓" if language == t.language else ""
        lines.append(f"• {NAMES[language]} — <code>/lang {language}</code>{mark}")
    lines += [
        "",
        t.gettext("Send <code>/lang CODE</code> to choose the language I use in this chat."),
    ]
    if group:
        lines.append(admins_decide(t))
    return "\n".join(lines)


def unknown_language(t: Texts, code: str) -> str:
    return t.gettext(
        "I can only reply in the languages below; <i>{code}</i> is not one of them.",
        code=escape(code),
    )


def language_chosen(t: Texts) -> str:
    # Translators: name your own language here; this is said in the language just chosen.
    return t.gettext("From now on I reply in English in this chat.")


def admins_decide(t: Texts) -> str:
    return t.gettext("In this group, only its administrators can change these.")


def admins_only(t: Texts) -> str:
    return t.gettext("Only this group's administrators can change its settings.")


def forgotten(t: Texts) -> str:
    return t.gettext(
        "I have erased everything I kept about this chat: its report, its language, the topics "
        "it follows and its saved paragraphs."
    )


def report_chosen(t: Texts, report: Report) -> str:
    return t.gettext(
        "This chat's report is now <b>{symbol}</b> — {title}.\n"
        "<code>/para 1</code> opens its first paragraph.",
        symbol=escape(report.symbol),
        title=escape(report.title),
    )


def no_reports(t: Texts) -> str:
    return t.gettext(
        "No report is indexed yet. An operator can add one with <code>reportbot ingest</code>."
    )


def _report_line(t: Texts, report: Report) -> str:
    year = f" ({report.year})" if report.year else ""
    return t.ngettext(
        "• <b>{symbol}</b>{year} — {title}, {count} paragraph",
        "• <b>{symbol}</b>{year} — {title}, {count} paragraphs",
        report.paragraph_count,
        symbol=escape(report.symbol),
        year=year,
        title=escape(report.title),
        count=report.paragraph_count,
    )


def help_text(t: Texts, reports: Sequence[Report]) -> str:
    lines = [
        t.gettext(
            "I find paragraphs in UN reports and cite them the way the UN does, "
            "e.g. <b>{citation}</b>.",
            citation=escape(CITATION_EXAMPLE),
        ),
        "",
        t.gettext(
            "<b>/search</b> <i>words</i> — the five paragraphs that match best, each with a short "
            "summary and a link\n   e.g. <code>{example}</code>",
            example=escape(SEARCH_EXAMPLE),
        ),
        t.gettext(
            "<b>/para</b> <i>number</i> — one paragraph in full, verbatim\n"
            "   e.g. <code>/para 3</code>, <code>/para A/HRC/58/19 3</code>, "
            "<code>/para annex I 2</code>"
        ),
        t.gettext("<b>/cite</b> <i>number</i> — the full reference to a paragraph, to copy"),
        t.gettext(
            "<b>/citedby</b> <i>symbol</i> [<i>number</i>] — the paragraphs of other reports "
            "that cite a report, or one of its paragraphs"
        ),
        t.gettext(
            "<b>/reports</b> — the reports I have; <b>/report</b> <i>symbol</i> — this chat's "
            "report for /para"
        ),
        t.gettext(
            "<b>/lang</b> — the language I reply in; <b>/settings</b> — this chat's settings"
        ),
        t.gettext(
            "<b>/follow</b> <i>words</i> — a digest here of each new report on them; "
            "<b>/following</b> — this chat's topics"
        ),
        t.gettext(
            "<b>/save</b> <i>number</i> or <b>Save</b> under a paragraph — keep it in this "
            "chat's collection; <b>/saved</b> — the collection; <b>/export</b> — it as a Word "
            "file with full citations"
        ),
        t.gettext("<b>/forget</b> — erase what I keep about this chat"),
        t.gettext("<b>/help</b> — this message"),
        "",
        t.gettext(
            "Search as in other search engines (<code>OR</code> and <code>NOT</code> in capitals):"
        ),
        t.gettext(
            "• <code>-word</code> or <code>NOT word</code> — leave out paragraphs with the word, "
            'in any of its forms; <code>-"a phrase"</code> — with the phrase'
        ),
        t.gettext("• <code>detention OR custody</code> — either word"),
        t.gettext('• <code>"child labour"</code> — these words together, in this order'),
        t.gettext("• <code>traffick*</code> — any word starting so"),
        t.gettext("• group with brackets: <code>{example}</code>", example=escape(SYNTAX_EXAMPLE)),
        "",
        t.gettext("Narrow a search with filters among the words:"),
        t.gettext("• <code>report:A/HRC/58/19</code> — one report"),
        t.gettext(
            "• <code>section:recommendations</code> — paragraphs under a heading with these "
            'words (several in quotes: <code>section:"juvenile justice"</code>)'
        ),
        t.gettext(
            "• <code>year:2025</code> or <code>year:2020-2025</code> — reports of those years"
        ),
        "   " + t.gettext("e.g. <code>{example}</code>", example=escape(FILTER_EXAMPLE)),
        "",
        t.gettext(
            "In a private chat you can also just type your words. In groups, use the commands."
        ),
    ]
    if reports:
        lines += ["", t.gettext("<b>Reports</b>"), *(_report_line(t, report) for report in reports)]
    return "\n".join(lines)


def unknown_command(t: Texts) -> str:
    return t.gettext("I don't know that command. Send /help to see what I can do.")


def stale_button(t: Texts) -> str:
    return t.gettext("That button no longer works. Send /help to start again.")


def unknown_link(t: Texts) -> str:
    return t.gettext("That link doesn't point to a paragraph I know. Here is how to find one:")


def something_went_wrong(t: Texts) -> str:
    return t.gettext("Sorry, something went wrong on my side. Please try again in a moment.")


def slow_down(t: Texts, seconds: int) -> str:
    return t.ngettext(
        "You're searching quickly: please wait {count} second and try again.",
        "You're searching quickly: please wait {count} seconds and try again.",
        seconds,
        count=seconds,
    )


def slow_down_button(t: Texts, seconds: int) -> str:
    """The inline mode's button above no results: short, Telegram cuts it at 64 characters."""
    return t.gettext("Searching too fast: try again in {count} s", count=seconds)


def operators_only(t: Texts) -> str:
    return t.gettext("Only the bot's operators can do that.")


def status(
    t: Texts,
    reports: Sequence[Report],
    uptime: dt.timedelta,
    chats: int,
    failures: int,
    refused: int,
) -> str:
    """The operators' /status: the index, the time up, and what went wrong since the start."""
    return t.gettext(
        "<b>Status</b>\n"
        "Reports: {reports}\n"
        "Language versions: {versions}\n"
        "Paragraphs: {paragraphs}\n"
        "Up for: {uptime}\n"
        "Chats with settings: {chats}\n"
        "Updates that failed since the start: {failures}\n"
        "Searches slowed down since the start: {refused}",
        reports=len({report.symbol for report in reports}),
        versions=len(reports),
        paragraphs=sum(report.paragraph_count for report in reports),
        uptime=format_timedelta(uptime, locale=t.language),
        chats=chats,
        failures=failures,
        refused=refused,
    )
