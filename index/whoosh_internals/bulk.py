"""Whoosh's bulk writer's worker processes, stopped when its transaction is given up.

`MpWriter.cancel` only tells the parent's copies of its tasks to stop: the workers themselves,
blocked on the job queue, never hear of it, and the interpreter's exit then waits for them for
ever (multiprocessing joins the children it started). They are ended here instead.
"""

from __future__ import annotations

from typing import Any


def stop_workers(writer: Any) -> None:
    """Ends the worker processes of a cancelled bulk writer (a plain writer has none)."""
    for task in getattr(writer, "tasks", ()):
        task.terminate()
        task.join()
