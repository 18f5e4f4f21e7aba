"""The index directory: whole Whoosh indexes side by side, and `current` naming the live one.

An ingest never writes to the live index. It copies it (hard links: Whoosh never rewrites a
file it has written), changes the copy, and publishes it by replacing the `current` symlink,
which POSIX does atomically. A reader sees the old state or the new one, never a mixture; an
ingest that fails or is killed leaves only a stray copy, removed by the next ingest. One ingest
at a time: an flock that the kernel releases if the process dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from index.errors import IngestBusy

CURRENT = "current"
_LOCK = "ingest.lock"
_PREFIX = "gen-"
# Whoosh's own lock files must not be shared between copies: a hard link shares the flock.
_NOT_COPIED = ("LOCK",)


class Generations:
    def __init__(self, root: Path) -> None:
        self.root = root

    def current(self) -> Path | None:
        """The live index's folder, or None before the first one is published."""
        try:
            return self.root / os.readlink(self.root / CURRENT)
        except FileNotFoundError:
            return None

    @contextlib.contextmanager
    def locked(self, wait: bool) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / _LOCK, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                raise IngestBusy(
                    f"another ingest is changing the index in {self.root}; "
                    "try again when it has finished"
                ) from None
            _held.add(handle.fileno())
            try:
                yield
            finally:
                _held.discard(handle.fileno())
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def next(self, *, wait: bool = False, start_empty: bool = False) -> Iterator[Path]:
        """A private copy of the live index to change; published when the block ends cleanly."""
        with self.locked(wait):
            previous = self.current()
            folder = self.root / f"{_PREFIX}{time.time_ns()}-{os.getpid()}"
            folder.mkdir()
            try:
                if previous is not None and not start_empty:
                    _link_copy(previous, folder)
                yield folder
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            self._publish(folder)
            self._prune(keep={folder, previous})

    def _publish(self, folder: Path) -> None:
        link = self.root / f"{CURRENT}.{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(folder.name)
        os.replace(link, self.root / CURRENT)

    def _prune(self, keep: set[Path | None]) -> None:
        # The previous index stays one round: a reader that has not looked again since the
        # switch still has it open.
        for folder in self.root.glob(f"{_PREFIX}*"):
            if folder not in keep:
                shutil.rmtree(folder, ignore_errors=True)


def _release_in_child() -> None:
    """In a forked child, lets go of the locks the parent holds: an flock belongs to the open
    file, which a fork shares, so a child left running (a bulk writer's worker) would hold the
    ingest lock after its parent died. The descriptor is pointed at /dev/null rather than
    closed: the parent's file object, copied into the child, still owns that number."""
    if not _held:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for descriptor in _held:
        os.dup2(null, descriptor)
    os.close(null)
    _held.clear()


# The descriptors of the ingest locks this process holds.
_held: set[int] = set()
os.register_at_fork(after_in_child=_release_in_child)


def _link_copy(source: Path, target: Path) -> None:
    for path in source.iterdir():
        if path.is_file() and not path.name.endswith(_NOT_COPIED):
            os.link(path, target / path.name)
