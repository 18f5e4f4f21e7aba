"""References to other UN documents in a paragraph's text and footnotes.

`read_references(text, lang)` finds, in text order and without overlaps:

- "document": a symbol alone, `A/HRC/59/41`, `CRC/C/GC/25`, `E/CN.4/2005/L.10/Add.11` (a
  resolution's symbol written as a symbol, `A/RES/62/141`, is a document too);
- "resolution" and "decision": written out in words, "General Assembly resolution 62/141"
  (`A/RES/62/141`), "Human Rights Council decision 18/117" (`A/HRC/DEC/18/117`), "Security
  Council resolution 2427 (2018)" (`S/RES/2427(2018)`), "Economic and Social Council resolution
  2005/20" (`E/RES/2005/20`), "Commission on Human Rights resolution 2005/35"
  (`E/CN.4/RES/2005/35`); "resolutions 76/147 and 78/187" are two references, each with its
  own span;
- "paragraph": paragraphs of another document, "A/79/312, para. 14", "paragraph 10 of its
  resolution 78/187" (the symbol is the resolution's);
- "own_paragraph": the same report's, "see para. 27 above", "paras. 12 and 19 below",
  "paragraph 27 of the present report". A bare "paragraph 27" is not taken: in a resolution or
  a report it as often means a paragraph of a document named before;
- "article": "article 19 of the Convention on the Rights of the Child" (`CRC`), for the treaties
  in treaties.py.

Whose resolution a number is, when no body is written beside it ("its resolution 57/16"):

1. its form says it when it can: `2427 (2018)` is the Security Council's (its numbers carry the
   year and no slash), `217 A (III)` and `ES-10/21` the General Assembly's, `2005/20` (a year
   first) the Economic and Social Council's or, when it is named, the Commission on Human
   Rights';
2. a session's number, `57/16`, belongs to the body named nearest to it in its sentence,
   before or after ("The Human Rights Council, in its resolution 57/16, …"; "In its resolutions
   76/147 and 78/187, the Assembly …"), or else to the one named last before its sentence in
   the text; "the Assembly" is the General Assembly and "the Council" the Human Rights Council
   (the Security Council's numbers have no slash, the Economic and Social Council's start with
   a year);
3. when no body is named at all, the General Assembly's. Taking the GA's symbol only when the
   paragraph names the Assembly was the other choice; this one was taken because a UN text
   that cites a session's resolution without naming the body almost always means the
   Assembly's (reports to the Human Rights Council name "the Council", which rule 2 reads), and
   `A/RES/…` is then a symbol the reader can open and check; the reference's kind is
   "resolution" either way.

A sentence ends at a full stop or a blank line (a resolution's preamble has no full stops). A
body whose resolutions are not read here (a functional commission, an executive board, the
World Health Assembly; in English any capitalised name written before "resolution" that is not
one of the five bodies: "Commission on Crime Prevention and Criminal Justice resolution 26/3")
takes its resolutions out of the reading when it is written beside them or named nearest in
their sentence: they are left rather than given to the General Assembly. So are numbers no UN
resolution has (`12/2019`: a session is at most 150, a number at most 999).

A bare number (`resolution 1325`) is taken only as the Security Council's, when it is named
beside it or in the same sentence; its symbol is then `S/RES/1325`, without the year.

A list goes on through dates ("resolutions 71/278 of 10 March 2017, 72/312 of …"), and, in
the same paragraph and sentence, after words on its subject when each number that follows has
its date ("… 77/333 of 25 August 2023 on United Nations action on sexual exploitation and abuse,
72/304 of 13 July 2018, …").

"article 19 of the Convention" with no name is taken when the text named a convention before
it (the last one named: the Convention on the Rights of the Child in a paragraph that named it,
or one of its optional protocols); likewise "the Covenant" and "the Optional Protocol". With
none named before, it is left: "the Convention" of a committee's own text is its treaty, but
the text alone does not say which.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from index.references.numbers import cited_numbers, fold_digits
from index.references.patterns import Patterns, patterns
from index.references.symbols import document_url, symbol_of
from index.references.treaties import (
    Treaty,
    chinese_treaty,
    referred_back,
    treaty_at,
    treaty_mentions,
)
from index.references.words import Body

__all__ = ["Reference", "ReferenceKind", "document_url", "read_references"]

ReferenceKind = Literal[
    "document", "resolution", "decision", "paragraph", "own_paragraph", "article"
]

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class Reference:
    """One reference, as written and as understood."""

    text: str  # exactly as written: the text's slice [start:end]
    start: int
    end: int
    kind: ReferenceKind
    # The normalised symbol ("A/RES/62/141", "S/RES/2427(2018)", "A/HRC/59/41/Add.1"); None for
    # own_paragraph and article.
    symbol: str | None
    # The paragraphs cited: "paras. 14–18" is (14, 15, 16, 17, 18); a range of more than 50 is
    # kept as its two ends.
    paragraphs: tuple[int, ...] = ()
    article: int | None = None
    # For an article, the treaty's key: CRC, OPSC, OPAC, OPIC, ICCPR, ICESCR, CEDAW, CAT, CRPD.
    treaty: str | None = None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: ReferenceKind
    symbol: str | None = None
    paragraphs: tuple[int, ...] = ()
    article: int | None = None
    treaty: str | None = None


@dataclass(frozen=True)
class _Candidate:
    """What one pattern matched: its span, and the references in it."""

    start: int
    end: int
    found: tuple[_Found, ...]


# Words ending in a full stop that ends no sentence.
_ABBREVIATIONS = frozenset(
    {
        "para.",
        "paras.",
        "par.",
        "párr.",
        "párrs.",
        "art.",
        "arts.",
        "no.",
        "nos.",
        "p.",
        "pp.",
        "vol.",
        "cf.",
        "e.g.",
        "i.e.",
        "fig.",
        "mr.",
        "ms.",
        "dr.",
        "см.",
        "п.",
        "пп.",
        "ст.",
    }
)
# A sentence ends at a full stop, or at a blank line: a resolution's preambular and operative
# paragraphs end in commas and semicolons.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])|\n\s*\n")

# Which body a number of each form can be of, by the body named (see the module's docstring).
_SESSION: dict[Body, Body] = {"GA": "GA", "HRC": "HRC", "ASSEMBLY": "GA", "COUNCIL": "HRC"}
_YEAR: dict[Body, Body] = {"ECOSOC": "ECOSOC", "CHR": "CHR", "COUNCIL": "ECOSOC"}
_BARE: dict[Body, Body] = {"SC": "SC", "COUNCIL": "SC"}
_SERIES: dict[Body, str] = {"GA": "A", "HRC": "A/HRC", "ECOSOC": "E", "CHR": "E/CN.4"}


class _Context:
    """What the reader knows of the whole text: its sentences, the bodies and treaties named."""

    def __init__(self, text: str, lang: str, compiled: Patterns) -> None:
        self.text = text
        self.lang = lang
        self.sentence_starts = [0, *self._sentence_starts(text)]
        # Full names in their order, then short ones, each kept where none kept before stands:
        # 世界卫生大会 is not also 大会, "the Commission on Human Rights" not also "the Commission".
        kept: list[tuple[int, int, Body]] = []
        # The characters already in a kept name: a text naming bodies many times is read in
        # time proportional to its length, not to the square of its names.
        taken = bytearray(len(text))
        for body, pattern in (*compiled.bodies, *compiled.short_bodies):
            for match in pattern.finditer(text):
                start, end = match.span()
                if not any(taken[start:end]):
                    kept.append((start, end, body))
                    taken[start:end] = b"\x01" * (end - start)
        self.bodies = sorted(kept)
        self._treaties: list[tuple[int, str]] | None = None

    @staticmethod
    def _sentence_starts(text: str) -> list[int]:
        starts = []
        for match in _SENTENCE_END.finditer(text):
            before = text[max(0, match.start() - 20) : match.start()].split()
            if (
                "\n\n" not in match.group()
                and before
                and before[-1].lstrip("(").lower() in _ABBREVIATIONS
            ):
                continue
            starts.append(match.end())
        return starts

    def sentence(self, position: int) -> tuple[int, int]:
        """The span of the sentence `position` is in."""
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        end = (
            self.sentence_starts[index + 1]
            if index + 1 < len(self.sentence_starts)
            else len(self.text)
        )
        return self.sentence_starts[index], end

    def named_bodies(self, start: int, end: int, same_sentence_only: bool) -> list[Body]:
        """The bodies named around a reference at [start, end): in its sentence, nearest first,
        then before its sentence, last first."""
        first, last = self.sentence(start)
        near = sorted(
            (max(start - body_end, body_start - end, 0), body)
            for body_start, body_end, body in self.bodies
            if first <= body_start < last and not (start <= body_start < end)
        )
        named = [body for _, body in near]
        if not same_sentence_only:
            # Before the sentence, a body whose resolutions are not read is passed over: a
            # resolution's "Recalling its resolution 78/227" follows paragraphs naming others.
            named.extend(
                body
                for _, body_end, body in reversed(self.bodies)
                if body_end <= first and body != "OTHER"
            )
        return named

    def treaties(self) -> list[tuple[int, str]]:
        if self._treaties is None:
            self._treaties = treaty_mentions(self.text, self.lang)
        return self._treaties


def read_references(text: str, lang: str) -> list[Reference]:
    """The references in `text`, written in `lang` (ar, zh, en, fr, ru or es), in text order and
    not overlapping."""
    if lang not in LANGUAGES:
        raise ValueError(f"not one of the six official languages: {lang!r}")
    folded = fold_digits(text)
    compiled = patterns(lang)
    context = _Context(folded, lang, compiled)
    candidates = [
        *_documents(folded, compiled),
        *_resolutions(folded, compiled, context),
        *_own_paragraphs(folded, compiled),
        *_articles(folded, compiled, context),
    ]
    chosen: list[_Found] = []
    reached = 0
    for candidate in sorted(candidates, key=lambda found: (found.start, -found.end)):
        if candidate.start >= reached and candidate.found:
            chosen.extend(candidate.found)
            reached = candidate.end
    return [
        Reference(
            text=text[found.start : found.end],
            start=found.start,
            end=found.end,
            kind=found.kind,
            symbol=found.symbol,
            paragraphs=found.paragraphs,
            article=found.article,
            treaty=found.treaty,
        )
        for found in chosen
    ]


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group's text, None when the pattern has no such group or it took nothing."""
    return match.groupdict().get(name)


def _cited(match: re.Match[str]) -> tuple[int, ...]:
    """The paragraphs cited before ("paragraph 10 of …") or after ("…, para. 10") a match."""
    numbers = _group(match, "pnums") or _group(match, "snums")
    return cited_numbers(numbers) if numbers else ()


def _documents(text: str, compiled: Patterns) -> list[_Candidate]:
    candidates = []
    for match in compiled.document.finditer(text):
        symbol = symbol_of(match)
        if symbol is None:
            continue
        paragraphs = _cited(match)
        end = match.end() if _group(match, "snums") else symbol[1]
        kind: ReferenceKind = "paragraph" if paragraphs else "document"
        found = _Found(match.start(), end, kind, symbol[0], paragraphs)
        candidates.append(_Candidate(match.start(), end, (found,)))
    return candidates


def _body_named(match: re.Match[str], context: _Context) -> Body | None:
    """The body written beside the word "resolution", if any."""
    for group in ("before", "construct", "after"):
        if not _group(match, group):
            continue
        start, end = match.span(group)
        for body_start, body_end, body in context.bodies:
            if body_start < end and start < body_end:
                return body
        words = match.group(group).lower()
        return "ASSEMBLY" if any(word in words for word in ("assembl", "ассамбл")) else "COUNCIL"
    return None


# English writes a body's name before "resolution": "Commission on Crime Prevention and Criminal
# Justice resolution 26/3". A capitalised word there that names no body read here is another
# body's name, unless it only starts the sentence ("In resolution …", "Recalling its …").
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*)\s+$")
_NOT_NAMES = frozenset(
    {
        *("In", "By", "See", "Under", "Its", "Their", "The", "Also", "And", "Of", "On", "With"),
        *("As", "Per", "Cf", "Pursuant", "At", "For", "From", "To", "This", "That", "Such"),
        *("Both", "Each", "Whose", "Which", "Recent", "Previous", "Earlier", "Relevant"),
        *("Subsequent", "Further", "All", "Other", "Several", "Later"),
    }
)
# Chinese writes it before 第: 预防犯罪和刑事司法委员会第26/3号决议, 执行局第2024/5号决定.
_CHINESE_NAME_BEFORE = re.compile(r"(?:委员会|局|会|署|组织)\s*$")


def _name_before(text: str, match: re.Match[str], lang: str) -> Body | None:
    """OTHER when a body this reader does not read is named just before the word "resolution"
    (English) or before 第 (Chinese); None when no name stands there."""
    if _group(match, "pkw"):
        return None
    if lang == "en":
        name = _NAME_BEFORE.search(text, max(0, match.start("kw") - 40), match.start("kw"))
        if name and name.group(1) not in _NOT_NAMES and not name.group(1).endswith("ing"):
            return "OTHER"
    if lang == "zh" and _CHINESE_NAME_BEFORE.search(text, max(0, match.start() - 6), match.start()):
        return "OTHER"
    return None


def _form(number: str) -> Literal["security", "early", "emergency", "session", "year", "bare"]:
    if re.fullmatch(r"\d+\s*\(\d{4}\)", number):
        return "security"
    if "(" in number:
        return "early"
    if number.startswith("ES-"):
        return "emergency"
    if "/" in number:
        first = number.split("/")[0]
        return "year" if len(first) == 4 and first.isdigit() and int(first) >= 1946 else "session"
    return "bare"


def _plausible(number: str, form: str) -> bool:
    """Whether a number can be a UN resolution's or decision's: a national act's `12/2019` or a
    date's `9` (in "resolution 2427 (2018), 9 July") cannot."""
    if form in ("session", "year"):
        first, second = number.split("/")
        session = int(first.removeprefix("S-"))
        return int(second) <= 999 and (form == "year" or 1 <= session <= 150)
    return form != "bare" or len(number) >= 3


def _whose(number: str, named: Body | None, start: int, end: int, context: _Context) -> Body | None:
    """Whose resolution or decision `number` is (see the module's docstring)."""
    form = _form(number)
    if form == "security":
        return "SC"
    if form in ("early", "emergency"):
        return "GA"
    table = {"session": _SESSION, "year": _YEAR, "bare": _BARE}[form]
    if named == "OTHER":
        return None
    if named is not None:
        if named in ("ASSEMBLY", "COUNCIL") or form == "bare":
            return table.get(named)
        return named
    for body in context.named_bodies(start, end, same_sentence_only=form == "bare"):
        if body == "OTHER":
            return None
        if body in table:
            return table[body]
    default: dict[str, Body] = {"session": "GA", "year": "ECOSOC"}
    return default.get(form)


def _resolution_symbol(body: Body, kind: ReferenceKind, number: str) -> str | None:
    number = re.sub(r"\s+", "", number)
    if _form(number) == "early":
        number = re.sub(r"[A-Z](?=\()", "", number)
    if body == "SC":
        return f"S/RES/{number}" if kind == "resolution" else None
    series = _SERIES.get(body)
    if series is None:
        return None
    return f"{series}/{'RES' if kind == 'resolution' else 'DEC'}/{number}"


def _resolutions(text: str, compiled: Patterns, context: _Context) -> list[_Candidate]:
    candidates = []
    for match in compiled.resolution.finditer(text):
        kind: ReferenceKind = (
            "decision" if compiled.decision.search(match.group("kw")) else "resolution"
        )
        named = _body_named(match, context)
        if named is None:
            named = _name_before(text, match, context.lang)
        numbers = _numbers(text, match, compiled)
        paragraphs = _cited(match) if len(numbers) == 1 else ()
        found = _numbered(numbers, kind, named, paragraphs, match.span(), context)
        if found:
            candidates.append(_Candidate(match.start(), match.end(), tuple(found)))
        end = match.end("nums") if _group(match, "after") is None else match.end()
        while compiled.continuation is not None and found:
            resumed = compiled.continuation.match(text, end)
            if resumed is None or not _resumes(resumed.group("gap"), compiled):
                break
            numbers = _numbers(text, resumed, compiled)
            span = (numbers[0][1], numbers[-1][2])
            found = _numbered(numbers, kind, named, (), span, context)
            if found:
                candidates.append(_Candidate(span[0], span[1], tuple(found)))
            end = resumed.end()
    return candidates


def _resumes(gap: str, compiled: Patterns) -> bool:
    """Whether words between two lists of resolutions leave them one list: no blank line (a new
    paragraph) and no word "resolution" (a list of its own) in them."""
    return "\n\n" not in re.sub(r"[ \t]+", "", gap) and not compiled.resolution.search(gap)


def _numbers(text: str, match: re.Match[str], compiled: Patterns) -> list[tuple[str, int, int]]:
    """The numbers of a list of resolutions, each with its span, the dates left out."""
    return [
        (number.group("number"), number.start(), number.end("number"))
        for number in compiled.resolution_number.finditer(
            text, match.start("nums"), match.end("nums")
        )
    ]


def _numbered(
    numbers: list[tuple[str, int, int]],
    kind: ReferenceKind,
    named: Body | None,
    paragraphs: tuple[int, ...],
    span: tuple[int, int],
    context: _Context,
) -> list[_Found]:
    """A reference for each number of a list that is a resolution's or decision's. The first
    starts where the list's words do ("General Assembly resolutions 76/147"), the last ends
    where they do ("78/187 de l'Assemblée générale"); those between are their numbers."""
    found = []
    for index, (number, number_start, number_end) in enumerate(numbers):
        form = _form(number)
        if not _plausible(number, form) or (form == "bare" and _form(numbers[0][0]) != "bare"):
            continue
        start = span[0] if index == 0 else number_start
        end = span[1] if index == len(numbers) - 1 else number_end
        body = _whose(number, named, start, end, context)
        symbol = None if body is None else _resolution_symbol(body, kind, number)
        if symbol is not None:
            found.append(
                _Found(start, end, "paragraph" if paragraphs else kind, symbol, paragraphs)
            )
    return found


def _own_paragraphs(text: str, compiled: Patterns) -> list[_Candidate]:
    candidates = []
    for match in compiled.own_paragraph.finditer(text):
        groups = match.groupdict()
        if not any(groups.get(name) for name in ("see", "pos1", "pos2", "present")):
            continue
        # The span starts at the word for paragraph; in Chinese at 上文 or 本报告 before it.
        start = match.start("kw")
        if match.group("kw") == "第":
            for name in ("pos1", "present"):
                if groups.get(name):
                    start = match.start(name)
        found = _Found(start, match.end(), "own_paragraph", None, cited_numbers(match["nums"]))
        candidates.append(_Candidate(start, match.end(), (found,)))
    return candidates


def _articles(text: str, compiled: Patterns, context: _Context) -> list[_Candidate]:
    candidates = []
    for match in compiled.article.finditer(text):
        treaty: Treaty | None
        if "name" in match.groupdict():
            name = match.group("name") or match.group("bare")
            treaty = chinese_treaty(name, match.end())
            end = match.end()
        else:
            treaty = treaty_at(text, match.end(), context.lang)
            end = treaty.end if treaty is not None else match.end()
        if treaty is None:
            continue
        key = treaty.key or referred_back(context.treaties(), match.start(), treaty.back)
        if key is None:
            continue
        numbers = list(
            compiled.article_number.finditer(text, match.start("nums"), match.end("nums"))
        )
        found = []
        for index, number in enumerate(numbers):
            first, last = index == 0, index == len(numbers) - 1
            start = match.start() if first else number.start()
            stop = end if last else number.end()
            article = int(re.match(r"\d+", number.group()).group())  # type: ignore[union-attr]
            found.append(_Found(start, stop, "article", None, (), article, key))
        candidates.append(_Candidate(match.start(), end, tuple(found)))
    return candidates
