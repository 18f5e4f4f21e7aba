"""Whether a report speaks to a followed topic, and where: the paragraphs a digest announces.

A topic is a search (`trafficking`, `"online exploitation" -sextortion`), matched as the bot
searches, within the one report. Every search finds something, so a paragraph counts only when
it has all of the topic's words (or their synonyms), or is close enough in meaning. How close
was chosen on the tuning queries of tests/eval/queries.toml, each asked of every report it was
judged over (`python -m tests.eval.topics`; docs/search.md gives the figures, on the held-out
queries too).
"""

from __future__ import annotations

from index.library import Library
from index.results import Hit

# The sentence encoder's cosine from which a paragraph found by meaning alone is on the topic.
TOPIC_CLOSENESS = 0.40
# The report's paragraphs looked at: its best by words and meaning, fused.
TOPIC_DEPTH = 20


def topic_hits(
    library: Library,
    topic: str,
    symbol: str,
    language: str,
    closeness: float = TOPIC_CLOSENESS,
) -> list[Hit]:
    """The paragraphs of report `symbol` on `topic`, best first, in `language` (the chat's)
    where the report has that version; none when the topic is not the report's."""
    result = library.search(topic, limit=TOPIC_DEPTH, fallback_lang=language, within=symbol)
    return [
        hit
        for hit in result.hits
        if hit.share >= 1.0 or (hit.closeness is not None and hit.closeness >= closeness)
    ]
