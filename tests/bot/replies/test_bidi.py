"""Latin pieces of right-to-left messages are isolated whole; code keeps no invisible marks."""

from __future__ import annotations

from bot.replies.bidi import FSI, PDI, format_isolated


def shown(text: str) -> str:
    return text.replace(FSI, "[").replace(PDI, "]")


def test_a_command_and_its_argument_are_one_isolated_phrase() -> None:
    template = "عرض فقرة كاملة: /para 3"
    assert shown(format_isolated(template, {})) == "عرض فقرة كاملة: [/para 3]"
    template = "اختيار تقرير: /report A/HRC/58/19."
    assert shown(format_isolated(template, {})) == "اختيار تقرير: [/report A/HRC/58/19]."


def test_punctuation_after_a_phrase_stays_with_the_sentence() -> None:
    template = "مع /para و/cite: <b>{symbol}</b>"
    result = format_isolated(template, {"symbol": "A/HRC/58/19"})
    assert shown(result) == "مع [/para] و[/cite]: <b>[A/HRC/58/19]</b>"


def test_code_is_isolated_from_outside_so_a_tap_copies_it_clean() -> None:
    template = "مثلاً <code>{example}</code>"
    result = format_isolated(template, {"example": "/search trafficking"})
    assert shown(result) == "مثلاً [<code>/search trafficking</code>]"


def test_values_are_isolated_only_when_they_have_latin_letters() -> None:
    template = "فقرات {part} هي {range} بشأن <i>{query}</i>"
    values = {"part": "A/HRC/58/19, annex I", "range": "1–4", "query": "الاتجار"}
    assert shown(format_isolated(template, values)) == (
        "فقرات [A/HRC/58/19, annex I] هي 1–4 بشأن <i>الاتجار</i>"
    )


def test_escaped_markup_in_a_value_stays_escaped() -> None:
    result = format_isolated("بشأن <i>{query}</i>", {"query": "&lt;b&gt; trafficking"})
    assert shown(result) == "بشأن <i>[&lt;b&gt; trafficking]</i>"
