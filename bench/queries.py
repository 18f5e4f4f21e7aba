"""What users type, for the corpus of bench.corpus: a realistic mix, deterministic from a seed.

Mostly one to five of the domain's frequent and mid-frequency words, as people search; then
quoted phrases, questions, misspellings, acronyms, filters (`report:`, `year:`, `section:`)
naming the corpus's own reports, years and headings, and a few rare words.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from itertools import accumulate

from bench.corpus import DOMAIN_WORDS, FIRST_YEAR, LAST_YEAR, plan, vocabulary

_QUESTIONS = (
    "what does the report say about {}?",
    "what are the recommendations on {}",
    "how can States address {}?",
    "which measures were taken against {}?",
    "is there anything on {}",
)
_ACRONYMS = ("CSAM", "CRC", "SDG", "UNICEF", "OHCHR", "UNODC", "ILO", "SRSG", "AI", "FGM", "CSEA")
_SECTION_WORDS = ("recommendations", "introduction", '"child justice"', "trafficking", "digital")
# Words of the generated tail ranked past this are rare: a few paragraphs have them.
_RARE_RANK = 20_000
_DOMAIN_WEIGHTS = tuple(accumulate(1 / rank**0.7 for rank in range(1, len(DOMAIN_WORDS) + 1)))


def queries(paragraphs: int, count: int = 500, seed: int = 0) -> list[str]:
    """`count` queries for the corpus of `paragraphs` paragraphs made with the same seed."""
    rng = random.Random(f"bench-queries-{seed}")
    symbols = [report.symbol for report in plan(paragraphs, seed)]
    kinds: list[tuple[Callable[[random.Random], str], int]] = [
        (_keywords, 45),
        (_phrase, 10),
        (_question, 12),
        (_typo, 8),
        (_acronym, 5),
        (lambda rng: f"report:{rng.choice(symbols)} {_keywords(rng)}", 5),
        (_year, 8),
        (_section, 4),
        (_rare, 3),
    ]
    makers, weights = zip(*kinds, strict=True)
    return [maker(rng) for maker in rng.choices(makers, weights=weights, k=count)]


def _domain_word(rng: random.Random) -> str:
    # Users search for the frequent subjects most, but less steeply than reports use them:
    # a query names a subject, and subjects are many.
    return rng.choices(DOMAIN_WORDS, cum_weights=_DOMAIN_WEIGHTS)[0]


def _keywords(rng: random.Random) -> str:
    size = rng.choices((1, 2, 3, 4, 5), weights=(30, 35, 20, 10, 5))[0]
    chosen = dict.fromkeys(_domain_word(rng) for _ in range(size))
    return " ".join(chosen).lower()


def _phrase(rng: random.Random) -> str:
    several = [word for word in DOMAIN_WORDS if " " in word]
    return f'"{rng.choice(several)}"'


def _question(rng: random.Random) -> str:
    subject = " ".join(dict.fromkeys(_domain_word(rng) for _ in range(rng.randint(1, 3))))
    return rng.choice(_QUESTIONS).format(subject.lower())


def _typo(rng: random.Random) -> str:
    words = _keywords(rng).split()
    long_words = [index for index, word in enumerate(words) if len(word) > 4]
    if long_words:
        index = rng.choice(long_words)
        words[index] = _misspell(rng, words[index])
    return " ".join(words)


def _misspell(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word) - 1)
    how = rng.choice(("swap", "drop", "double", "replace"))
    if how == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if how == "drop":
        return word[:at] + word[at + 1 :]
    if how == "double":
        return word[:at] + word[at] + word[at:]
    return word[:at] + rng.choice("aeioustr") + word[at + 1 :]


def _acronym(rng: random.Random) -> str:
    acronym = rng.choice(_ACRONYMS)
    return acronym if rng.random() < 0.5 else f"{acronym} {_domain_word(rng).lower()}"


def _year(rng: random.Random) -> str:
    first = rng.randint(FIRST_YEAR, LAST_YEAR)
    if rng.random() < 0.25:
        span = f"{first}-{min(first + rng.randint(1, 5), LAST_YEAR)}"
    else:
        span = str(first)
    return f"year:{span} {_keywords(rng)}"


def _section(rng: random.Random) -> str:
    return f"section:{rng.choice(_SECTION_WORDS)} {_keywords(rng)}"


def _rare(rng: random.Random) -> str:
    words, _ = vocabulary()
    return words[rng.randrange(_RARE_RANK, len(words))]
