"""How each language's text becomes index terms, for paragraphs and queries alike.

- English: as Whoosh's StemmingAnalyzer (Porter stemmer, English stop words).
- French, Spanish, Russian: Whoosh's Snowball stemmer and stop words for the language; French
  and Spanish stems then lose their accents, so that `educacion` typed without them finds
  `educación` wherever both stem alike (`niños` and `ninos` are `nin`), and the spelling
  correction, which sees the words with their accents, puts them back where they do not.
- Arabic: spelling normalised and light stemming (see index.language.arabic).
- Chinese: words segmented with jieba (see index.language.chinese).

Each stemmer is marked as morphology, so the words kept for spelling suggestions are the words
as written, only lowercased (and, for Arabic, normalised).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.analysis import StemFilter as WhooshStemFilter
from whoosh.lang import stemmer_for_language

from index.language import arabic
from index.language.chinese import JiebaTokenizer
from index.language.official import check_language

# Common words missing from Whoosh's (Snowball's) stop lists.
_MORE_STOP_WORDS = {
    "fr": frozenset({"les", "cette", "cet", "leurs", "ils", "elles"}),
    "ru": frozenset({"это", "этот", "эта", "эти", "этих", "также"}),
}

# Whoosh's word pattern, with Arabic's diacritics inside words: Python's `\w` leaves out
# combining marks, which would cut a vowelled word into letters.
_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
WORD_PATTERN = rf"[\w{_ARABIC_MARKS}]+(?:\.?[\w{_ARABIC_MARKS}]+)*"


class AccentFoldFilter(Filter):  # type: ignore[misc]
    """Takes the accents off letters (`é` is `e`, `ñ` is `n`)."""

    is_morph = True

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            decomposed = unicodedata.normalize("NFKD", token.text)
            token.text = "".join(char for char in decomposed if not unicodedata.combining(char))
            yield token


class StemFilter(WhooshStemFilter):  # type: ignore[misc]
    """Whoosh's StemFilter, its stems remembered by the standard library's cache, which costs a
    tenth of Whoosh's own (pure Python) for each word: indexing stems every word it reads."""

    def clear(self) -> None:
        stem = stemmer_for_language(self.lang) if self.lang else self.stemfn
        self._stem = functools.lru_cache(maxsize=self.cachesize)(stem)


class ArabicNormaliseFilter(Filter):  # type: ignore[misc]
    """One spelling for an Arabic word's variants (see index.language.arabic.normalise)."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = arabic.normalise(token.text)
            yield token


def analyzer_for(lang: str) -> Any:
    """A new analyzer for `lang`, one of the LANGUAGES."""
    check_language(lang)
    if lang == "en":
        # Whoosh's StemmingAnalyzer (Porter stemmer, English stop words).
        return RegexTokenizer() | LowercaseFilter() | StopFilter() | StemFilter()
    if lang == "ar":
        return (
            RegexTokenizer(WORD_PATTERN)
            | LowercaseFilter()
            | ArabicNormaliseFilter()
            | StopFilter(stoplist=arabic.STOP_WORDS)
            | StemFilter(stemfn=arabic.light_stem)
        )
    if lang == "zh":
        # Stop words are the tokenizer's, which keeps positions in step with words.
        return JiebaTokenizer() | LowercaseFilter()
    snowball = (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=_MORE_STOP_WORDS.get(lang), lang=lang)
        | StemFilter(lang=lang)
    )
    return snowball | AccentFoldFilter() if lang in ("fr", "es") else snowball
