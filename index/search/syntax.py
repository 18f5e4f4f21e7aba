"""The search syntax people already know from other search engines: `-word` or `NOT word` to
leave paragraphs out, `a OR b` for either, "double quotes" for an exact phrase, `word*` for the
words starting so, and parentheses to group: `(detention OR custody) migrant -adult`.

Only the syntax is read here, as typed: what the words are made of and how they are searched is
the search's business (index.search.query), which analyses each word in the query's language.
The filters (`report:`, `section:`, `year:`) are taken out before (index.search.filters).

Whatever is typed reads as something: the syntax never fails, it is adjusted, and each
adjustment is noted so that the reply can say what was searched instead (a `NOT` with nothing
after it is ignored, an unclosed quote runs to the end of the text, and so on). Reading is one
pass over at most MAX_CHARS characters that keeps at most MAX_CLAUSES terms, so a search costs
little whatever is typed: 300 ORs or 10,000 parentheses included.

The rules, and why:

- `OR` and `NOT` are operators only in ASCII capitals, as in most search engines, and only
  outside quotes: "or" and "not" are ordinary words (in English, and as letters in other
  languages' words). `AND` in capitals is read too, and ignored, since every word is wanted
  anyway: searched as a word it would only find paragraphs quoting English. The operators are
  the same in the six languages: `дети NOT торговля`, `détention OR garde`.
- `-` excludes only at the start of a token, so that `co-operation`, `e-mail` and `2020-2024`
  stay words; a `-` or `----` by itself is ignored. The full-width forms a Chinese keyboard types
  (`－`, `＊`, `（）`, `＂`) work as their ASCII forms; dashes (– —) never exclude, since pasted
  text is full of them.
- `OR` binds closer than words side by side, as in Google: `child labour OR work` wants `child`
  and either `labour` or `work`.
- Exclusions hold for the whole search, wherever they are typed: `a OR -b` wants `a` and leaves
  out paragraphs with `b`; `NOT (a OR b)` and `NOT (a b)` alike leave out paragraphs with `a` and
  those with `b` (a paragraph is left out by any excluded term it has).
- Words are kept as typed, without the punctuation at their ends (`children,` is `children`,
  `¿qué` is `qué`), and `62/141` or `A/HRC/58/19` stay whole. Chinese writes no spaces: a run of
  Chinese characters is one Word here, which the language's analyzer splits later.
- A phrase of one word stays a Phrase: quoting a word asks for it as typed.
- `*` makes a prefix only at a word's end, of at least MIN_PREFIX characters (a shorter one would
  match too much to be worth it and is searched as the word it is); Chinese characters each say
  as much as a short word, so one of them is prefix enough (MIN_PREFIX_HAN). A `*` anywhere else
  makes no prefix (`*child` is `child`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeAlias

# Telegram's longest message; the rest of a longer text is not read (as index.search.query).
MAX_CHARS = 4096
# Terms (words, phrases and prefixes) kept, required and excluded together, counted in the
# order typed: as many as index.search.query.MAX_WORDS searches.
MAX_CLAUSES = 32
# Words kept of one phrase: a whole sentence pasted in quotes is found by its first ones.
MAX_PHRASE_WORDS = 32
# Parentheses nested deeper are read as if they were not there.
MAX_DEPTH = 4
MIN_PREFIX = 3
MIN_PREFIX_HAN = 1


class Note(StrEnum):
    """What was adjusted in reading a query, for the reply to say."""

    TOO_MANY_CLAUSES = "too_many_clauses"  # terms after the first MAX_CLAUSES were left out
    PHRASE_TOO_LONG = "phrase_too_long"  # a phrase was cut to its first MAX_PHRASE_WORDS words
    UNBALANCED_QUOTE = "unbalanced_quote"  # a quote never closed ran to the end of the text
    UNBALANCED_PARENTHESIS = "unbalanced_parenthesis"  # closed at the end, or a `)` ignored
    NESTED_TOO_DEEP = "nested_too_deep"  # parentheses deeper than MAX_DEPTH were ignored
    DANGLING_OPERATOR = "dangling_operator"  # `NOT`/`-` alone, `OR` at an end, `OR OR`, `NOT NOT`
    PREFIX_TOO_SHORT = "prefix_too_short"  # `a*` searched as `a`; `*` alone ignored


@dataclass(frozen=True)
class Word:
    """A word as typed, without the punctuation at its ends."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Phrase:
    """Words in quotes, to be found together and in this order."""

    words: tuple[str, ...]

    def __str__(self) -> str:
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class Prefix:
    """`start*`: any word starting with `start`."""

    start: str

    def __str__(self) -> str:
        return self.start + "*"


Term: TypeAlias = Word | Phrase | Prefix


@dataclass(frozen=True)
class AllOf:
    """A group in parentheses of several parts, every one of which is wanted: an alternative
    of an AnyOf (`(child labour) OR trafficking`)."""

    parts: tuple[Clause, ...]

    def __str__(self) -> str:
        parts = (f"({part})" if isinstance(part, AnyOf) else str(part) for part in self.parts)
        return "(" + " ".join(parts) + ")"


@dataclass(frozen=True)
class AnyOf:
    """`a OR b`: any of the options will do."""

    options: tuple[Term | AllOf, ...]

    def __str__(self) -> str:
        return " OR ".join(str(option) for option in self.options)


# What a paragraph is asked to have: a term, or one of several.
Clause: TypeAlias = Term | AnyOf


@dataclass(frozen=True)
class Parsed:
    """A query read: `required`, what a paragraph should have (those with all of it rank first,
    then those with some, as for words typed side by side); `excluded`, the terms that leave a
    paragraph out; both in the order typed, repeats kept. `notes`, what was adjusted in reading
    it; `has_operators`, whether any of the syntax was typed (operators, quotes, `*`,
    parentheses), used or not: a query of nothing else gets an example in reply."""

    required: tuple[Clause, ...] = ()
    excluded: tuple[Term, ...] = ()
    notes: frozenset[Note] = field(default_factory=frozenset)
    has_operators: bool = False

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term required, alternatives included, in the order typed."""
        return tuple(term for clause in self.required for term in _terms(clause))

    @property
    def plain(self) -> str:
        """The words wanted, as plain text without operators, exclusions or quotes: for telling
        the query's language and for searching by meaning."""
        return " ".join(word for term in self.terms for word in _words(term))

    @property
    def only_excludes(self) -> bool:
        """Nothing wanted, something left out (`-trafficking`): nothing to search for."""
        return not self.required and bool(self.excluded)

    @property
    def is_empty(self) -> bool:
        """Nothing wanted and nothing left out (`NOT`, `*`, `()`)."""
        return not self.required and not self.excluded

    def __str__(self) -> str:
        """The query as it was read, in the syntax: what was searched, which reads the same
        again (alternatives among other clauses in parentheses, exclusions last) unless those
        parentheses nest deeper than MAX_DEPTH."""
        alone = len(self.required) + len(self.excluded) == 1
        required = (
            f"({clause})" if isinstance(clause, AnyOf) and not alone else str(clause)
            for clause in self.required
        )
        return " ".join([*required, *(f"-{term}" for term in self.excluded)])


def parse(text: str) -> Parsed:
    """The query in `text` (without its filters), read whatever it is."""
    lexer = _Lexer(text[:MAX_CHARS])
    lexer.read()
    parser = _Parser(_balanced(lexer.tokens, lexer.notes), lexer.notes)
    required = parser.read()
    return Parsed(
        required=tuple(required),
        excluded=tuple(parser.excluded),
        notes=frozenset(lexer.notes),
        has_operators=lexer.operators,
    )


def _terms(clause: Clause | AllOf) -> Iterator[Term]:
    if isinstance(clause, AnyOf):
        for option in clause.options:
            yield from _terms(option)
    elif isinstance(clause, AllOf):
        for part in clause.parts:
            yield from _terms(part)
    else:
        yield clause


def _words(term: Term) -> tuple[str, ...]:
    if isinstance(term, Phrase):
        return term.words
    return (term.text,) if isinstance(term, Word) else (term.start,)


_OPEN = "(（"
_CLOSE = ")）"
_OPEN_SET = frozenset(_OPEN)
_CLOSE_SET = frozenset(_CLOSE)
_MINUS = "-－"
_STARS = frozenset("*＊")
# Each opening quote and what closes it; an ASCII `"` closes any, and the double quotes of all
# the conventions close one another (phones and word processors turn `"` into any of them).
_DOUBLE_QUOTES = '"“”„‟＂'
_CLOSERS = {
    **{quote: _DOUBLE_QUOTES for quote in _DOUBLE_QUOTES},
    "«": '»"',
    "「": '」"',
    "『": '』"',
}
_CLOSING = {quote: re.compile(f"[{re.escape(closers)}]") for quote, closers in _CLOSERS.items()}
_QUOTES_AS_SPACES = str.maketrans(
    dict.fromkeys("".join(_CLOSERS) + "".join(_CLOSERS.values()), " ")
)
_DELIMITERS = re.escape(_OPEN + _CLOSE + "".join(_CLOSERS))
# The next parenthesis, opening quote or run of anything else, spaces skipped.
_LEXEME = re.compile(rf"[{_DELIMITERS}]|[^\s{_DELIMITERS}]+")
_Kind = Literal["term", "or", "not", "open", "close"]
_OPERATORS: dict[str, _Kind | None] = {"OR": "or", "NOT": "not", "AND": None}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class _Token:
    kind: _Kind
    # A "term" token's term: None when there is none to search (an empty phrase, or a term
    # beyond MAX_CLAUSES), which leaves the syntax around it as typed.
    term: Term | None = None


def _is_wordy(char: str) -> bool:
    """Whether `char` belongs to a word: a letter, digit or `_` (`\\w`, as the tokenizers' word
    pattern) or a combining mark (Arabic's vowels, a decomposed accent)."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _core(piece: str) -> tuple[str, str]:
    """`piece` without the punctuation at its ends, and what followed its last letter ("" and
    `piece` when it has none)."""
    first = next((i for i, char in enumerate(piece) if _is_wordy(char)), None)
    if first is None:
        return "", piece
    last = len(piece) - 1
    while not _is_wordy(piece[last]):
        last -= 1
    return piece[first : last + 1], piece[last + 1 :]


class _Lexer:
    """The text as tokens, counting terms against MAX_CLAUSES."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[_Token] = []
        self.notes: set[Note] = set()
        self.operators = False
        self.terms = 0

    def read(self) -> None:
        text, position = self.text, 0
        while lexeme := _LEXEME.search(text, position):
            piece, position = lexeme.group(), lexeme.end()
            if piece in _OPEN_SET:
                self._operator("open")
            elif piece in _CLOSE_SET:
                self._operator("close")
            elif piece in _CLOSERS:
                position = self._phrase(piece, position)
            else:
                self._run(piece, text[position : position + 1])

    def _operator(self, kind: _Kind) -> None:
        self.operators = True
        self.tokens.append(_Token(kind))

    def _phrase(self, opening: str, start: int) -> int:
        """Reads the phrase opened at `start` and returns where reading goes on."""
        self.operators = True
        closing = _CLOSING[opening].search(self.text, start)
        if closing is None:
            self.notes.add(Note.UNBALANCED_QUOTE)
            inside, end = self.text[start:], len(self.text)
        else:
            inside, end = self.text[start : closing.start()], closing.end()
        # Quotes of another kind inside are not part of any word (`«the “best” interests»`).
        pieces = inside.translate(_QUOTES_AS_SPACES).split()
        words = [word for piece in pieces if (word := _core(piece)[0])]
        if len(words) > MAX_PHRASE_WORDS:
            self.notes.add(Note.PHRASE_TOO_LONG)
            words = words[:MAX_PHRASE_WORDS]
        self._term(Phrase(tuple(words)) if words else None)
        return end

    def _run(self, run: str, following: str) -> None:
        """A run of text between spaces, parentheses and quotes: an operator, or a term that a
        leading `-` excludes; an operator with punctuation about it (`OR,`, `NOT:`) is one still."""
        body = run.lstrip(_MINUS)
        negated = len(body) < len(run)
        word, after = _core(body)
        if word in _OPERATORS and not negated:
            self.operators = True
            if (kind := _OPERATORS[word]) is not None:
                self.tokens.append(_Token(kind))
            return
        if negated:
            self.operators = True
            if not word:
                # A `-` by itself excludes the group or phrase right after it, and nothing else.
                if not body and (following in _OPEN_SET or following in _CLOSERS):
                    self.tokens.append(_Token("not"))
                else:
                    self.notes.add(Note.DANGLING_OPERATOR)
        if after[:1] in _STARS:
            self.operators = True
            if not word or not _long_enough(word):
                self.notes.add(Note.PREFIX_TOO_SHORT)
        if not word:
            return
        if negated:
            self.tokens.append(_Token("not"))
        prefix = after[:1] in _STARS and _long_enough(word)
        self._term(Prefix(word) if prefix else Word(word))

    def _term(self, term: Term | None) -> None:
        if term is not None:
            self.terms += 1
            if self.terms > MAX_CLAUSES:
                self.notes.add(Note.TOO_MANY_CLAUSES)
                term = None
        self.tokens.append(_Token("term", term))


def _long_enough(start: str) -> bool:
    return len(start) >= (MIN_PREFIX_HAN if _HAN.search(start) else MIN_PREFIX)


def _balanced(tokens: list[_Token], notes: set[Note]) -> list[_Token]:
    """`tokens` with every parenthesis matched: a `)` that closes nothing is dropped, a `(` never
    closed is closed at the end, and those nested deeper than MAX_DEPTH are dropped with their
    match; so that the parser's depth is bounded and every group it opens ends."""
    dropped: set[int] = set()
    open_groups: list[tuple[int, bool]] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.kind == "open":
            kept = depth < MAX_DEPTH
            if kept:
                depth += 1
            else:
                notes.add(Note.NESTED_TOO_DEEP)
                dropped.add(index)
            open_groups.append((index, kept))
        elif token.kind == "close":
            if not open_groups:
                notes.add(Note.UNBALANCED_PARENTHESIS)
                dropped.add(index)
                continue
            _, kept = open_groups.pop()
            if kept:
                depth -= 1
            else:
                dropped.add(index)
    if open_groups:
        notes.add(Note.UNBALANCED_PARENTHESIS)
    kept_tokens = [token for index, token in enumerate(tokens) if index not in dropped]
    return kept_tokens + [_Token("close")] * depth


class _Parser:
    """Recursive descent over balanced tokens, a level of recursion per group kept:

        sequence := either*                      (until `)` or the end)
        either   := negated (OR negated)*
        negated  := NOT* primary
        primary  := term | ( sequence )

    Excluded terms are gathered as they come, wherever they are."""

    def __init__(self, tokens: list[_Token], notes: set[Note]) -> None:
        self.tokens = tokens
        self.notes = notes
        self.position = 0
        self.excluded: list[Term] = []

    def read(self) -> list[Clause]:
        return self._sequence(negated=False)

    def _next(self) -> _Kind | None:
        return self.tokens[self.position].kind if self.position < len(self.tokens) else None

    def _sequence(self, negated: bool) -> list[Clause]:
        clauses: list[Clause] = []
        while self._next() not in (None, "close"):
            clauses.extend(self._either(negated))
        return clauses

    def _either(self, negated: bool) -> list[Clause]:
        """The next clause or, for a group of several words, clauses: its operands joined by
        ORs."""
        operands: list[list[Clause]] = []
        expecting, alternatives = True, False
        while True:
            kind = self._next()
            if kind == "or":
                self.position += 1
                if expecting:  # `OR` first, or `OR OR`
                    self.notes.add(Note.DANGLING_OPERATOR)
                expecting = alternatives = True
            elif kind in (None, "close") or not expecting:
                if alternatives and expecting:  # `OR` last
                    self.notes.add(Note.DANGLING_OPERATOR)
                break
            else:
                operands.append(self._negated(negated))
                expecting = False
        return operands[0] if len(operands) == 1 else _any_of(operands)

    def _negated(self, negated: bool) -> list[Clause]:
        nots = 0
        while self._next() == "not":
            self.position += 1
            nots += 1
        if nots > 1:  # `NOT NOT`, `NOT -`
            self.notes.add(Note.DANGLING_OPERATOR)
        if nots and self._next() in (None, "close", "or"):  # `NOT` with nothing after it
            self.notes.add(Note.DANGLING_OPERATOR)
            return []
        return self._primary(negated or nots > 0)

    def _primary(self, negated: bool) -> list[Clause]:
        token = self.tokens[self.position]
        self.position += 1
        if token.kind == "open":
            inside = self._sequence(negated)
            self.position += 1  # its `)`, which _balanced guarantees
            return inside
        if token.term is None:
            return []
        if negated:
            self.excluded.append(token.term)
            return []
        return [token.term]


def _any_of(operands: list[list[Clause]]) -> list[Clause]:
    """The alternatives of `a OR b`, each one term or a group; an alternative that has nothing
    (`a OR -b`, `a OR ()`) is none, and one left is no alternative."""
    options: list[Term | AllOf] = []
    for operand in operands:
        if len(operand) > 1:
            options.append(AllOf(tuple(operand)))
        elif operand:
            (only,) = operand
            options.extend(only.options if isinstance(only, AnyOf) else [only])
    options = list(dict.fromkeys(options))
    if len(options) > 1:
        return [AnyOf(tuple(options))]
    if not options:
        return []
    (option,) = options
    return list(option.parts) if isinstance(option, AllOf) else [option]
