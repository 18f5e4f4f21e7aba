"""Reports by symbol, fetched from the UN's Official Document System (ODS) in the languages asked.

ODS serves `/api/symbol/access?s=SYMBOL&l=LANG&t=pdf` as the PDF of that language version, after
a redirect to where the file is kept. A version it does not have comes back as a 404 or, as
often, as a web page with status 200; so what came back is told by its first bytes, not by the
status or the content type. Every version is read before anything is returned, and a version
that cannot be read is an error: the caller indexes all of them in one transaction, or none.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
from babel import Locale
from babel.lists import format_list

from index.errors import IngestError
from index.ingest.files import Ingested, InputFile, Overrides, read_reports, save_download
from index.ingest.progress import Progress
from index.language.official import LANGUAGES, official_language

log = logging.getLogger(__name__)

ACCESS_PATH = "/api/symbol/access"
# Seconds without a byte from ODS before a try is given up; a large PDF still streams in.
TIMEOUT = 60.0
# Seconds to wait before the second and the third try after a 5xx, a 429, a timeout or a broken
# connection: ODS, when busy, takes seconds to recover, and a whole fetch should not fail on one.
BACKOFF = (2.0, 8.0)

# Acrobat's rule, which real files rely on: `%PDF-` may stand anywhere in the first kilobyte.
_PDF_MAGIC = b"%PDF-"
_HEAD = 1024
_HTML_STARTS = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class Fetched:
    """One symbol's language versions: those read (in the UN's order of languages) and the
    languages it is not published in. A version's `source.name` is where ODS served it; its
    `source.path`, a temporary file, is gone."""

    symbol: str
    read: tuple[Ingested, ...]
    not_published: tuple[str, ...]

    def summary(self) -> str:
        """`A/HRC/58/19: en, fr read; not published in Russian`."""
        parts = []
        if self.read:
            parts.append(", ".join(item.report.lang for item in self.read) + " read")
        if self.not_published:
            parts.append(f"not published in {language_names(self.not_published)}")
        return f"{self.symbol}: {'; '.join(parts)}"


def fetch_reports(
    symbols: Iterable[str],
    langs: Iterable[str] = LANGUAGES,
    *,
    base_url: str,
    timeout: float = TIMEOUT,
    backoff: Sequence[float] = BACKOFF,
    progress: Progress | None = None,
) -> list[Fetched]:
    """Each symbol's versions in `langs` (codes or tags: `en`, `FR`, `zh-Hans`), downloaded from
    the ODS at `base_url` and read with the symbol and language asked for, whatever the masthead
    says. A failed try is retried after each of `backoff`'s delays in turn.

    Raises IngestError, and returns nothing, when a download fails for good (another 4xx, or
    every try failed), a download is neither a PDF nor a web page, a version cannot be read, or a
    symbol is published in none of `langs`. Downloads go to a temporary folder, removed after.
    """
    wanted = _languages(langs)
    asked = dict.fromkeys(symbol.strip() for symbol in symbols if symbol.strip())
    fetched: list[Fetched] = []
    with (
        tempfile.TemporaryDirectory(prefix="reportbot-fetch-") as folder,
        httpx.Client(
            follow_redirects=True, timeout=timeout, headers={"Accept": "application/pdf"}
        ) as client,
    ):
        for symbol in asked:
            read: list[Ingested] = []
            missing: list[str] = []
            for lang in wanted:
                if progress is not None:
                    progress.working_on(f"{symbol} ({lang})")
                version = f"{symbol} in {language_names([lang])}"
                # Each version is read before the next is downloaded: one file at a time.
                path = Path(folder) / "version.pdf"
                url = access_url(base_url, symbol, lang)
                served_at = _download(client, url, path, backoff, version)
                if served_at is None:
                    missing.append(lang)
                    line = f"{symbol}: not published in {language_names([lang])}"
                else:
                    read.append(_read(InputFile(path, served_at), symbol, lang, version))
                    line = f"read {read[-1].description}"
                if progress is not None:
                    progress.done(line)
            result = Fetched(symbol, tuple(read), tuple(missing))
            if not read:
                raise IngestError(f"{result.summary()}: nothing to index; is the symbol right?")
            fetched.append(result)
    return fetched


def access_url(base_url: str, symbol: str, lang: str) -> str:
    """ODS's address for `symbol` in `lang`, as a PDF, with the symbol's slashes left readable."""
    return f"{base_url.rstrip('/')}{ACCESS_PATH}?s={quote(symbol, safe='/')}&l={lang}&t=pdf"


def language_names(langs: Iterable[str]) -> str:
    """`Arabic, Chinese, or Russian`: the languages' English names, for the command line."""
    names = Locale("en").languages
    return format_list([names[lang] for lang in langs], style="or", locale="en")


def _languages(langs: Iterable[str]) -> list[str]:
    """The official languages asked for, each once, in the UN's order."""
    given = list(langs)
    codes = {official_language(tag) for tag in given}
    if None in codes or not codes:
        raise IngestError(
            f"--lang {','.join(given)}: reports are in the UN's languages, {', '.join(LANGUAGES)}"
        )
    return [lang for lang in LANGUAGES if lang in codes]


def _read(source: InputFile, symbol: str, lang: str, version: str) -> Ingested:
    """The version in `source`, its symbol and language the ones asked for: a Russian PDF whose
    masthead reads as English, or names its symbol oddly, is still the Russian A/HRC/58/19."""
    try:
        (item,) = read_reports([source], Overrides(symbol=symbol, lang=lang))
    except IngestError as error:
        raise IngestError(f"{version}: {error}") from error
    return item


class _TryAgain(Exception):
    """A failure that may pass: the server's (5xx, 429) or the network's."""


def _download(
    client: httpx.Client, url: str, path: Path, backoff: Sequence[float], version: str
) -> str | None:
    """Saves the PDF at `url` in `path` and gives the address it was served at, or None when ODS
    does not publish it; a failure that may pass is tried again after each of `backoff`'s
    delays. Raises IngestError naming `version` and `url`."""
    delays = iter(backoff)
    while True:
        try:
            return _try_download(client, url, path, version)
        except _TryAgain as error:
            delay = next(delays, None)
            if delay is None:
                raise IngestError(
                    f"{version}: {url} failed {len(backoff) + 1} times, the last with {error}; "
                    "try again later"
                ) from error
            log.warning("%s: %s (%s); trying again in %g s", version, error, url, delay)
            time.sleep(delay)


def _try_download(client: httpx.Client, url: str, path: Path, version: str) -> str | None:
    try:
        with client.stream("GET", url) as response:
            status = f"HTTP {response.status_code} {response.reason_phrase}"
            if response.status_code == httpx.codes.NOT_FOUND:
                return None
            if response.status_code >= 500 or response.status_code == httpx.codes.TOO_MANY_REQUESTS:
                raise _TryAgain(status)
            if response.status_code >= 400:
                raise IngestError(f"{version}: {url} answered {status}")
            save_download(response, path, url)
            served_at = str(response.url)
            content_type = response.headers.get("content-type", "no content type").lower()
    except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as error:
        raise _TryAgain(_network_failure(error)) from error
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise IngestError(f"{version}: {url} failed ({reason})") from error
    with path.open("rb") as file:
        head = file.read(_HEAD)
    if _PDF_MAGIC in head:
        return served_at
    if content_type.startswith("text/html") or head.lstrip().lower().startswith(_HTML_STARTS):
        return None
    raise IngestError(f"{version}: {url} sent {content_type}, not a PDF")


def _network_failure(error: httpx.TransportError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"no answer in time ({type(error).__name__})"
    return str(error) or type(error).__name__
