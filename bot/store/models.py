"""What the store gives and takes: topics, saved paragraphs, digests."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

Settings = dict[str, str]
"""A chat's settings (what the bot's ChatData holds), each by name; only what was chosen."""


@dataclass(frozen=True)
class Topic:
    """Words a chat follows: it is told of new reports that match them."""

    id: int
    chat_id: int
    query: str
    """As first followed, its whitespace normalised."""
    language: str
    created: float
    """Seconds since the epoch."""


@dataclass(frozen=True)
class Entry:
    """A paragraph saved in a chat's collection."""

    id: int
    chat_id: int
    symbol: str
    lang: str
    annex: str | None
    kind: str
    number: int
    saved: float
    """Seconds since the epoch."""


@dataclass(frozen=True)
class NewDigest:
    """A digest to queue: news of a report for a chat's topic."""

    chat_id: int
    topic_id: int
    symbol: str
    lang: str
    version: str
    body: str
    """JSON text the bot prepared; the store keeps it as it is until the digest is sent."""


@dataclass(frozen=True)
class Digest:
    """A queued digest, due to be sent."""

    id: int
    chat_id: int
    topic_id: int
    symbol: str
    lang: str
    version: str
    body: str
    attempts: int
    """How many times sending it has failed so far."""


class Saving(Enum):
    """What saving a paragraph in a collection did."""

    ADDED = "added"
    ALREADY = "already"
    """The paragraph was in the collection already."""
    FULL = "full"
    """The collection holds as many paragraphs as it may: nothing saved."""
