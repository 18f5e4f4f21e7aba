"""Search quality on the labelled queries: the bot's ranking against a plain BM25 baseline.

`make quality` (`python -m tests.eval.quality`) prints paraHit@1, paraHit@5 and MRR for each
ranking side by side, for the tuning set and the held-out set apart (see queries.toml: the
search was tuned on the first, never on the second), each overall, per kind of query and per
language; `--misses` also lists the queries whose answer is not in the bot's first five. Every
ranking searches the same paragraphs, built into fresh indexes in a temporary folder: those each
set was judged over. The tuning set's are the bundled catalogue and the synthetic test reports
of `reports/` (catalogue.toml); the held-out set's are those and three real General Assembly
resolutions in English (real.toml, `reports/real/`).

A query is in one language (`lang`, English unless it says otherwise), and only its judged
paragraphs in that language answer it, or also in `answers_in` when it says (a cross-language
query over English-only documents). The bot searches as a chat in the query's language would:
the query's language detected, the chat's language (the query's) when the query does not tell.
"""

from __future__ import annotations

import argparse
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.query import Or, Term

from config.settings import DEFAULT_CATALOGUE
from index.ingest.catalogue import load_catalogue
from index.library import Library
from index.models import Report
from index.results import HYBRID, LEXICAL, SEMANTIC, Mode
from index.store.generations import Generations

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.toml"
TEST_CATALOGUE = HERE / "catalogue.toml"
REAL_CATALOGUE = HERE / "real.toml"
# What the bot shows: every figure is measured on these first results.
SHOWN = 5
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}

# The two sets of queries.toml, in the order they are printed.
SPLITS = ("tuning", "held-out")

# A ranking: the best paragraphs for a query, best first, as (citation, language).
Ranking = Callable[["LabelledQuery"], list[tuple[str, str]]]
# The rankings measured, by the name their columns have, side by side in that order: the bot's
# first, then the baselines.
Rankings = dict[str, Ranking]


@dataclass(frozen=True)
class LabelledQuery:
    text: str
    kind: str
    relevant: frozenset[str]  # citations: `A/HRC/TEST/1, para. 14`
    lang: str = "en"
    split: str = "tuning"
    answers_in: str | None = None  # another language whose paragraphs answer it

    def answered_in(self, lang: str) -> bool:
        """Whether the query's judged paragraphs answer it in this language."""
        return lang in (self.lang, self.answers_in)


@dataclass(frozen=True)
class Scores:
    queries: int
    hit_at_1: float
    hit_at_5: float
    mrr: float


def load_queries(path: Path = QUERIES) -> list[LabelledQuery]:
    with path.open("rb") as file:
        entries = tomllib.load(file)["query"]
    return [
        LabelledQuery(
            entry["text"],
            entry["kind"],
            frozenset(entry["relevant"]),
            entry.get("lang", "en"),
            entry["split"],
            entry.get("answers_in"),
        )
        for entry in entries
    ]


def first_relevant(ranked: Sequence[tuple[str, str]], query: LabelledQuery) -> int | None:
    """The 1-based rank of the first relevant paragraph among those shown, if any: one of the
    query's judged paragraphs, in a language that answers it."""
    return next(
        (
            rank
            for rank, (cited, lang) in enumerate(ranked[:SHOWN], 1)
            if cited in query.relevant and query.answered_in(lang)
        ),
        None,
    )


def score(queries: Sequence[LabelledQuery], ranking: Ranking) -> Scores:
    ranks = [first_relevant(ranking(query), query) for query in queries]
    count = len(ranks)
    return Scores(
        queries=count,
        hit_at_1=sum(rank == 1 for rank in ranks) / count,
        hit_at_5=sum(rank is not None for rank in ranks) / count,
        mrr=sum(1 / rank for rank in ranks if rank is not None) / count,
    )


def reports(split: str = "tuning") -> list[Report]:
    """The reports a set's queries were judged over (see the module's docstring)."""
    judged = load_catalogue(DEFAULT_CATALOGUE) + load_catalogue(TEST_CATALOGUE)
    return judged + load_catalogue(REAL_CATALOGUE) if split == "held-out" else judged


@contextmanager
def rankings(split: str = "tuning") -> Iterator[Rankings]:
    """The bot's ranking (words and meaning fused), each of its channels alone, and the plain
    BM25 baseline's, over indexes of the same paragraphs: those the `split` set was judged
    over."""
    every = reports(split)
    with tempfile.TemporaryDirectory(prefix="reportbot-quality-") as folder:
        library = indexed_library(Path(folder) / "index", every)
        try:
            baseline = _baseline_index(Path(folder) / "baseline", every)
            try:
                yield {
                    "bot": bot_ranking(library),
                    "words": bot_ranking(library, LEXICAL),
                    "meaning": bot_ranking(library, SEMANTIC),
                    "BM25": _baseline_ranking(baseline),
                }
            finally:
                for ix in baseline.values():
                    ix.close()
        finally:
            library.close()


def indexed_library(folder: Path, every: Sequence[Report], schema: Any | None = None) -> Library:
    """A library of `every` report in `folder`, indexed with the bot's schema, or with `schema`
    (an alternative to measure: see chinese.py)."""
    if schema is not None:
        with Generations(folder).next(start_empty=True) as generation:
            whoosh_index.create_in(str(generation), schema).close()
    library = Library(folder)
    try:
        with library.transaction() as batch:
            for report in every:
                batch.add(report)
    except BaseException:
        library.close()
        raise
    return library


def bot_ranking(library: Library, mode: Mode = HYBRID) -> Ranking:
    """The bot's search, as a chat in the query's language would search, in one `mode`."""

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        result = library.search(query.text, limit=SHOWN, fallback_lang=query.lang, mode=mode)
        return [(hit.paragraph.citation, hit.paragraph.lang) for hit in result.hits]

    return ranking


def _baseline_index(folder: Path, every: Sequence[Report]) -> dict[str, Any]:
    """Whoosh as it comes: the paragraph's text in a default TEXT field, scored by BM25F; an
    index per language, as the bot searches each language's paragraphs apart. A query searches
    its own language's only: plain BM25 never crosses languages."""
    indexes: dict[str, Any] = {}
    for report in every:
        if report.lang not in indexes:
            (folder / report.lang).mkdir(parents=True)
            schema = Schema(citation=ID(stored=True), body=TEXT())
            indexes[report.lang] = whoosh_index.create_in(str(folder / report.lang), schema)
        writer = indexes[report.lang].writer()
        for paragraph in report.paragraphs:
            writer.add_document(citation=paragraph.citation, body=paragraph.text)
        writer.commit()
    return indexes


def _baseline_ranking(indexes: dict[str, Any]) -> Ranking:
    analyzer = StandardAnalyzer()

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        words = Or([Term("body", token.text) for token in analyzer(query.text)])
        with indexes[query.lang].searcher() as searcher:
            found = searcher.search(words, limit=SHOWN)
            return [(hit["citation"], query.lang) for hit in found]

    return ranking


def _row(name: str, count: int, *scores: Scores) -> str:
    figures = " | ".join(f"{s.hit_at_1:.2f} | {s.hit_at_5:.2f} | {s.mrr:.2f}" for s in scores)
    return f"| {name} | {count} | {figures} |"


def _header(first: str, rankings: Rankings) -> list[str]:
    columns = [
        f"{name} {measure}" for name in rankings for measure in ("paraHit@1", "paraHit@5", "MRR")
    ]
    return [
        f"| {first} | count | {' | '.join(columns)} |",
        "|---" * (2 + len(columns)) + "|",
    ]


def _scored(name: str, queries: Sequence[LabelledQuery], rankings: Rankings) -> str:
    return _row(name, len(queries), *(score(queries, ranking) for ranking in rankings.values()))


def table(queries: Sequence[LabelledQuery], rankings: Rankings) -> list[str]:
    """A Markdown table: all queries, then each kind, then each language; the rankings' figures
    side by side."""
    lines = [*_header("queries", rankings), _scored("all", queries, rankings)]
    for kind in dict.fromkeys(query.kind for query in queries):
        of_kind = [query for query in queries if query.kind == kind]
        lines.append(_scored(kind, of_kind, rankings))
    for lang in dict.fromkeys(query.lang for query in queries):
        in_lang = [query for query in queries if query.lang == lang]
        lines.append(_scored(LANGUAGE_NAMES[lang], in_lang, rankings))
    return lines


def misses(queries: Sequence[LabelledQuery], bot: Ranking) -> list[str]:
    lines = []
    for query in queries:
        ranked = bot(query)
        if first_relevant(ranked, query) is None:
            lines.append(f"{query.split} {query.kind} ({query.lang}): {query.text!r} → {ranked}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--misses", action="store_true", help="list the queries missed")
    args = parser.parse_args(argv)
    queries = load_queries()
    overall: list[str] = []  # each set's overall figures, under one header
    tables: list[str] = []
    missed: list[str] = []
    for split in SPLITS:
        in_split = [query for query in queries if query.split == split]
        with rankings(split) as measured:
            overall = overall or _header("set", measured)
            overall.append(_scored(split, in_split, measured))
            tables += ["", f"{split} ({len(in_split)} queries):", *table(in_split, measured)]
            if args.misses:
                missed += misses(in_split, measured["bot"])
    lines = overall + tables
    if args.misses:
        lines += ["", "Missed by the bot:", *(missed or ["none"])]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
