"""Logging that keeps users' words, ids and the bot token out of the logs.

httpx logs every request URL at INFO, and Bot API URLs carry the token, so httpx and httpcore
only speak from WARNING up; the formatter also masks the token wherever it still appears
(tracebacks of network errors included).
"""

from __future__ import annotations

import logging

QUIET_LOGGERS = ("httpx", "httpcore", "aiohttp.access")


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[token]")
        return text


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
