"""How well a followed topic is matched to new reports: the threshold of index/topics.py.

`python -m tests.eval.topics` asks each labelled query (queries.toml) of every report its set
was judged over, as a followed topic is asked of a report just published, and counts a report as
on the topic when a paragraph of it is found on the topic (index.topics.topic_hits). A report
truly is when one of the query's judged paragraphs is in it. Precision, recall and F1 of those
decisions are printed for each closeness tried, for the tuning set and the held-out set apart:
the threshold is chosen on the first only.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.library import Library
from index.topics import topic_hits
from tests.eval.quality import SPLITS, LabelledQuery, indexed_library, load_queries, reports

TRIED = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 1.01)


@dataclass(frozen=True)
class Decisions:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0


def truly_on_topic(query: LabelledQuery, symbol: str) -> bool:
    return any(cited.startswith(f"{symbol}, ") for cited in query.relevant)


def decisions(
    library: Library, queries: Sequence[LabelledQuery], symbols: Sequence[str], closeness: float
) -> Decisions:
    found = right = relevant = 0
    for query in queries:
        for symbol in symbols:
            said = bool(topic_hits(library, query.text, symbol, query.lang, closeness))
            truly = truly_on_topic(query, symbol)
            found += said
            relevant += truly
            right += said and truly
    return Decisions(right / found if found else 0.0, right / relevant if relevant else 0.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.topics", description=__doc__)
    parser.parse_args(argv)
    queries = load_queries()
    for split in SPLITS:
        every = reports(split)
        symbols = sorted({report.symbol for report in every})
        asked = [query for query in queries if query.split == split]
        with tempfile.TemporaryDirectory(prefix="reportbot-topics-") as folder:
            library = indexed_library(Path(folder), every)
            try:
                print(f"{split}: {len(asked)} queries × {len(symbols)} reports")
                print("closeness  precision  recall    F1")
                for closeness in TRIED:
                    scores = decisions(library, asked, symbols, closeness)
                    print(
                        f"{closeness:9.2f}  {scores.precision:9.3f}  {scores.recall:6.3f}"
                        f"  {scores.f1:.3f}"
                    )
            finally:
                library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
