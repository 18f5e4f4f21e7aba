"""Reading reports: dispatch by format, metadata found or given, folders, and downloads."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from index.errors import IngestError
from index.ingest.files import (
    InputFile,
    Overrides,
    collect_paths,
    read_report,
    read_reports,
)
from index.ingest.formats import SUPPORTED_SUFFIXES
from index.ingest.formats.text import read_text
from index.ingest.metadata import detect_metadata
from index.ingest.progress import Progress
from index.models import UNNUMBERED, Report
from tests.index.ingest.formats.un_docx import write_report as write_docx
from tests.index.ingest.formats.un_pdf import write_report as write_pdf
from tests.index.ingest.formats.web_pages import CANONICAL, RELIEFWEB_PAGE
from tests.index.samples import CATALOGUE, SAMPLE_SYMBOL, SAMPLE_TEXT

TEXT = """\
United Nations
A/79/123
General Assembly
Distr.: General
1 July 2024
Original: English
Seventy-ninth session
Item 69 (a) of the preliminary list
Promotion and protection of the rights of children
Rights of the child

Summary

A summary.

I. Introduction

1. Birth registration protects children.

2. Registration must be free.
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_text_report_gets_the_metadata_its_masthead_states(tmp_path: Path) -> None:
    path = write(tmp_path / "a79.txt", TEXT)
    report = read_report(path)
    found = detect_metadata(read_text(path).front_matter)
    assert found.symbol is not None
    assert found.title is not None
    assert (report.symbol, report.title, report.date) == (found.symbol, found.title, found.date)
    assert (report.body, report.session, report.agenda_item) == (
        found.body,
        found.session,
        found.agenda_item,
    )
    assert [p.number for p in report.paragraphs] == [1, 2]
    assert report.paragraph_count == 2


def test_each_format_is_read_by_its_reader(tmp_path: Path) -> None:
    files = {
        ".txt": write(tmp_path / "a.txt", SAMPLE_TEXT.read_text(encoding="utf-8")),
        ".md": write(tmp_path / "a.md", "# Report (A/HRC/1/1)\n\n## I. Scope\n\n1\\. *One*.\n"),
        ".html": write(tmp_path / "a.html", RELIEFWEB_PAGE),
        ".htm": write(tmp_path / "a.htm", RELIEFWEB_PAGE),
        ".docx": write_docx(tmp_path / "a.docx"),
        ".pdf": write_pdf(tmp_path / "a.pdf"),
    }
    assert sorted(files) == sorted(SUPPORTED_SUFFIXES)
    reports = {suffix: read_report(path) for suffix, path in files.items()}
    assert {suffix: r.symbol for suffix, r in reports.items()} == {
        ".txt": SAMPLE_SYMBOL,
        ".md": "A/HRC/1/1",
        ".html": SAMPLE_SYMBOL,
        ".htm": SAMPLE_SYMBOL,
        ".docx": SAMPLE_SYMBOL,
        ".pdf": SAMPLE_SYMBOL,
    }
    assert reports[".md"].paragraphs[0].text == "One."
    assert reports[".html"].source_url == CANONICAL
    assert all(report.paragraphs for report in reports.values())


def test_a_suffix_in_capitals_is_the_same_format(tmp_path: Path) -> None:
    path = write(tmp_path / "A79.TXT", TEXT)
    assert read_report(path).symbol == "A/79/123"


def test_given_metadata_wins_over_what_the_report_says(tmp_path: Path) -> None:
    path = write(tmp_path / "a79.txt", TEXT)
    overrides = Overrides(
        symbol="A/79/123/Corr.1",
        lang="fr",
        url="https://example.org/r",
        title="Given title",
        date=dt.date(2020, 2, 2),
    )
    report = read_report(path, overrides)
    assert (report.symbol, report.lang, report.title, report.date) == (
        "A/79/123/Corr.1",
        "fr",
        "Given title",
        dt.date(2020, 2, 2),
    )
    assert report.source_url == "https://example.org/r"
    assert {(p.symbol, p.lang) for p in report.paragraphs} == {("A/79/123/Corr.1", "fr")}
    assert all((p.link or "").startswith("https://example.org/r#") for p in report.paragraphs)


@pytest.mark.parametrize(("given", "lang"), [("RU", "ru"), ("zh-Hans", "zh"), ("es_ES", "es")])
def test_a_language_flag_is_read_as_a_language_tag(tmp_path: Path, given: str, lang: str) -> None:
    path = write(tmp_path / "a79.txt", TEXT)
    assert read_report(path, Overrides(lang=given)).lang == lang


def test_a_language_other_than_the_uns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "a79.txt", TEXT)
    with pytest.raises(IngestError, match="--lang de: reports are in one of the UN's languages"):
        read_report(path, Overrides(lang="de"))


def test_without_a_symbol_found_or_given_it_says_to_pass_one(tmp_path: Path) -> None:
    path = write(tmp_path / "r.txt", "I. Scope\n\n1. Birth registration.\n")
    with pytest.raises(
        IngestError, match=re.escape(f"no UN symbol found in {path}; pass --symbol")
    ):
        read_report(path)
    report = read_report(path, Overrides(symbol="A/TEST/1"))
    # With no title anywhere, the symbol is the title.
    assert (report.symbol, report.title, report.lang) == ("A/TEST/1", "A/TEST/1", "en")


def test_when_the_front_matter_does_not_tell_the_text_gives_the_language(tmp_path: Path) -> None:
    text = "A/HRC/1/1\n\nI. Введение\n\n1. Специальный представитель посетила регион.\n"
    assert read_report(write(tmp_path / "ru.txt", text)).lang == "ru"


def test_text_without_numbers_is_read_and_only_a_report_without_text_is_refused(
    tmp_path: Path,
) -> None:
    prose = read_report(write(tmp_path / "r.txt", "A/HRC/1/1\n\nJust some prose.\n"))
    assert [(p.kind, p.number, p.text) for p in prose.paragraphs] == [
        (UNNUMBERED, 1, "Just some prose.")
    ]
    assert prose.paragraphs[0].citation == "A/HRC/1/1, first paragraph"
    path = write(tmp_path / "empty.txt", "A/HRC/1/1\n")
    with pytest.raises(IngestError, match=re.escape(f"{path}: no paragraphs found")):
        read_report(path)


def test_an_unknown_suffix_names_the_supported_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "report.rtf", "{\\rtf1 1. Text}")
    with pytest.raises(IngestError) as raised:
        read_report(path)
    message = str(raised.value)
    assert str(path) in message
    assert ".rtf" in message
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


def test_folders_give_their_report_files_recursively_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    expected = [
        write(folder / "a.txt", TEXT),
        write(folder / "b" / "c.html", RELIEFWEB_PAGE),
        write(folder / "b" / "d.MD", "x"),
        write(folder / "e.pdf", b"%PDF"),
    ]
    write(folder / "notes.rtf", "not a report")
    write(folder / ".hidden" / "f.txt", "hidden")
    write(folder / "~$open.docx", b"Word's lock file")
    single = write(tmp_path / "single.txt", TEXT)
    sources = collect_paths([single, folder], tmp_path / "downloads")
    assert sources == [InputFile(single), *(InputFile(path) for path in sorted(expected))]


def test_a_missing_path_or_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file or folder"):
        collect_paths([tmp_path / "gone.pdf"], tmp_path)
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "readme.rtf", "no report here")
    with pytest.raises(IngestError, match="no report files"):
        collect_paths([tmp_path / "empty"], tmp_path)


def test_a_symbol_given_for_several_files_is_refused(tmp_path: Path) -> None:
    sources = [InputFile(write(tmp_path / f"{n}.txt", TEXT)) for n in (1, 2)]
    with pytest.raises(IngestError, match="--symbol A/1 names one report, but 2 files"):
        read_reports(sources, Overrides(symbol="A/1"))


def test_the_same_report_twice_in_a_batch_is_refused(tmp_path: Path) -> None:
    sources = [InputFile(write(tmp_path / f"{n}.txt", TEXT)) for n in (1, 2)]
    with pytest.raises(IngestError, match=r"A/79/123 \(en\) is in both .*1.txt and .*2.txt"):
        read_reports(sources)


def test_reading_says_what_each_source_gave(tmp_path: Path, sample: Report) -> None:
    text = write(tmp_path / "a79.txt", TEXT)
    lines = io.StringIO()
    with Progress(2, stream=lines) as progress:
        read_reports([InputFile(text), InputFile(CATALOGUE)], progress=progress)
    assert lines.getvalue().splitlines() == [
        f"read A/79/123 (en): 2 paragraphs from {text}",
        f"read {SAMPLE_SYMBOL} (en): {sample.paragraph_count} paragraphs from {CATALOGUE}",
    ]


def test_a_catalogue_gives_its_reports_and_takes_no_flags(tmp_path: Path) -> None:
    (ingested,) = read_reports([InputFile(CATALOGUE)])
    assert (ingested.report.symbol, ingested.source.path) == (SAMPLE_SYMBOL, CATALOGUE)
    with pytest.raises(IngestError, match="--title cannot apply to a catalogue"):
        read_reports([InputFile(CATALOGUE)], Overrides(title="x"))


# Downloads, from a server on loopback.


class _Site(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        if self.path.startswith("/moved"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/moved"))
            self.end_headers()
            return
        if self.path not in self.pages:
            self.send_error(404, "Not Found")
            return
        content_type, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests say what matters."""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    _Site.pages = {
        "/report/world/a-hrc-58-19": ("text/html; charset=utf-8", RELIEFWEB_PAGE.encode()),
        "/files/A_79_123.txt": ("application/octet-stream", TEXT.encode()),
        "/files/report.pdf": ("application/pdf", write_pdf(tmp_path / "served.pdf").read_bytes()),
        "/archive": ("application/zip", b"PK\x03\x04"),
        "/broken.html": ("text/html", b"<html><body><nav>only a menu</nav></body></html>"),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_address_is_downloaded_and_read_with_its_address_as_source(
    site: str, tmp_path: Path
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    urls = [f"{site}/report/world/a-hrc-58-19", f"{site}/files/A_79_123.txt"]
    sources = collect_paths(urls, downloads)
    # No suffix in the first address: the content type says it is a web page.
    assert [(source.url, source.path.suffix) for source in sources] == [
        (urls[0], ".html"),
        (urls[1], ".txt"),
    ]
    reports = [item.report for item in read_reports(sources)]
    assert [(r.symbol, r.source_url) for r in reports] == [
        (SAMPLE_SYMBOL, urls[0]),
        ("A/79/123", urls[1]),
    ]
    assert (reports[0].paragraphs[0].link or "").startswith(f"{urls[0]}#:~:text=")


def test_a_downloaded_pdf_and_a_redirect(site: str, tmp_path: Path) -> None:
    url = f"{site}/moved/files/report.pdf"
    (source,) = collect_paths([url], tmp_path)
    (ingested,) = read_reports([source], Overrides(url="https://docs.un.org/en/A/HRC/58/19"))
    assert ingested.report.symbol == SAMPLE_SYMBOL
    assert ingested.report.source_url == "https://docs.un.org/en/A/HRC/58/19"
    assert ingested.source.name == url


def test_a_failed_download_is_an_error_naming_the_address(site: str, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"/missing.pdf: download failed \(HTTP 404"):
        collect_paths([f"{site}/missing.pdf"], tmp_path)
    with pytest.raises(IngestError, match=r"/archive: not a report file \(application/zip\)"):
        collect_paths([f"{site}/archive"], tmp_path)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}/report.pdf"
    with pytest.raises(IngestError, match=re.escape(f"{closed}: download failed")):
        collect_paths([closed], tmp_path)


def test_an_unreadable_download_is_named_by_its_address(site: str, tmp_path: Path) -> None:
    url = f"{site}/broken.html"
    sources = collect_paths([url], tmp_path)
    with pytest.raises(IngestError) as raised:
        read_reports(sources)
    assert str(raised.value).startswith(f"{url}: no text found")
    assert str(tmp_path) not in str(raised.value)


def test_reading_a_folder_copy_of_the_bundled_report(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    shutil.copy(SAMPLE_TEXT, folder / "en.txt")
    (ingested,) = read_reports(collect_paths([folder], tmp_path))
    # The text alone, without the catalogue's metadata, gives the same report.
    (catalogued,) = read_reports([InputFile(CATALOGUE)])
    expected = catalogued.report.model_dump(exclude={"source_url", "paragraphs"})
    assert ingested.report.model_dump(exclude={"source_url", "paragraphs"}) == expected
    assert [p.text for p in ingested.report.paragraphs] == [
        p.text for p in catalogued.report.paragraphs
    ]
