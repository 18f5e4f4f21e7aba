"""The thesaurus: acronyms and words that mean the same in the reports, from config/synonyms.toml.

Applied when searching, never when indexing: an edited list takes effect when the bot next
starts, with no rebuild of the index. Each group is of one language (`lang`, English unless it
says otherwise), and is applied to searches in that language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.language.official import ENGLISH, LANGUAGES
from index.search.query import Concept, QueryWord
from index.tomlfile import read_toml

SYNONYMS = Path(__file__).resolve().parents[2] / "config" / "synonyms.toml"


class SynonymsError(Exception):
    """The synonyms file cannot be used; the message names the file and the problem."""


class Thesaurus:
    """Groups of words and phrases that mean the same, compared as the index's terms: a group
    with "trafficking in persons" also matches a query saying "Trafficking of persons"."""

    def __init__(self, groups: Sequence[Sequence[str]], analyzer: Any) -> None:
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._group_of: dict[tuple[str, ...], int] = {}
        for group in groups:
            phrases = tuple(dict.fromkeys(_terms(entry, analyzer) for entry in group))
            phrases = tuple(phrase for phrase in phrases if phrase)
            for phrase in phrases:
                # A phrase listed in two groups belongs to the first: one meaning per phrase.
                self._group_of.setdefault(phrase, len(self._groups))
            self._groups.append(phrases)
        self._longest = max((len(phrase) for phrase in self._group_of), default=0)

    @property
    def phrases(self) -> list[tuple[str, ...]]:
        """The thesaurus's phrases of several words, as terms: what a search may look for as a
        phrase (as a synonym of the words typed)."""
        return [phrase for phrase in self._group_of if len(phrase) > 1]

    def knows(self, term: str) -> bool:
        """Whether the term is a word of the thesaurus (such as an acronym the reports spell out),
        which is then no typo even where no report uses it."""
        return (term,) in self._group_of

    def concepts(self, words: Sequence[QueryWord]) -> tuple[Concept, ...]:
        """The query's words grouped into concepts, each with its synonyms; the longest phrase of
        the thesaurus wins (`child labour`, not `child` and then `labour`)."""
        concepts: list[Concept] = []
        start = 0
        while start < len(words):
            for length in range(min(self._longest, len(words) - start), 0, -1):
                span = tuple(words[start : start + length])
                phrase = tuple(word.term for word in span)
                group = self._group_of.get(phrase)
                if group is not None:
                    others = tuple(other for other in self._groups[group] if other != phrase)
                    concepts.append(Concept(span, others))
                    start += length
                    break
            else:
                concepts.append(Concept((words[start],)))
                start += 1
        return tuple(concepts)


def load_synonyms(path: Path) -> dict[str, list[list[str]]]:
    """The groups of the synonyms file at `path`, by language: `[[group]]` tables, each with
    `terms`, a list of two or more words or phrases, and optionally `lang`, one of the
    LANGUAGES. Raises SynonymsError for anything else."""
    data = read_toml(path, "synonyms", SynonymsError)
    groups = data.get("group", [])
    if not isinstance(groups, list):
        raise SynonymsError(f"{path}: `group` must be an array of tables, [[group]]")
    found: dict[str, list[list[str]]] = {}
    for number, group in enumerate(groups, start=1):
        terms = group.get("terms") if isinstance(group, dict) else None
        if (
            not isinstance(terms, list)
            or len(terms) < 2
            or not all(isinstance(term, str) and term.strip() for term in terms)
        ):
            raise SynonymsError(f"{path}, group #{number}: `terms` must list two or more words")
        lang = group.get("lang", ENGLISH)
        if lang not in LANGUAGES:
            raise SynonymsError(
                f"{path}, group #{number}: `lang` must be one of {', '.join(LANGUAGES)}"
            )
        found.setdefault(lang, []).append(terms)
    return found


def _terms(entry: str, analyzer: Any) -> tuple[str, ...]:
    return tuple(str(token.text) for token in analyzer(entry))
