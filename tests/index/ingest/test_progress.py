"""Progress on stderr: a bar in a terminal for long work, otherwise a line per report."""

from __future__ import annotations

import io
import logging
import sys
import time

import pytest

from index.ingest.progress import BAR_FROM_PARAGRAPHS, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_terminal_each_report_is_a_line() -> None:
    stream = io.StringIO()
    with Progress(3, paragraphs=50_000, stream=stream) as progress:
        progress.working_on("a.pdf")
        progress.done("read A/79/1 (en): 3 paragraphs from a.pdf")
        progress.done()  # a step with nothing to say
        progress.done("read A/79/2 (en): 4 paragraphs from b.pdf")
    assert stream.getvalue() == (
        "read A/79/1 (en): 3 paragraphs from a.pdf\nread A/79/2 (en): 4 paragraphs from b.pdf\n"
    )


@pytest.mark.parametrize(
    ("reports", "paragraphs"), [(2, 0), (1, BAR_FROM_PARAGRAPHS)], ids=["several", "a long one"]
)
def test_in_a_terminal_long_work_is_a_bar_cleared_at_the_end(reports: int, paragraphs: int) -> None:
    terminal = Terminal()
    with Progress(reports, paragraphs=paragraphs, stream=terminal) as progress:
        progress.working_on("A/HRC/58/19 (ru)")
        time.sleep(0.15)  # tqdm draws at most every 0.1 s
        progress.done("read A/HRC/58/19 (ru): 42 paragraphs from …")
        shown = terminal.getvalue()
    assert f"\rA/HRC/58/19 (ru):   0%|          | 0/{reports} [" in shown
    assert f"| 1/{reports} [" in shown
    assert "read A/HRC/58/19" not in shown
    # Cleared: the last thing written is the line rubbed out.
    assert terminal.getvalue().endswith("\r")


def test_in_a_terminal_one_short_report_is_a_line() -> None:
    terminal = Terminal()
    with Progress(1, paragraphs=BAR_FROM_PARAGRAPHS - 1, stream=terminal) as progress:
        progress.done("read A/79/1 (en): 3 paragraphs from a.pdf")
    assert terminal.getvalue() == "read A/79/1 (en): 3 paragraphs from a.pdf\n"


def test_log_records_go_above_the_bar_not_through_it(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    handler = logging.StreamHandler(sys.stderr)
    logging.getLogger().addHandler(handler)
    try:
        with Progress(2) as progress:
            progress.done()
            logging.getLogger("index").warning("A/HRC/58/19 in Russian: HTTP 503; trying again")
    finally:
        logging.getLogger().removeHandler(handler)
    # tqdm clears the bar, writes the record on a line of its own and draws the bar again.
    assert "\rA/HRC/58/19 in Russian: HTTP 503; trying again\n" in terminal.getvalue()
