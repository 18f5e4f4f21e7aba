"""The link that opens a paragraph at its place in the report's source."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Enough of the paragraph's opening to find it on the page, short enough to survive small edits.
FRAGMENT_WORDS = 6


def paragraph_link(
    source_url: str | None, number: int | None, opening: str, page: int | None = None
) -> str | None:
    """Where paragraph `number` (None: a paragraph printed without one, such as a resolution's
    preambular paragraph) can be read, or None without a web source.

    `opening` is the paragraph's text as the page shows it (markers and all cut off, see
    `footnotes.text_before_first_marker`). A web page gets a text fragment quoting the number and
    the first words, `…#:~:text=3.%20The%20Special%20Representative…`: fragments are
    case-insensitive and match anywhere, and the number keeps them from landing in the summary.
    A PDF gets `#page=N` when the page is known.
    """
    if not source_url:
        return None
    url = source_url.partition("#")[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    if parts.path.lower().endswith(".pdf"):
        return f"{url}#page={page}" if page is not None else url
    return f"{url}#:~:text={text_fragment(number, opening)}"


def text_fragment(number: int | None, opening: str) -> str:
    """`3.%20The%20Special…`: the number as printed (if it is) and the opening words,
    percent-encoded.

    `quote` leaves `-` alone, but in a text fragment it separates a prefix or suffix from the
    text, so it is encoded by hand; `,` and `&` are delimiters too and `quote` encodes them.
    """
    words = opening.split()[:FRAGMENT_WORDS]
    printed = [f"{number}."] if number is not None else []
    return quote(" ".join([*printed, *words]), safe="").replace("-", "%2D")
