"""A paragraph's footnotes and references as the bot shows them: within Telegram's limits."""

from __future__ import annotations

from bot.emulator.html import parse_html
from bot.replies.i18n import texts
from bot.replies.messages import MESSAGE_LIMIT, Markup
from bot.replies.references import NOTES_ROOM, notes_block, references_block
from bot.replies.render import paragraph_reply
from index import Paragraph, Reference, Resolved

EN = texts("en")
USERNAME = "reportbot_test_bot"


def noted(*notes: str, numbers: tuple[int, ...] = ()) -> Paragraph:
    return Paragraph(
        symbol="A/HRC/60/99", number=1, text="x " * 1500, notes=notes, note_numbers=numbers
    )


def test_notes_are_numbered_as_the_report_numbers_them() -> None:
    block = notes_block(noted("See A/HRC/59/41.", "Ibid.", numbers=(4, 5)))
    assert isinstance(block, Markup)
    assert block.html == (
        "<blockquote expandable><b>4</b> See A/HRC/59/41.\n<b>5</b> Ibid.</blockquote>"
    )
    # An index built before the numbers were kept: the notes, unnumbered.
    unnumbered = notes_block(noted("See A/HRC/59/41."))
    assert isinstance(unnumbered, Markup)
    assert "• See A/HRC/59/41." in unnumbered.html
    assert notes_block(noted()) is None


def test_long_notes_are_shortened_and_the_paragraph_still_fits_telegrams_messages() -> None:
    paragraph = noted(*("A long note. " * 200 for _ in range(10)), numbers=tuple(range(1, 11)))
    block = notes_block(paragraph)
    assert isinstance(block, Markup)
    assert len(block.html) < NOTES_ROOM + 200
    assert block.html.endswith("…</blockquote>")
    replies = paragraph_reply(EN, paragraph, [], USERNAME, after=[block])
    for reply in replies:
        assert len(parse_html(reply.text)[0]) <= MESSAGE_LIMIT


def test_each_reference_links_once_to_the_bot_when_indexed_else_to_the_un() -> None:
    cited = Paragraph(symbol="A/HRC/58/19", number=3, text="Cited.")

    def found(text: str, target: Paragraph | None, url: str | None) -> Resolved:
        reference = Reference(text, 0, len(text), "paragraph", "A/HRC/58/19", (3,))
        return Resolved(reference, None, target is not None, target, url)

    block = references_block(
        EN,
        [
            found("A/HRC/58/19, para. 3", cited, "https://docs.un.org/en/A/HRC/58/19"),
            found("A/HRC/58/19, para. 3", cited, "https://docs.un.org/en/A/HRC/58/19"),
            found("A/HRC/59/41", None, "https://docs.un.org/en/A/HRC/59/41"),
        ],
        USERNAME,
    )
    assert isinstance(block, Markup)
    assert block.html == (
        "<b>References:</b> "
        f'↪ <a href="https://t.me/{USERNAME}?start=o-A_HRC_58_19-3">A/HRC/58/19, para. 3</a>'
        ' · <a href="https://docs.un.org/en/A/HRC/59/41">A/HRC/59/41</a>'
    )
    assert references_block(EN, [], USERNAME) is None
