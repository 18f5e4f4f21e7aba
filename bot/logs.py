"""Logging that keeps users' words, ids and the bot token out of the logs.

httpx logs every request URL at INFO, and Bot API URLs carry the token, so httpx and httpcore
only speak from WARNING up; the formatter also masks the token, and its secret half on its own,
wherever they still appear (tracebacks of network errors included), at every level.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TextIO

QUIET_LOGGERS = ("httpx", "httpcore", "aiohttp.access")
MASK = "[token]"


def redactions(secrets: Iterable[str]) -> list[str]:
    """What to mask: each secret, and a bot token's part after the colon, which is the secret
    part of it (the part before is the bot's public id); longest first, so that a whole token
    is masked whole."""
    masked = set()
    for secret in secrets:
        if secret:
            masked.add(secret)
            _, colon, half = secret.partition(":")
            if colon and half:
                masked.add(half)
    return sorted(masked, key=len, reverse=True)


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt)
        self._secrets = redactions(secrets)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def configure_logging(level: str, secrets: Iterable[str], stream: TextIO | None = None) -> None:
    """Log to `stream` (stderr by default) from `level` up, masking `secrets`."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
