"""Chinese for search: words found by segmenting text with jieba's dictionary.

Chinese writes no spaces between words, so a tokenizer that splits at spaces would make a whole
clause one term. jieba segments it into dictionary words (儿童 / 贩运 / 问题), so that `儿童贩运`
and `贩运儿童` need no spaces to match. When indexing, each long word also gives the dictionary
words inside it, as jieba's "search" mode does (联合国儿童基金会 gives 联合国, 儿童 and 基金会
too), so that a query for a part finds the whole; a query is segmented into its words only,
whose sequence a phrase then finds.

jieba loads its dictionary (some 350,000 words) when it first segments, which takes a second or
so: once per process, and only when Chinese is indexed or searched.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

# Function words that say nothing a search is about (of, and, in, is, …).
_STOP_WORDS = """
    的 地 得 了 着 过 和 与 及 或 而 并 且 在 于 是 为 对 以 将 把 被 从 向 由 其 之 也 都 又
    就 但 所 该 各 这 那 这些 那些 此 等 中 上 下 有 已 已经 吗 呢 吧 啊
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_HAS_WORD_CHARACTER = re.compile(r"\w")


class JiebaTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokens for the words jieba finds, and the dictionary words inside long ones.

    A word and the words inside it share a position, and stop words take none, so that words
    next to each other (but for a 的) are at neighbouring positions, as phrases need.
    """

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
        pieces = (
            _segments(value, inner_words=mode == "index")
            if tokenize
            else iter([(value, 0, len(value), 0)])
        )
        token = Token(
            positions,
            chars,
            removestops=removestops,
            mode=mode,
            keeporiginal=keeporiginal,
            **kwargs,
        )
        yield from emit(token, pieces, STOP_WORDS, start_pos, start_char)


def emit(
    token: Any,
    pieces: Iterable[tuple[str, int, int, int]],
    stop_words: Collection[str],
    start_pos: int,
    start_char: int,
) -> Iterator[Any]:
    """Whoosh's reused Token filled in for each (text, start, end, position) piece, as Whoosh's
    own tokenizers do: positions and characters only when asked for, stop words marked."""
    for text, start, end, position in pieces:
        token.text = text
        token.boost = 1.0
        token.stopped = text in stop_words
        if token.stopped and token.removestops:
            continue
        if token.keeporiginal:
            token.original = text
        if token.positions:
            token.pos = start_pos + position
        if token.chars:
            token.startchar = start_char + start
            token.endchar = start_char + end
        yield token


def _segments(text: str, inner_words: bool) -> Iterator[tuple[str, int, int, int]]:
    """(word, start, end, position) for each word of `text`, and each dictionary word inside it
    when `inner_words`; spaces and punctuation are no words, and a stop word shares the next
    word's position."""
    segmenter = _segmenter()
    position = 0
    start = 0
    for word in segmenter.cut(text, HMM=True):
        end = start + len(word)
        if word in STOP_WORDS:
            yield word, start, end, position
        elif _HAS_WORD_CHARACTER.search(word):
            for size in (2, 3) if inner_words else ():
                if len(word) > size:
                    for offset in range(len(word) - size + 1):
                        inner = word[offset : offset + size]
                        if segmenter.FREQ.get(inner):
                            yield inner, start + offset, start + offset + size, position
            yield word, start, end, position
            position += 1
        start = end


@functools.cache
def _segmenter() -> Any:
    import jieba

    # jieba announces loading its dictionary on stderr, at its own DEBUG level.
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    return segmenter
