"""How far an ingest or fetch has got, on stderr: a bar in a terminal when the work is long
enough to wait for, otherwise a line per report, which is what a log or a pipe wants."""

from __future__ import annotations

import contextlib
import sys
from types import TracebackType
from typing import Never, Self, TextIO

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

# Paragraphs from which one report is worth a bar: below, reading and indexing it take a second
# or two, and a bar would only flicker.
BAR_FROM_PARAGRAPHS = 1_000


class Progress:
    """Reports being read, fetched or indexed, `reports` of them in all, `paragraphs` when known.

    A context manager: the bar, if there is one, is cleared when the work ends, and while it is
    shown log records (a retried download, say) are written above it rather than through it.
    """

    def __init__(self, reports: int, *, paragraphs: int = 0, stream: TextIO | None = None) -> None:
        self._stream = sys.stderr if stream is None else stream
        self._reports = reports
        long_enough = reports > 1 or paragraphs >= BAR_FROM_PARAGRAPHS
        self._wants_bar = long_enough and self._stream.isatty()
        self._bar: tqdm[Never] | None = None
        self._shown = contextlib.ExitStack()

    def __enter__(self) -> Self:
        if self._wants_bar:
            self._bar = self._shown.enter_context(
                tqdm(
                    total=self._reports,
                    unit="report",
                    file=self._stream,
                    leave=False,
                    dynamic_ncols=True,
                )
            )
            self._shown.enter_context(logging_redirect_tqdm())
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._shown.close()

    def working_on(self, name: str) -> None:
        """Work on `name` (a file, an address, `A/HRC/58/19 (ru)`) begins: the bar says so."""
        if self._bar is not None:
            self._bar.set_description_str(name)

    def done(self, line: str | None = None) -> None:
        """A report is done: the bar moves on, or without a bar `line` is written, if given."""
        if self._bar is not None:
            self._bar.update()
        elif line is not None:
            print(line, file=self._stream, flush=True)
