"""The meaning channel: the paragraphs nearest a query in any language, one version of each, and
the sentence of a paragraph nearest the query. The real sentence encoder."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from index.language.meaning import encoder
from index.search.meaning import CLOSE, Near, closest_sentence, nearest, sentences
from index.store.schema import paragraph_key
from index.store.vectors import Vectors, write_vectors

CHILDREN = "A/HRC/99/1"
OTHER = "A/HRC/99/2"

# A paragraph whose first sentence says nothing of what it is about.
DETENTION = (
    "The Special Rapporteur thanks the Governments that replied to her questionnaire. "
    "Young migrants are detained in cells at frontier crossings for weeks, sometimes alongside "
    "adults. Immigration detention is never in the best interests of a young person."
)
DETAINED = (
    "Young migrants are detained in cells at frontier crossings for weeks, sometimes alongside "
    "adults."
)


def key(lang: str, number: int = 1, symbol: str = CHILDREN) -> str:
    return paragraph_key(symbol, lang, None, number)


def query(text: str) -> npt.NDArray[np.float32]:
    vector: npt.NDArray[np.float32] = encoder().encode([text])[0]
    return vector


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


# The paragraphs of two reports, by language: the first paragraph of each is on the detention of
# young migrants. The report on children is in English, French and Chinese; the other in Arabic
# and Russian only.
VERSIONS = {
    (CHILDREN, "en"): [
        DETENTION,
        "Child marriage remains widespread and deprives girls of their education.",
        "The budget of the Office was approved by the Fifth Committee in December.",
    ],
    (CHILDREN, "fr"): [
        "De jeunes migrants sont détenus aux postes frontières pendant des semaines.",
        "Le mariage des enfants reste très répandu et prive les filles d'éducation.",
        "Le budget du Bureau a été approuvé par la Cinquième Commission en décembre.",
    ],
    (CHILDREN, "zh"): [
        "年轻移民在边境口岸被关押数周。移民拘留绝不符合年轻人的最大利益。",
        "童婚仍然普遍存在，剥夺了女童受教育的机会。",
        "办事处的预算已于12月由第五委员会核准。",
    ],
    (OTHER, "ar"): ["يُحتجز المهاجرون الشباب عند المعابر الحدودية لشهور."],
    (OTHER, "ru"): ["Молодых мигрантов месяцами держат на пограничных переходах."],
}

BORDER = "kids locked up at the border"


@pytest.fixture(scope="module")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> Vectors:
    folder = tmp_path_factory.mktemp("vectors")
    write_vectors(
        folder,
        list(VERSIONS),
        [
            (
                (symbol, lang),
                [key(lang, number, symbol) for number in range(1, len(texts) + 1)],
                encoder().encode(texts),
            )
            for (symbol, lang), texts in VERSIONS.items()
        ],
    )
    opened = Vectors.open(folder)
    assert opened is not None
    return opened


def languages(near: list[Near]) -> dict[str, set[str]]:
    """The languages of the paragraphs found, by report."""
    found: dict[str, set[str]] = {}
    for each in near:
        found.setdefault(each.key.split("|")[0], set()).add(each.key.split("|")[1])
    return found


# One version of each paragraph.


@pytest.mark.parametrize(
    ("reader", "shown"),
    [
        ("fr", {CHILDREN: {"fr"}, OTHER: {"ar"}}),
        # A regression: paragraphs of a Chinese version were shown in English to a Chinese
        # reader.
        ("zh", {CHILDREN: {"zh"}, OTHER: {"ar"}}),
        ("ru", {CHILDREN: {"en"}, OTHER: {"ru"}}),
        ("en", {CHILDREN: {"en"}, OTHER: {"ar"}}),
        ("es", {CHILDREN: {"en"}, OTHER: {"ar"}}),
    ],
)
def test_a_paragraph_is_in_the_readers_version_else_english_else_the_first_in_un_order(
    vectors: Vectors, reader: str, shown: dict[str, set[str]]
) -> None:
    # Whatever the language of the query, and whichever version is nearest it.
    for text in (BORDER, "Молодые мигранты содержатся под стражей на границе"):
        assert languages(nearest(vectors, query(text), reader, None)) == shown


def test_each_paragraph_is_found_once(vectors: Vectors) -> None:
    near = nearest(vectors, query(BORDER), "fr", None)
    places = [each.place for each in near]
    assert len(places) == len(set(places))
    assert set(places[:2]) == {f"{CHILDREN}||1", f"{OTHER}||1"}


# Nearest paragraphs.


def test_the_nearest_paragraphs_come_best_first_and_close_enough(vectors: Vectors) -> None:
    vector = query(BORDER)
    near = nearest(vectors, vector, "en", None)
    cosines = [each.cosine for each in near]
    assert cosines == sorted(cosines, reverse=True)
    assert {each.key for each in near[:2]} == {key("en"), key("ar", symbol=OTHER)}
    # Of the rows searched, those not close enough are left out.
    every = dict(vectors.nearest(vector, len(vectors)))
    far = [found for found in (key("en", 2), key("en", 3)) if every[found] < CLOSE]
    assert far
    assert not set(far) & {each.key for each in near}
    assert all(cosine >= CLOSE for cosine in cosines)


def test_a_query_about_nothing_in_the_library_has_nothing_near(vectors: Vectors) -> None:
    assert nearest(vectors, query("zebra giraffe"), "en", None) == []


def test_only_the_reports_allowed_are_searched(vectors: Vectors) -> None:
    near = nearest(vectors, query(BORDER), "en", {OTHER})
    assert [each.key for each in near] == [key("ar", symbol=OTHER)]
    assert nearest(vectors, query(BORDER), "en", set()) == []


def test_no_more_paragraphs_than_the_depth(vectors: Vectors) -> None:
    near = nearest(vectors, query(BORDER), "en", None, depth=1)
    assert [each.key for each in near] == [nearest(vectors, query(BORDER), "en", None)[0].key]


# Sentences.


def test_english_sentences_end_at_full_stops_question_and_exclamation_marks() -> None:
    text = "Violence is rising.  Is it preventable? It is! The last one has no full stop"
    assert quoted(text) == [
        "Violence is rising.",
        "Is it preventable?",
        "It is!",
        "The last one has no full stop",
    ]


def test_a_sentence_keeps_its_closing_quote_or_bracket() -> None:
    text = 'A child said: "We were locked in." (The cell had no window.) Nobody came.'
    assert quoted(text) == [
        'A child said: "We were locked in."',
        "(The cell had no window.)",
        "Nobody came.",
    ]


def test_a_number_with_a_full_stop_does_not_end_a_sentence() -> None:
    text = "Target 16.2 calls for an end to violence. It is off track."
    assert quoted(text) == ["Target 16.2 calls for an end to violence.", "It is off track."]


def test_chinese_sentences_end_at_the_ideographic_full_stop_without_a_space() -> None:
    text = "特别报告员感谢各国政府的答复。年轻移民在边境口岸被关押数周！这符合他们的利益吗？"
    assert quoted(text) == [
        "特别报告员感谢各国政府的答复。",
        "年轻移民在边境口岸被关押数周！",
        "这符合他们的利益吗？",
    ]


def test_arabic_sentences_end_at_the_arabic_question_mark_and_full_stops() -> None:
    text = "هل يُحتجز الأطفال المهاجرون؟ نعم، يُحتجزون على الحدود لأسابيع. يجب أن ينتهي ذلك."
    assert quoted(text) == [
        "هل يُحتجز الأطفال المهاجرون؟",
        "نعم، يُحتجزون على الحدود لأسابيع.",
        "يجب أن ينتهي ذلك.",
    ]


def test_no_text_no_sentences() -> None:
    assert sentences("") == []
    assert sentences(" \n ") == []


# The sentence nearest a query.


def test_the_sentence_nearest_in_meaning_is_found_not_the_first() -> None:
    start, end = closest_sentence(DETENTION, query(BORDER), encoder().encode)
    assert DETENTION[start:end] == DETAINED


def test_the_nearest_sentence_depends_on_the_query() -> None:
    start, end = closest_sentence(
        DETENTION, query("Which Governments answered the questionnaire?"), encoder().encode
    )
    assert DETENTION[start:end] == (
        "The Special Rapporteur thanks the Governments that replied to her questionnaire."
    )


@pytest.mark.parametrize(
    ("text", "nearest_sentence"),
    [
        (
            "特别报告员感谢答复其调查问卷的各国政府。"
            "年轻移民在边境口岸的牢房中被关押数周，有时与成年人关在一起。"
            "移民拘留绝不符合年轻人的最大利益。",
            "年轻移民在边境口岸的牢房中被关押数周，有时与成年人关在一起。",
        ),
        (
            "يشكر المقرر الخاص الحكومات التي ردت على استبيانه. "
            "يُحتجز المهاجرون الشباب في زنازين عند المعابر الحدودية لأسابيع. "
            "هل هذا في مصلحتهم الفضلى؟ كلا.",
            "يُحتجز المهاجرون الشباب في زنازين عند المعابر الحدودية لأسابيع.",
        ),
    ],
    ids=["zh", "ar"],
)
def test_the_nearest_sentence_is_found_in_another_language_than_the_querys(
    text: str, nearest_sentence: str
) -> None:
    start, end = closest_sentence(text, query(BORDER), encoder().encode)
    assert text[start:end] == nearest_sentence


def test_a_text_of_one_sentence_is_its_own_nearest() -> None:
    text = "Nothing here is about the query"
    assert closest_sentence(text, query(BORDER), encoder().encode) == (
        0,
        len(text),
    )
