"""The search syntax (issue 16): `-word`, `NOT word`, `a OR b`, "exact phrases", `prefix*` and
parentheses, the same in every language; and whatever is typed reads as something, at a bounded
cost, with what was adjusted noted for the reply."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.search.syntax import (
    MAX_CHARS,
    MAX_CLAUSES,
    MAX_DEPTH,
    MAX_PHRASE_WORDS,
    AllOf,
    AnyOf,
    Note,
    Parsed,
    Phrase,
    Prefix,
    Word,
    parse,
)

# The same examples on every run, no example database: as tests/bot/test_hostile_input.py.
EXAMPLES = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def words(*texts: str) -> tuple[Word, ...]:
    return tuple(Word(text) for text in texts)


def terms_in(parsed: Parsed) -> int:
    return len(parsed.terms) + len(parsed.excluded)


# Words side by side


@pytest.mark.parametrize(
    "text",
    ["child trafficking", "traite des enfants", "торговля детьми", "الاتجار بالأطفال", "儿童 贩运"],
)
def test_words_side_by_side_are_all_wanted_as_typed(text: str) -> None:
    parsed = parse(text)
    assert parsed.required == words(*text.split())
    assert parsed.excluded == ()
    assert parsed.notes == frozenset()
    assert not parsed.has_operators
    assert parsed.plain == text


def test_a_run_of_chinese_is_one_word_which_the_analyzer_splits_later() -> None:
    assert parse("儿童贩运问题").required == words("儿童贩运问题")


def test_punctuation_at_the_ends_of_words_is_not_searched_symbols_stay_whole() -> None:
    parsed = parse("children, ¿qué? «62/141» A/HRC/58/19. 16.2; l'enfant … ?! —")
    assert parsed.required == (
        *words("children", "qué"),
        Phrase(("62/141",)),
        *words("A/HRC/58/19", "16.2", "l'enfant"),
    )


# Exclusions


@pytest.mark.parametrize(
    ("text", "wanted", "left_out"),
    [
        ("children -trafficking", "children", "trafficking"),
        ("enfants -traite", "enfants", "traite"),
        ("дети -торговля", "дети", "торговля"),
        ("niños -trata", "niños", "trata"),
        ("أطفال -اتجار", "أطفال", "اتجار"),
        ("儿童 -贩运", "儿童", "贩运"),
        ("儿童 －贩运", "儿童", "贩运"),  # the full-width minus of a Chinese keyboard
        ("children NOT trafficking", "children", "trafficking"),
        ("enfants NOT traite", "enfants", "traite"),
        ("дети NOT торговля", "дети", "торговля"),
        ("-trafficking children", "children", "trafficking"),
        ("children, NOT trafficking.", "children", "trafficking"),
    ],
)
def test_a_minus_or_not_leaves_paragraphs_with_the_word_out(
    text: str, wanted: str, left_out: str
) -> None:
    parsed = parse(text)
    assert parsed.required == (Word(wanted),)
    assert parsed.excluded == (Word(left_out),)
    assert parsed.plain == wanted
    assert parsed.has_operators
    assert parsed.notes == frozenset()


@pytest.mark.parametrize(
    "text", ["co-operation e-mail 2020-2024", "auto-détermination", "социально-экономических"]
)
def test_a_minus_inside_a_word_is_part_of_it(text: str) -> None:
    assert parse(text).required == words(*text.split())
    assert parse(text).excluded == ()


@pytest.mark.parametrize(
    "text", ["children not trafficking", "enfants or traite", "дети not торговля", "Not Or"]
)
def test_lowercase_or_and_not_are_ordinary_words(text: str) -> None:
    parsed = parse(text)
    assert parsed.required == words(*text.split())
    assert not parsed.has_operators


@pytest.mark.parametrize(
    "text",
    [
        'children -"sexual exploitation"',
        'children NOT "sexual exploitation"',
        "children -«sexual exploitation»",
    ],
)
def test_a_phrase_can_be_left_out(text: str) -> None:
    parsed = parse(text)
    assert parsed.required == words("children")
    assert parsed.excluded == (Phrase(("sexual", "exploitation")),)


@pytest.mark.parametrize(
    "text", ["migrants NOT (detention OR custody)", "migrants -(detention OR custody)"]
)
def test_leaving_out_a_group_leaves_out_each_of_its_terms(text: str) -> None:
    parsed = parse(text)
    assert parsed.required == words("migrants")
    assert parsed.excluded == words("detention", "custody")


def test_an_exclusion_holds_for_the_whole_search_wherever_it_is_typed() -> None:
    parsed = parse("(detention OR -adult) migrant")
    assert parsed.required == words("detention", "migrant")
    assert parsed.excluded == words("adult")


def test_an_excluded_prefix() -> None:
    assert parse("children -traffick*").excluded == (Prefix("traffick"),)


def test_a_query_that_only_excludes_is_said_to() -> None:
    parsed = parse("-trafficking NOT exploitation")
    assert parsed.only_excludes
    assert parsed.required == ()
    assert parsed.excluded == words("trafficking", "exploitation")
    assert parsed.plain == ""


# Alternatives


@pytest.mark.parametrize(
    "text",
    ["detention OR custody", "détention OR garde", "задержание OR содержание", "احتجاز OR حبس"],
)
def test_or_wants_either(text: str) -> None:
    first, second = text.split(" OR ")
    parsed = parse(text)
    assert parsed.required == (AnyOf(words(first, second)),)
    assert parsed.plain == f"{first} {second}"


def test_or_binds_closer_than_words_side_by_side() -> None:
    assert parse("child labour OR work").required == (
        Word("child"),
        AnyOf(words("labour", "work")),
    )


def test_a_chain_of_ors_is_one_choice() -> None:
    assert parse("a1 OR b2 OR c3").required == (AnyOf(words("a1", "b2", "c3")),)


def test_parentheses_group_alternatives() -> None:
    parsed = parse("(detention OR custody) migrant -adult")
    assert parsed.required == (AnyOf(words("detention", "custody")), Word("migrant"))
    assert parsed.excluded == words("adult")
    assert parsed.plain == "detention custody migrant"
    assert str(parsed) == "(detention OR custody) migrant -adult"


def test_a_group_of_several_words_is_one_alternative() -> None:
    parsed = parse("(child labour) OR trafficking")
    assert parsed.required == (AnyOf((AllOf(words("child", "labour")), Word("trafficking"))),)
    assert str(parsed) == "(child labour) OR trafficking"


def test_a_group_not_among_alternatives_is_its_words() -> None:
    assert parse("(child labour) trafficking").required == words("child", "labour", "trafficking")


def test_alternatives_of_alternatives_are_one_choice() -> None:
    assert parse("a1 OR (b2 OR c3) OR a1").required == (AnyOf(words("a1", "b2", "c3")),)


def test_groups_nest() -> None:
    parsed = parse("((torture OR ill-treatment) prison) OR detention")
    torture = AnyOf(words("torture", "ill-treatment"))
    assert parsed.required == (AnyOf((AllOf((torture, Word("prison"))), Word("detention"))),)
    assert str(parsed) == "((torture OR ill-treatment) prison) OR detention"


def test_full_width_parentheses_group() -> None:
    assert parse("（拘留 OR 羁押） 移民").required == (AnyOf(words("拘留", "羁押")), Word("移民"))


# Phrases


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('"child trafficking"', ("child", "trafficking")),
        ("“child trafficking”", ("child", "trafficking")),
        ('"traite des enfants"', ("traite", "des", "enfants")),
        ("« traite des enfants »", ("traite", "des", "enfants")),
        ("«торговля детьми»", ("торговля", "детьми")),
        ("„торговля детьми“", ("торговля", "детьми")),
        ("「儿童 贩运」", ("儿童", "贩运")),
        ("『儿童贩运』", ("儿童贩运",)),
        ('"trafficking OR NOT -exploitation*"', ("trafficking", "OR", "NOT", "exploitation")),
    ],
)
def test_words_in_quotes_are_one_phrase_as_typed(text: str, phrase: tuple[str, ...]) -> None:
    parsed = parse(text)
    assert parsed.required == (Phrase(phrase),)
    assert parsed.excluded == ()
    assert parsed.plain == " ".join(phrase)
    assert parsed.has_operators


def test_one_word_in_quotes_stays_a_phrase_to_be_found_as_typed() -> None:
    assert parse('"children"').required == (Phrase(("children",)),)


def test_phrases_alternatives_and_words_together() -> None:
    parsed = parse('"enfants soldats" OR "enfants associés" conflits -"forces armées"')
    assert parsed.required == (
        AnyOf((Phrase(("enfants", "soldats")), Phrase(("enfants", "associés")))),
        Word("conflits"),
    )
    assert parsed.excluded == (Phrase(("forces", "armées")),)


def test_empty_quotes_are_nothing() -> None:
    parsed = parse('"" children -""')
    assert parsed.required == words("children")
    assert parsed.excluded == ()


# Prefixes


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("traffick*", "traffick"),
        ("enfan*", "enfan"),
        ("торгов*", "торгов"),
        ("儿*", "儿"),
        ("tor＊", "tor"),
    ],
)
def test_a_star_at_a_word_end_wants_the_words_starting_so(text: str, start: str) -> None:
    parsed = parse(text)
    assert parsed.required == (Prefix(start),)
    assert parsed.plain == start
    assert parsed.notes == frozenset()


@pytest.mark.parametrize("text", ["a*", "un*", "-a*"])
def test_a_prefix_too_short_is_searched_as_the_word_it_is(text: str) -> None:
    parsed = parse(text)
    assert (*parsed.required, *parsed.excluded) == (Word(text.strip("-*")),)
    assert parsed.notes == {Note.PREFIX_TOO_SHORT}


@pytest.mark.parametrize("text", ["*", "***", "children * trafficking"])
def test_a_star_alone_is_ignored(text: str) -> None:
    parsed = parse(text)
    assert parsed.required == words(*text.replace("*", " ").split())
    assert parsed.notes == {Note.PREFIX_TOO_SHORT}


def test_a_star_elsewhere_than_a_word_end_makes_no_prefix() -> None:
    assert parse("*children").required == words("children")


# Operators


def test_and_is_what_words_side_by_side_say_anyway() -> None:
    parsed = parse("enfants AND traite")
    assert parsed.required == words("enfants", "traite")
    assert parsed.has_operators


@pytest.mark.parametrize("text", ["children OR, trafficking", "children OR: trafficking"])
def test_an_operator_with_punctuation_about_it_is_one_still(text: str) -> None:
    assert parse(text).required == (AnyOf(words("children", "trafficking")),)


def test_what_was_searched_reads_as_the_syntax() -> None:
    parsed = parse("NOT  adult   (migrant  OR  “asylum seeker”)  detention* , ")
    assert str(parsed) == '(migrant OR "asylum seeker") detention* -adult'


# Hostile and odd input: read as something, noted, at a bounded cost


def test_an_unclosed_quote_runs_to_the_end() -> None:
    parsed = parse('children "sexual exploitation -online')
    assert parsed.required == (Word("children"), Phrase(("sexual", "exploitation", "online")))
    assert parsed.notes == {Note.UNBALANCED_QUOTE}


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("(detention OR custody migrant", (AnyOf(words("detention", "custody")), Word("migrant"))),
        (
            "migrant OR (detention custody",
            (AnyOf((Word("migrant"), AllOf(words("detention", "custody")))),),
        ),
        ("detention) OR custody)", (AnyOf(words("detention", "custody")),)),
        (")))(((", ()),
    ],
)
def test_an_unbalanced_parenthesis_is_closed_at_the_end_or_ignored(
    text: str, required: tuple[Word | AnyOf, ...]
) -> None:
    parsed = parse(text)
    assert parsed.required == required
    assert parsed.notes == {Note.UNBALANCED_PARENTHESIS}


@pytest.mark.parametrize(
    ("text", "required", "excluded"),
    [
        ("NOT", (), ()),
        ("children NOT", words("children"), ()),
        ("NOT OR children", words("children"), ()),
        ("(children NOT) trafficking", words("children", "trafficking"), ()),
        ("NOT NOT trafficking", (), words("trafficking")),
        ("-", (), ()),
        ("----", (), ()),
        ("children - trafficking", words("children", "trafficking"), ()),
        ("children -- ---", words("children"), ()),
        ("-?!", (), ()),
        ("OR", (), ()),
        ("OR OR", (), ()),
        ("OR children", words("children"), ()),
        ("children OR", words("children"), ()),
        ("detention OR OR custody", (AnyOf(words("detention", "custody")),), ()),
        ("(OR detention OR)", words("detention"), ()),
    ],
)
def test_an_operator_with_nothing_to_work_on_is_ignored(
    text: str, required: tuple[Word, ...], excluded: tuple[Word, ...]
) -> None:
    parsed = parse(text)
    assert parsed.required == required
    assert parsed.excluded == excluded
    assert parsed.notes == {Note.DANGLING_OPERATOR}
    assert parsed.has_operators


@pytest.mark.parametrize("text", ["NOT", "OR OR", "----", "*", "()", '""', "( ) OR NOT -"])
def test_only_operators_search_nothing(text: str) -> None:
    parsed = parse(text)
    assert parsed.is_empty
    assert not parsed.only_excludes
    assert parsed.has_operators
    assert parsed.plain == str(parsed) == ""


def test_300_ors_keep_the_first_terms() -> None:
    text = " OR ".join(f"word{i}" for i in range(300))
    parsed = parse(text)
    assert parsed.required == (AnyOf(words(*(f"word{i}" for i in range(MAX_CLAUSES)))),)
    assert parsed.notes == {Note.TOO_MANY_CLAUSES}


def test_terms_are_counted_across_groups_and_exclusions() -> None:
    text = " ".join(f"(a{i} OR -b{i})" for i in range(MAX_CLAUSES))
    parsed = parse(text)
    assert terms_in(parsed) == MAX_CLAUSES
    assert parsed.required == words(*(f"a{i}" for i in range(MAX_CLAUSES // 2)))
    assert parsed.excluded == words(*(f"b{i}" for i in range(MAX_CLAUSES // 2)))
    assert parsed.notes == {Note.TOO_MANY_CLAUSES}


def test_a_long_phrase_is_cut() -> None:
    text = '"' + " ".join(f"w{i}" for i in range(100)) + '"'
    (phrase,) = parse(text).required
    assert phrase == Phrase(tuple(f"w{i}" for i in range(MAX_PHRASE_WORDS)))
    assert parse(text).notes == {Note.PHRASE_TOO_LONG}


def test_parentheses_nested_too_deep_are_read_as_not_there() -> None:
    deep = "(" * (MAX_DEPTH + 3) + "a1 OR b2" + ")" * (MAX_DEPTH + 3)
    parsed = parse(deep + " c3")
    assert parsed.required == (AnyOf(words("a1", "b2")), Word("c3"))
    assert parsed.notes == {Note.NESTED_TOO_DEEP}


def test_groups_as_deep_as_allowed_are_kept() -> None:
    text = "(a1 OR (b2 c3 OR (d4 e5 OR (f6 g7))))"
    parsed = parse(text)
    assert parsed.notes == frozenset()
    assert str(parsed) == "a1 OR (b2 (c3 OR (d4 (e5 OR (f6 g7)))))"


def test_text_beyond_the_longest_message_is_not_read() -> None:
    parsed = parse("x" * (MAX_CHARS - 2) + " y z")
    assert parsed.required == words("x" * (MAX_CHARS - 2), "y")


@pytest.mark.parametrize(
    "text",
    [
        " OR ".join(f"w{i}" for i in range(300)),
        "(" * 10_000,
        ")" * 10_000,
        "(" * 5_000 + "a" + ")" * 5_000,
        "(a OR " * 2_000,
        "NOT " * 2_000 + "a",
        '"' * 10_000,
        "-" * 10_000,
        "a* " * 3_000,
        "x" * 100_000,
        "«" * 10_000,
    ],
)
def test_hostile_input_is_cheap_and_bounded(text: str) -> None:
    started = time.perf_counter()
    parsed = parse(text)
    assert time.perf_counter() - started < 0.5
    assert terms_in(parsed) <= MAX_CLAUSES


# Properties

# Words in any script, and nothing else: no punctuation, no operators.
WORDS = st.text(st.characters(categories=("L", "Nd")), min_size=1, max_size=8).filter(
    lambda word: word not in ("OR", "NOT", "AND")
)
SPACES = st.text(st.sampled_from(" \t\n\u3000"), min_size=1, max_size=2)
OPERATORS = st.sampled_from(
    ["OR", "OR", "OR", "NOT", "-", "*", "(", ")", "AND", "or", "not", "--", "（", "）", "－", "＊"]
)
ODDITIES = st.sampled_from(
    ['"', "“", "”", "«", "»", "「", "」", "co-op", "e-mail", "?", ",", "'", "\u200f", "\u0301"]
)
# Mostly words, then operators, sometimes quotes and odd characters.
PIECES = st.one_of(WORDS, WORDS, WORDS, OPERATORS, OPERATORS, ODDITIES)
# Text full of the syntax, its pieces apart or stuck together.
SYNTAX = st.lists(st.tuples(PIECES, st.sampled_from(["", " ", "  "])), max_size=40).map(
    lambda pieces: "".join(piece + space for piece, space in pieces)
)
ANY_TEXT = st.one_of(st.text(), st.text(st.characters(codec="utf-8"), max_size=5000), SYNTAX)


@EXAMPLES
@given(ANY_TEXT)
def test_any_text_reads_as_something_bounded(text: str) -> None:
    parsed = parse(text)
    assert terms_in(parsed) <= MAX_CLAUSES
    assert all(
        len(term.words) <= MAX_PHRASE_WORDS for term in parsed.terms if isinstance(term, Phrase)
    )
    for term in (*parsed.terms, *parsed.excluded):
        assert all(term.words) if isinstance(term, Phrase) else str(term).strip("*")
    assert parsed.is_empty == (not parsed.terms and not parsed.excluded)


@EXAMPLES
@given(st.lists(st.tuples(WORDS, SPACES), max_size=50))
def test_text_without_operators_is_one_word_per_token(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in pieces)
    parsed = parse(text)
    assert parsed.required == words(*text.split()[:MAX_CLAUSES])
    assert parsed.excluded == ()
    assert not parsed.has_operators
    assert parsed.notes == ({Note.TOO_MANY_CLAUSES} if len(pieces) > MAX_CLAUSES else set())


@EXAMPLES
@given(SYNTAX)
def test_plain_text_never_has_a_word_only_excluded(text: str) -> None:
    parsed = parse(text)
    wanted = {word for term in parsed.terms for word in str(term).strip('"*').split()}
    left_out = {word for term in parsed.excluded for word in str(term).strip('"*').split()}
    assert set(parsed.plain.split()) <= wanted
    assert not (set(parsed.plain.split()) & (left_out - wanted))


@EXAMPLES
@given(SYNTAX)
def test_what_was_searched_reads_the_same_again(text: str) -> None:
    parsed = parse(text)
    again = parse(str(parsed))
    # The parentheses that make it readable may nest deeper than a query may.
    if Note.NESTED_TOO_DEEP not in again.notes:
        assert (again.required, again.excluded) == (parsed.required, parsed.excluded)
