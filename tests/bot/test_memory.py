"""The serving process asks glibc's malloc for fewer arenas."""

from __future__ import annotations

import pytest

from bot.memory import fewer_malloc_arenas


def test_malloc_takes_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    # This machine's C library is glibc, as Debian's is.
    assert fewer_malloc_arenas() is True


def test_an_operators_own_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert fewer_malloc_arenas() is False
