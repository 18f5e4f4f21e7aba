"""Processes forked to write a bulk transaction: they die with the process that forked them.

Whoosh's bulk writer forks a worker per core, which waits on a queue that it holds both ends
of: if the ingest is killed (SIGKILL leaves it no say), nothing tells the workers, and they
would wait for minutes or for ever. Linux's parent-death signal ends them with it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Iterator

_PR_SET_PDEATHSIG = 1
# The process whose forks are tied to it, while it writes a bulk transaction.
_tying: int | None = None


@contextlib.contextmanager
def tied_to_this_process() -> Iterator[None]:
    """While the block runs, a process forked here is killed as soon as this one dies."""
    global _tying
    _tying = os.getpid()
    try:
        yield
    finally:
        _tying = None


def _tie_child() -> None:
    parent = _tying
    if parent is None or not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # The parent may have died between the fork and the line above, before the signal was
    # asked for: then nothing would come.
    if os.getppid() != parent:
        os._exit(1)


os.register_at_fork(after_in_child=_tie_child)
