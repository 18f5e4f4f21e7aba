"""Reports by symbol from the UN Official Document System, against a stand-in for it on loopback.

The stand-in answers `/api/symbol/access?s=SYMBOL&l=LANG&t=pdf` as ODS does, or as it fails: a
PDF after a redirect, a PDF under another content type, a 404 or a web page for a language not
published, 5xx, a 403, a server that never answers, a file that is not a PDF.
"""

from __future__ import annotations

import io
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.errors import IngestError
from index.ingest.official_documents import TIMEOUT, Fetched, access_url, fetch_reports
from index.ingest.progress import Progress
from index.library import Library
from tests.index.ingest.document_system import (
    WEB_PAGE,
    Answer,
    DocumentSystem,
    running_document_system,
    serve,
)
from tests.index.ingest.formats.un_pdf import write_report, write_scan

SYMBOL = "A/HRC/58/19"  # the generated PDF's own
REAL = Path(__file__).parent / "formats" / "real" / "A_C.6_80_L.2.pdf"
NO_WAIT = (0.0, 0.0)


@pytest.fixture(scope="module")
def generated_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_report(tmp_path_factory.mktemp("pdf") / "report.pdf").read_bytes()


@pytest.fixture
def ods() -> Iterator[str]:
    with running_document_system() as address:
        yield address


def fetch_one(ods: str, symbol: str, langs: list[str], timeout: float = TIMEOUT) -> Fetched:
    (fetched,) = fetch_reports([symbol], langs, base_url=ods, backoff=NO_WAIT, timeout=timeout)
    return fetched


def test_each_published_version_is_read_as_the_symbol_and_language_asked(
    ods: str, generated_pdf: bytes
) -> None:
    # As ODS does: the access address redirects to where the PDF is kept.
    DocumentSystem.files["/doc/undoc/gen/g25/001/23/pdf/g2500123.pdf"] = generated_pdf
    serve(SYMBOL, "en", Answer(302, location="/doc/undoc/gen/g25/001/23/pdf/g2500123.pdf"))
    # An English PDF given as the French version is the French version; its type is by content.
    serve(SYMBOL, "fr", Answer(body=generated_pdf, content_type="application/octet-stream"))
    fetched = fetch_one(ods, SYMBOL, ["ru", "fr", "en"])
    assert fetched.summary() == "A/HRC/58/19: en, fr read; not published in Russian"
    assert fetched.not_published == ("ru",)
    english, french = (item.report for item in fetched.read)
    assert [(r.symbol, r.lang) for r in (english, french)] == [(SYMBOL, "en"), (SYMBOL, "fr")]
    assert {(p.symbol, p.lang) for p in french.paragraphs} == {(SYMBOL, "fr")}
    # Where ODS served the PDF is the source: its paragraphs' links open at their page.
    pdf_address = f"{ods}/doc/undoc/gen/g25/001/23/pdf/g2500123.pdf"
    assert english.source_url == pdf_address
    assert (english.paragraphs[0].link or "").startswith(f"{pdf_address}#page=")
    assert french.source_url == access_url(ods, SYMBOL, "fr")
    assert DocumentSystem.asked == [(SYMBOL, "en"), (SYMBOL, "fr"), (SYMBOL, "ru")]


def test_a_web_page_instead_of_a_pdf_is_a_version_not_published(
    ods: str, generated_pdf: bytes
) -> None:
    serve(SYMBOL, "es", Answer(body=generated_pdf))
    serve(SYMBOL, "ar", Answer(body=WEB_PAGE, content_type="text/html; charset=utf-8"))
    # Told by its first bytes, whatever the content type claims.
    serve(SYMBOL, "zh", Answer(body=b"\n  " + WEB_PAGE.lower(), content_type="application/pdf"))
    fetched = fetch_one(ods, SYMBOL, ["ar", "zh", "es"])
    assert fetched.summary() == "A/HRC/58/19: es read; not published in Arabic or Chinese"


def test_a_real_un_pdf_is_read(ods: str) -> None:
    DocumentSystem.files["/doc/undoc/ltd/n25/266/12/pdf/n2526612.pdf"] = REAL.read_bytes()
    serve("A/C.6/80/L.2", "en", Answer(302, location="/doc/undoc/ltd/n25/266/12/pdf/n2526612.pdf"))
    fetched = fetch_one(ods, "A/C.6/80/L.2", ["en", "fr"])
    assert fetched.summary() == "A/C.6/80/L.2: en read; not published in French"
    (item,) = fetched.read
    assert (item.report.symbol, item.report.lang) == ("A/C.6/80/L.2", "en")
    assert any(
        "Argentine Agency for Accounting and Control of Nuclear Materials" in p.text
        for p in item.report.paragraphs
    )


def test_a_server_error_or_a_timeout_is_tried_again(
    ods: str, generated_pdf: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    serve(SYMBOL, "en", Answer(500, b"oops", "text/plain"), Answer(body=generated_pdf))
    serve(SYMBOL, "fr", Answer(hang=True), Answer(body=generated_pdf))
    # Too many requests: a wait, too, not a refusal.
    serve(SYMBOL, "es", Answer(429, b"slow down", "text/plain"), Answer(body=generated_pdf))
    with caplog.at_level(logging.WARNING):
        fetched = fetch_one(ods, SYMBOL, ["en", "fr", "es"], timeout=0.3)
    assert fetched.summary() == "A/HRC/58/19: en, fr, es read"
    assert DocumentSystem.asked == [(SYMBOL, lang) for lang in ("en", "fr", "es") for _ in "12"]
    assert [record.getMessage().split(" (http")[0] for record in caplog.records] == [
        "A/HRC/58/19 in English: HTTP 500 Internal Server Error",
        "A/HRC/58/19 in French: no answer in time (ReadTimeout)",
        "A/HRC/58/19 in Spanish: HTTP 429 Too Many Requests",
    ]


def test_a_server_that_keeps_failing_is_given_up_after_three_tries_with_backoff(
    ods: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    serve(SYMBOL, "en", Answer(503, b"busy", "text/plain"))
    with pytest.raises(IngestError) as raised:
        fetch_reports([SYMBOL], ["en"], base_url=ods, backoff=(2.0, 8.0))
    assert str(raised.value) == (
        f"A/HRC/58/19 in English: {access_url(ods, SYMBOL, 'en')} failed 3 times, the last with "
        "HTTP 503 Service Unavailable; try again later"
    )
    assert slept == [2.0, 8.0]
    assert len(DocumentSystem.asked) == 3


def test_a_hanging_server_is_given_up_in_the_time_allowed(ods: str) -> None:
    serve(SYMBOL, "en", Answer(hang=True))
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"failed 3 times, the last with no answer in time"):
        fetch_reports([SYMBOL], ["en"], base_url=ods, backoff=NO_WAIT, timeout=0.2)
    assert time.monotonic() - started < 3


def test_a_server_that_cannot_be_reached_is_an_error_after_three_tries() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}"
    with pytest.raises(IngestError, match=r"^A/HRC/58/19 in English: .* failed 3 times, the last"):
        fetch_reports([SYMBOL], ["en"], base_url=closed, backoff=NO_WAIT)


def test_a_refused_download_is_a_clear_error_at_once(ods: str) -> None:
    serve(SYMBOL, "en", Answer(403, b"<html>Forbidden</html>", "text/html"))
    with pytest.raises(IngestError) as raised:
        fetch_reports([SYMBOL], ["en"], base_url=ods, backoff=NO_WAIT)
    assert str(raised.value) == (
        f"A/HRC/58/19 in English: {access_url(ods, SYMBOL, 'en')} answered HTTP 403 Forbidden"
    )
    assert len(DocumentSystem.asked) == 1


def test_a_file_that_is_not_a_pdf_is_an_error_naming_the_version(ods: str) -> None:
    serve(SYMBOL, "ru", Answer(body=b"PK\x03\x04 a zip archive", content_type="application/zip"))
    with pytest.raises(IngestError) as raised:
        fetch_reports([SYMBOL], ["ru"], base_url=ods, backoff=NO_WAIT)
    assert str(raised.value) == (
        f"A/HRC/58/19 in Russian: {access_url(ods, SYMBOL, 'ru')} sent application/zip, not a PDF"
    )


def test_nothing_is_returned_unless_every_version_was_read_and_downloads_are_removed(
    ods: str, generated_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    serve(SYMBOL, "en", Answer(body=generated_pdf))
    serve(SYMBOL, "fr", Answer(body=write_scan(tmp_path / "scan.pdf").read_bytes()))
    (tmp_path / "scan.pdf").unlink()
    with pytest.raises(IngestError) as raised:
        fetch_reports([SYMBOL], ["en", "fr"], base_url=ods, backoff=NO_WAIT)
    assert str(raised.value).startswith(f"A/HRC/58/19 in French: {access_url(ods, SYMBOL, 'fr')}: ")
    assert list(tmp_path.iterdir()) == []


def test_a_symbol_published_in_none_of_the_languages_is_an_error(ods: str) -> None:
    with pytest.raises(IngestError) as raised:
        fetch_reports(["A/HRC/58/199"], ["en", "ru", "fr"], base_url=ods, backoff=NO_WAIT)
    assert str(raised.value) == (
        "A/HRC/58/199: not published in English, French, or Russian: nothing to index; "
        "is the symbol right?"
    )


def test_languages_are_tags_in_any_case_each_fetched_once_and_others_refused(
    ods: str, generated_pdf: bytes
) -> None:
    serve(SYMBOL, "zh", Answer(body=generated_pdf))
    fetch_one(ods, f" {SYMBOL} ", ["zh-Hans", "EN", "en_GB", "zh"])
    assert DocumentSystem.asked == [(SYMBOL, "zh"), (SYMBOL, "en")]
    with pytest.raises(IngestError, match=r"^--lang en,de: reports are in the UN's languages, ar,"):
        fetch_reports([SYMBOL], ["en", "de"], base_url=ods)


def test_several_symbols_are_one_batch_indexed_together_with_progress_per_version(
    ods: str, generated_pdf: bytes, library: Library
) -> None:
    # A symbol other than the masthead's is the one the report is indexed under.
    for symbol in (SYMBOL, "E/CN.6/2025/3"):
        serve(symbol, "en", Answer(body=generated_pdf))
    lines = io.StringIO()
    with Progress(4, stream=lines) as progress:
        fetched = fetch_reports(
            [SYMBOL, "E/CN.6/2025/3", SYMBOL],
            ["en", "ru"],
            base_url=f"{ods}/",
            backoff=NO_WAIT,
            progress=progress,
        )
    count = fetched[0].read[0].report.paragraph_count
    assert lines.getvalue().splitlines() == [
        f"read A/HRC/58/19 (en): {count} paragraphs from {access_url(ods, SYMBOL, 'en')}",
        "A/HRC/58/19: not published in Russian",
        f"read E/CN.6/2025/3 (en): {count} paragraphs from "
        f"{access_url(ods, 'E/CN.6/2025/3', 'en')}",
        "E/CN.6/2025/3: not published in Russian",
    ]
    with library.transaction() as batch:
        for result in fetched:
            for item in result.read:
                batch.add(item.report)
    assert {report.symbol for report in library.reports()} == {SYMBOL, "E/CN.6/2025/3"}
