"""A paragraph's link: a text fragment on a web page, a page number in a PDF."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from index.links import FRAGMENT_WORDS, paragraph_link, text_fragment

PAGE = "https://reliefweb.int/report/world/some-report-enarruzh"


def test_a_web_page_gets_a_text_fragment_of_number_and_opening_words() -> None:
    opening = "The Special Representative continues to identify global challenges that"
    assert paragraph_link(PAGE, 3, opening) == (
        f"{PAGE}#:~:text=3.%20The%20Special%20Representative%20continues%20to%20identify"
    )


def test_the_fragment_quotes_the_number_and_the_first_words() -> None:
    opening = "one two three four five six seven eight"
    fragment = text_fragment(12, opening)
    assert unquote(fragment) == "12. " + " ".join(opening.split()[:FRAGMENT_WORDS])


@pytest.mark.parametrize(
    ("character", "encoded"), [("-", "%2D"), (",", "%2C"), ("&", "%26"), ("#", "%23")]
)
def test_fragment_delimiters_are_percent_encoded(character: str, encoded: str) -> None:
    fragment = text_fragment(4, f"Member States{character} low{character}risk")
    assert character not in fragment
    assert fragment.count(encoded) == 2
    assert unquote(fragment) == f"4. Member States{character} low{character}risk"


def test_a_short_opening_is_quoted_whole() -> None:
    assert unquote(text_fragment(2, "Short text.")) == "2. Short text."


def test_without_opening_words_the_number_alone_is_quoted() -> None:
    assert paragraph_link(PAGE, 7, "") == f"{PAGE}#:~:text=7."


def test_an_existing_fragment_of_the_source_is_replaced() -> None:
    assert paragraph_link(f"{PAGE}#top", 1, "Text") == f"{PAGE}#:~:text=1.%20Text"


@pytest.mark.parametrize("url", ["https://undocs.org/a.pdf", "http://x.org/A_HRC_58_19.PDF"])
def test_a_pdf_gets_its_page(url: str) -> None:
    assert paragraph_link(url, 3, "The Special", page=5) == f"{url}#page=5"


def test_a_pdf_without_a_known_page_is_linked_whole() -> None:
    url = "https://undocs.org/a.pdf"
    assert paragraph_link(url, 3, "The Special") == url


@pytest.mark.parametrize("url", [None, "", "file:///srv/reports/a.html", "reports/a.txt"])
def test_no_web_source_no_link(url: str | None) -> None:
    assert paragraph_link(url, 1, "The Special") is None
