"""Chinese segmentation measured: jieba's words (the bot's) against overlapping character bigrams.

`python -m tests.eval.chinese` indexes the labelled set's reports twice, once as the bot does and
once with Chinese fields analysed into bigrams (儿童贩运 is 儿童 童贩 贩运: no dictionary, every
word found, and much else), and prints paraHit@1, paraHit@5 and MRR of the Chinese queries for
each, overall and per kind. docs/search.md ("In every language") gives the figures.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh.analysis import LowercaseFilter, Token, Tokenizer

from index.language.chinese import emit
from index.store.schema import build_schema, fields
from tests.eval.quality import (
    LabelledQuery,
    Scores,
    bot_ranking,
    indexed_library,
    load_queries,
    reports,
    score,
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of Han characters, or a word of anything else (numbers, Latin letters).
_RUN = re.compile(rf"(?P<han>[{_HAN}]+)|[^\W{_HAN}]+(?:\.[^\W{_HAN}]+)*")


class BigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Each pair of neighbouring Han characters is a token, a Han character standing alone is
    one, and so is each word of another script."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        token = Token(
            positions,
            chars,
            removestops=removestops,
            mode=mode,
            keeporiginal=keeporiginal,
            **kwargs,
        )
        pieces = (
            (value[start:end], start, end, position)
            for position, (start, end) in enumerate(_pieces(value))
        )
        yield from emit(token, pieces, (), start_pos, start_char)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    for match in _RUN.finditer(text):
        start, end = match.span()
        if match["han"] is None or end - start == 1:
            yield start, end
        else:
            yield from ((offset, offset + 2) for offset in range(start, end - 1))


def bigram_schema() -> Any:
    """The bot's schema, but for Chinese fields analysed into bigrams."""
    schema = build_schema()
    analyzer = BigramTokenizer() | LowercaseFilter()
    chinese = fields("zh")
    for name in (chinese.body, chinese.section, chinese.title):
        schema[name].analyzer = analyzer
    return schema


def compare(queries: Sequence[LabelledQuery]) -> dict[str, list[tuple[str, Scores]]]:
    """For each segmentation, the scores of all `queries` and of each kind of them."""
    kinds = list(dict.fromkeys(query.kind for query in queries))
    found: dict[str, list[tuple[str, Scores]]] = {}
    with tempfile.TemporaryDirectory(prefix="reportbot-chinese-") as folder:
        for name, schema in (("jieba", None), ("bigrams", bigram_schema())):
            library = indexed_library(Path(folder) / name, reports(), schema)
            try:
                ranking = bot_ranking(library)
                found[name] = [("all", score(queries, ranking))] + [
                    (kind, score([q for q in queries if q.kind == kind], ranking)) for kind in kinds
                ]
            finally:
                library.close()
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.parse_args(argv)
    queries = [q for q in load_queries() if q.lang == "zh" and q.split == "tuning"]
    print("| segmentation | queries | count | paraHit@1 | paraHit@5 | MRR |")
    print("|---|---|---|---|---|---|")
    for name, rows in compare(queries).items():
        for kind, scores in rows:
            figures = f"{scores.hit_at_1:.2f} | {scores.hit_at_5:.2f} | {scores.mrr:.2f}"
            print(f"| {name} | {kind} | {scores.queries} | {figures} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
