"""Reports from files, folders and web addresses: read, their metadata found, parsed.

Nothing here touches the index: a batch is read and parsed whole first, so that the caller adds
all of it or, when one file fails, none of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from index.errors import IngestError
from index.ingest.catalogue import load_catalogue
from index.ingest.formats import SUPPORTED_SUFFIXES, read_document
from index.ingest.metadata import detect_metadata, document_language
from index.ingest.paragraphs import parse_document
from index.ingest.progress import Progress
from index.language.official import ENGLISH, LANGUAGES, official_language
from index.models import Report

CATALOGUE_SUFFIX = ".toml"


# What a server may call a report, for an address whose path has no known suffix.
_CONTENT_TYPES = {
    "application/pdf": ".pdf",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
}
_DOWNLOAD_TIMEOUT = 60.0
_MAX_DOWNLOAD_BYTES = 200 * 2**20


@dataclass(frozen=True)
class Overrides:
    """Metadata given by hand, which wins over what a report's front matter says."""

    symbol: str | None = None
    lang: str | None = None
    url: str | None = None
    title: str | None = None
    date: dt.date | None = None

    def given(self) -> list[str]:
        return [name for name, value in vars(self).items() if value is not None]


@dataclass(frozen=True)
class InputFile:
    """A file to read, and the address it was downloaded from, if it was."""

    path: Path
    url: str | None = None

    @property
    def name(self) -> str:
        return self.url or str(self.path)


@dataclass(frozen=True)
class Ingested:
    """A report read, the file it came from, and what the reader could not tell for sure in it
    (each warning names the report and the page)."""

    report: Report
    source: InputFile
    warnings: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """`A/HRC/58/19 (en): 42 paragraphs from PATH`, for the lines an ingest prints."""
        report = self.report
        return (
            f"{report.symbol} ({report.lang}): {report.paragraph_count} paragraphs "
            f"from {self.source.name}"
        )


def collect_paths(targets: Iterable[str | Path], download_dir: Path) -> list[InputFile]:
    """The files to read: files as given, folders' report files (recursively, sorted), and
    `http(s)://` addresses downloaded into `download_dir`. Raises IngestError for a missing
    path, a folder without reports, or a failed download."""
    sources: list[InputFile] = []
    for target in targets:
        text = str(target)
        if text.startswith(("http://", "https://")):
            sources.append(_download(text, download_dir, len(sources)))
            continue
        path = Path(target)
        if path.is_dir():
            found = _report_files(path)
            if not found:
                suffixes = ", ".join(SUPPORTED_SUFFIXES)
                raise IngestError(f"{path}: no report files ({suffixes}) in this folder")
            sources += [InputFile(file) for file in found]
        elif path.is_file():
            sources.append(InputFile(path))
        else:
            raise IngestError(f"{path}: no such file or folder")
    return sources


def read_reports(
    sources: Sequence[InputFile],
    overrides: Overrides | None = None,
    progress: Progress | None = None,
    *,
    strict: bool = False,
) -> list[Ingested]:
    """Every source read and parsed (a catalogue gives its reports), or an IngestError for the
    first that fails; `overrides` apply to every report file; `progress` is told of each
    source, for reading a batch of PDFs takes a while. What the reader could not tell for sure
    is in each one's `warnings`; `strict` makes the first such warning an IngestError.

    A symbol names one report, so `overrides.symbol` with several files is refused; a catalogue
    carries its own metadata, so no override applies to it; one report twice is refused.
    """
    overrides = overrides or Overrides()
    if overrides.symbol and len(sources) > 1:
        raise IngestError(
            f"--symbol {overrides.symbol} names one report, but {len(sources)} files were "
            "given; ingest them one at a time, or let each file's own symbol be found"
        )
    if overrides.given() and any(_is_catalogue(source) for source in sources):
        flags = ", ".join(f"--{name}" for name in overrides.given())
        raise IngestError(f"{flags} cannot apply to a catalogue: its entries carry their own")
    ingested: list[Ingested] = []
    for source in sources:
        if progress is not None:
            progress.working_on(source.name)
        if _is_catalogue(source):
            read = [Ingested(report, source) for report in load_catalogue(source.path)]
        else:
            warnings: list[str] = []
            report = _read_source(source, overrides, warnings)
            if strict and warnings:
                raise IngestError(f"{source.name}: {warnings[0]} (strict)")
            read = [Ingested(report, source, tuple(warnings))]
        ingested += read
        if progress is not None:
            progress.done("\n".join(f"read {item.description}" for item in read))
    seen: dict[tuple[str, str], InputFile] = {}
    for item in ingested:
        key = (item.report.symbol, item.report.lang)
        if key in seen:
            raise IngestError(
                f"{item.report.symbol} ({item.report.lang}) is in both {seen[key].name} "
                f"and {item.source.name}"
            )
        seen[key] = item.source
    return ingested


def read_report(
    path: Path, overrides: Overrides | None = None, warnings: list[str] | None = None
) -> Report:
    """The report in `path`, read by its suffix's reader, with metadata from its front matter
    where `overrides` do not give it. Raises IngestError naming the file and the reason; what
    the reader could not tell for sure is appended to `warnings`."""
    overrides = overrides or Overrides()
    lang = official_language(overrides.lang)
    if overrides.lang and lang is None:
        raise IngestError(
            f"--lang {overrides.lang}: reports are in one of the UN's languages, "
            f"{', '.join(LANGUAGES)}"
        )
    document = read_document(path)
    found = detect_metadata(document.front_matter)
    symbol = overrides.symbol or found.symbol
    if not symbol:
        raise IngestError(f"no UN symbol found in {path}; pass --symbol (e.g. A/HRC/58/19)")
    meta = Report(
        symbol=symbol,
        lang=lang or found.lang or document_language(document.text) or ENGLISH,
        title=overrides.title or found.title or symbol,
        date=overrides.date or found.date,
        body=found.body,
        session=found.session,
        agenda_item=found.agenda_item,
        committee=found.committee,
        source_url=overrides.url or found.source_url,
    )
    report = parse_document(document, meta, warnings)
    # A preamble, and a text that numbers nothing, are read as paragraphs: only a document
    # without text (a page of nothing but its masthead) has nothing to cite.
    if not report.paragraphs:
        raise IngestError(f"{path}: no paragraphs found in the text of {symbol}")
    return report


def save_download(response: httpx.Response, path: Path, url: str) -> None:
    """Writes a streamed response's body to `path`, refusing one too big to be a report rather
    than filling the disk. Raises IngestError naming `url`; httpx.HTTPError as the body comes."""
    size = 0
    with path.open("wb") as file:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > _MAX_DOWNLOAD_BYTES:
                raise IngestError(
                    f"{url}: larger than {_MAX_DOWNLOAD_BYTES // 2**20} MB; "
                    "download it and ingest the file"
                )
            file.write(chunk)


def _read_source(source: InputFile, overrides: Overrides, warnings: list[str]) -> Report:
    if source.url is None:
        return read_report(source.path, overrides, warnings)
    # The address it came from is where its paragraphs are read, unless --url says otherwise.
    try:
        return read_report(
            source.path, replace(overrides, url=overrides.url or source.url), warnings
        )
    except IngestError as error:
        # Name the address, not the temporary file it was saved to.
        raise IngestError(str(error).replace(str(source.path), source.url)) from error


def _is_catalogue(source: InputFile) -> bool:
    return source.url is None and source.path.suffix.lower() == CATALOGUE_SUFFIX


def _report_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        # Hidden files, and the lock files Word leaves beside an open document (`~$report.docx`).
        and not any(part.startswith((".", "~$")) for part in path.relative_to(folder).parts)
    )


def _download(url: str, download_dir: Path, number: int) -> InputFile:
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=_DOWNLOAD_TIMEOUT) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise IngestError(
                    f"{url}: download failed (HTTP {response.status_code} {response.reason_phrase})"
                )
            suffix = _suffix(str(response.url), response.headers.get("content-type", ""))
            if suffix is None:
                content_type = response.headers.get("content-type", "no content type")
                raise IngestError(
                    f"{url}: not a report file ({content_type}); reports can be "
                    f"{', '.join(SUPPORTED_SUFFIXES)}"
                )
            path = download_dir / f"download-{number + 1}{suffix}"
            save_download(response, path, url)
    except httpx.HTTPError as error:
        raise IngestError(f"{url}: download failed ({error or type(error).__name__})") from error
    return InputFile(path, url)


def _suffix(url: str, content_type: str) -> str | None:
    """The reader for a download: its address's suffix, else its content type's."""
    suffix = Path(unquote(urlsplit(url).path)).suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return suffix
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
