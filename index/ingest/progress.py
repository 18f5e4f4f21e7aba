"""How far an ingest or fetch has got, on stderr: a bar in a terminal when the work is long
enough to wait for, otherwise a line per report, which is what a log or a pipe wants."""

from __future__ import annotations

import contextlib
import sys
import time
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


class Encoding:
    """Paragraphs being encoded (a transaction's vectors step), on stderr: a bar in a terminal,
    otherwise a line at each tenth; nothing for fewer than `shown_from` paragraphs (a few
    seconds' work by default). Called with (done, total); `started` is when the step began."""

    def __init__(
        self, stream: TextIO | None = None, *, shown_from: int = BAR_FROM_PARAGRAPHS
    ) -> None:
        self._stream = sys.stderr if stream is None else stream
        self._shown_from = shown_from
        self._bar: tqdm[Never] | None = None
        self._tenths = 0
        self.started: float | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.started is None:
            self.started = time.monotonic()
        if total < self._shown_from or total == 0:
            return
        if self._stream.isatty():
            if self._bar is None:
                self._bar = tqdm(
                    total=total,
                    unit="paragraph",
                    desc="vectors",
                    file=self._stream,
                    leave=False,
                    dynamic_ncols=True,
                )
            self._bar.update(done - self._bar.n)
            return
        tenths = done * 10 // total
        if tenths > self._tenths or done == total:
            self._tenths = tenths
            print(f"encoding: {done}/{total} paragraphs", file=self._stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
