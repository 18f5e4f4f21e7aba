"""The catalogue of bundled reports (`config/catalogue.toml`) and its ingestion.

Each entry names a report file in any supported format and gives its metadata, which is taken
as it is: the catalogue is the operator's word on what the report is.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from index.errors import IngestError
from index.ingest.formats import read_document
from index.ingest.paragraphs import parse_document
from index.language.official import LANGUAGES
from index.models import Report
from index.tomlfile import read_toml

_REQUIRED = ("path", "symbol", "title")
_METADATA = ("symbol", "lang", "title", "date", "body", "session", "agenda_item", "source_url")


def load_catalogue(path: Path) -> list[Report]:
    """Every `[[report]]` of the catalogue at `path`, parsed from its text file.

    Text paths are relative to the catalogue. Raises IngestError for an unreadable catalogue or
    text, bad TOML, missing or unknown fields, duplicates, and a text with no numbered paragraph.
    """
    data = read_toml(path, "catalogue", IngestError)
    entries = data.get("report", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise IngestError(f"{path}: `report` must be an array of tables, [[report]]")
    reports = [_load_entry(path, number, entry) for number, entry in enumerate(entries, start=1)]
    seen: set[tuple[str, str]] = set()
    for report in reports:
        key = (report.symbol, report.lang)
        if key in seen:
            raise IngestError(f"{path}: {report.symbol} ({report.lang}) is listed twice")
        seen.add(key)
    return reports


def _load_entry(catalogue: Path, number: int, entry: dict[str, object]) -> Report:
    where = f"{catalogue}, report #{number}"
    missing = [name for name in _REQUIRED if name not in entry]
    if missing:
        raise IngestError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(entry) - {"path", *_METADATA})
    if unknown:
        raise IngestError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if not isinstance(entry["path"], str):
        raise IngestError(f"{where}: `path` must be a string")
    try:
        meta = Report.model_validate({name: entry[name] for name in _METADATA if name in entry})
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise IngestError(f"{where}: {problems}") from error
    if meta.lang not in LANGUAGES:
        raise IngestError(f"{where}: `lang` must be one of {', '.join(LANGUAGES)}")
    path = catalogue.parent / entry["path"]
    report = parse_document(read_document(path), meta)
    if not report.paragraphs:
        raise IngestError(f"{path}: no paragraphs found in the text of {meta.symbol}")
    return report
