"""Report ingestion, the Whoosh index, search and summaries. Knows nothing of Telegram.

This is the package's public face: the bot (and anything else outside `index`) imports from
here only, so that the stages below (`ingest`, `language`, `search`, `store`, `whoosh_internals`)
can change shape without it noticing. The import contracts in pyproject.toml check it.
"""

from index.citation import reference
from index.cross_references import Resolved, resolve_references
from index.errors import IndexUnavailable, IngestBusy, IngestError
from index.export import FORMATS, WRITERS, UnknownReports, export_rows
from index.ingest.catalogue import load_catalogue
from index.ingest.files import Ingested, InputFile, Overrides, collect_paths, read_reports
from index.ingest.formats import SUPPORTED_SUFFIXES
from index.ingest.official_documents import Fetched, fetch_reports
from index.ingest.progress import BAR_FROM_PARAGRAPHS, Encoding, Progress
from index.language.official import ENGLISH, LANGUAGES, official_language
from index.library import Library, open_library
from index.links import paragraph_link
from index.models import (
    NUMBERED,
    PARAGRAPH_KINDS,
    PREAMBULAR,
    UNNUMBERED,
    Paragraph,
    ParagraphKind,
    Report,
    part_name,
)
from index.references.reader import Reference, document_url, read_references
from index.results import (
    BOTH,
    HYBRID,
    LEXICAL,
    MATCHES,
    MEANING,
    MODES,
    PREFIX_CUT,
    SEMANTIC,
    WORDS,
    Hit,
    Match,
    Mode,
    SearchResult,
    Segment,
    Summary,
)
from index.search.clauses import PREFIX_WORDS
from index.search.syntax import MAX_CLAUSES, MAX_DEPTH, MAX_PHRASE_WORDS, MIN_PREFIX, Note
from index.store.transactions import BULK_FROM
from index.topics import TOPIC_CLOSENESS, TOPIC_DEPTH, topic_hits

__all__ = [
    "BAR_FROM_PARAGRAPHS",
    "BOTH",
    "BULK_FROM",
    "ENGLISH",
    "FORMATS",
    "HYBRID",
    "LANGUAGES",
    "LEXICAL",
    "MATCHES",
    "MAX_CLAUSES",
    "MAX_DEPTH",
    "MAX_PHRASE_WORDS",
    "MEANING",
    "MIN_PREFIX",
    "MODES",
    "NUMBERED",
    "PARAGRAPH_KINDS",
    "PREAMBULAR",
    "PREFIX_CUT",
    "PREFIX_WORDS",
    "SEMANTIC",
    "SUPPORTED_SUFFIXES",
    "TOPIC_CLOSENESS",
    "TOPIC_DEPTH",
    "UNNUMBERED",
    "WORDS",
    "WRITERS",
    "Encoding",
    "Fetched",
    "Hit",
    "IndexUnavailable",
    "IngestBusy",
    "IngestError",
    "Ingested",
    "InputFile",
    "Library",
    "Match",
    "Mode",
    "Note",
    "Overrides",
    "Paragraph",
    "ParagraphKind",
    "Progress",
    "Reference",
    "Report",
    "Resolved",
    "SearchResult",
    "Segment",
    "Summary",
    "UnknownReports",
    "collect_paths",
    "document_url",
    "export_rows",
    "fetch_reports",
    "load_catalogue",
    "official_language",
    "open_library",
    "paragraph_link",
    "part_name",
    "read_references",
    "read_reports",
    "reference",
    "resolve_references",
    "topic_hits",
]
