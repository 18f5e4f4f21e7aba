"""Where the bundled catalogue and report are, for the tests to read them independently."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "config" / "catalogue.toml"
SAMPLE_TEXT = ROOT / "reports" / "A-HRC-58-19" / "en.txt"
SAMPLE_SYMBOL = "A/HRC/58/19"
# A synthetic test report written in the six official languages, paragraph for paragraph the
# same (see tests/eval/reports/README.md): `en.txt`, `fr.txt`, …
MULTILINGUAL = ROOT / "tests" / "eval" / "reports" / "A-HRC-TEST-3"
MULTILINGUAL_SYMBOL = "A/HRC/TEST/3"


def sample_line(number: int) -> str:
    """Paragraph `number` as the bundled text has it: one line, footnote markers included."""
    prefix = f"{number}. "
    lines = SAMPLE_TEXT.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith(prefix)).removeprefix(prefix)
