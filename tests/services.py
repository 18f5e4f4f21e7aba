"""The servers the scale-out tests need: PostgreSQL (and, later, Redis) on this machine.

Tests that need one are skipped, saying why, when it cannot be reached, so that `make test`
passes on a machine without them; CI sets REPORTBOT_TEST_SERVICES=required, and an unreachable
server then fails those tests instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
import redis

POSTGRESQL = os.environ.get(
    "REPORTBOT_TEST_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/test"
)
REQUIRED = os.environ.get("REPORTBOT_TEST_SERVICES") == "required"


def unavailable(server: str, error: Exception) -> None:
    """Skip the test, or fail it where the servers are required."""
    message = f"{server} is not reachable ({type(error).__name__}): skipped"
    if REQUIRED:
        pytest.fail(f"{server} is required by REPORTBOT_TEST_SERVICES but {message[:-9]}")
    pytest.skip(message)


@contextmanager
def postgresql_schema() -> Iterator[str]:
    """The address of a new, empty schema of the test database, dropped afterwards: each test
    its own, as each SQLite test has its own file."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRESQL, autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        unavailable("PostgreSQL", error)
        raise
    try:
        admin.execute(f"CREATE SCHEMA {schema}")
        separator = "&" if "?" in POSTGRESQL else "?"
        yield f"{POSTGRESQL}{separator}options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.close()


REDIS = os.environ.get("REPORTBOT_TEST_REDIS", "redis://127.0.0.1:6379/0")


@contextmanager
def redis_prefix() -> Iterator[str]:
    """A key prefix of the test's own in the test Redis, its keys deleted afterwards."""
    client = redis.Redis.from_url(REDIS, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        client.close()
        unavailable("Redis", error)
        raise
    prefix = f"test-{uuid.uuid4().hex[:12]}:"
    try:
        yield prefix
    finally:
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)
        client.close()
