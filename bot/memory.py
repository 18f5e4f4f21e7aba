"""The serving process's memory: fewer malloc arenas.

glibc's malloc gives threads that allocate at once arenas of their own, up to eight per core,
and an arena keeps what it freed for its thread. The bot searches in worker threads (up to
eight chats at once), each allocating and freeing many small objects: measured with `make bench`
at 1,000 paragraphs, two arenas in all brought the serving process's peak from 408 to 364 MB,
with the same throughput (docs/benchmarks.md). MALLOC_ARENA_MAX in the environment, if an
operator set it, is left to decide.
"""

from __future__ import annotations

import ctypes
import os

ARENAS = 2
# glibc's mallopt parameter for the most arenas (malloc.h).
_M_ARENA_MAX = -8


def fewer_malloc_arenas(arenas: int = ARENAS) -> bool:
    """Limits malloc to `arenas` arenas, for the threads started from now on; False where the C
    library has no such setting (not glibc) or the environment sets it already."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_ARENA_MAX, arenas))
