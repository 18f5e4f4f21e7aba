"""The sentence vectors of one generation's paragraphs, in files beside Whoosh's.

Three files, their rows in one order:

- `vectors.i8.npy`: int8 (rows, 512), each paragraph's unit vector (index.language.meaning)
  divided by its row's scale and rounded;
- `vectors.scale.npy`: float32 (rows,), each row's scale: its largest component over 127, so
  that a row is its int8 times its scale;
- `vectors.keys.json`: `{"reports": [[symbol, lang, rows], …], "keys": [key, …]}`: the rows'
  paragraph keys (schema.paragraph_key) and the reports they belong to, a report's rows always
  together, in that order (read in milliseconds, where splitting every key would take tens).

A quarter of float32's size, and cosines within 0.001 of float32's. The arrays are read
memory-mapped: opening costs milliseconds, and processes serving one index share its pages.

A generation's folder starts as hard links to the previous one's files (generations.py), so a
file is never written in place: a new one is written beside it and renamed over it, leaving the
previous generation's as they were. An index built before search by meaning has no files: its
reports are found by their words only until their vectors are added (transactions.py).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from index.language.meaning import DIMENSIONS

log = logging.getLogger(__name__)

CODES = "vectors.i8.npy"
SCALES = "vectors.scale.npy"
KEYS = "vectors.keys.json"
# Rows made float32 at a time in `nearest` (8 MB): 1,024 took 10% longer, 256 50% longer.
CHUNK = 4096

# A report version: (symbol, lang).
ReportKey = tuple[str, str]


class Vectors:
    """The vectors of one generation, read-only: safe to share between threads."""

    def __init__(
        self,
        codes: npt.NDArray[np.int8],
        scales: npt.NDArray[np.float32],
        keys: Sequence[str],
        runs: Sequence[tuple[str, str, int]],
    ) -> None:
        self._codes = codes
        self._scales = scales
        self.keys = keys
        # Each report's rows, in order: (symbol, lang, rows).
        self._runs = runs
        self.reports: frozenset[ReportKey] = frozenset((s, lang) for s, lang, _ in runs)
        self._run_of_row = np.repeat(np.arange(len(runs)), [rows for _, _, rows in runs])

    @classmethod
    def open(cls, folder: Path) -> Vectors | None:
        """The vectors in `folder`; None when it has none (an index built before them), or when
        they cannot be read (logged): its reports are then found by their words only."""
        if not (folder / KEYS).exists():
            return None
        try:
            codes = np.load(folder / CODES, mmap_mode="r", allow_pickle=False)
            scales = np.load(folder / SCALES, mmap_mode="r", allow_pickle=False)
            listing = json.loads((folder / KEYS).read_text(encoding="utf-8"))
            keys = listing["keys"]
            runs = [
                (str(symbol), str(lang), int(rows)) for symbol, lang, rows in listing["reports"]
            ]
            if (
                codes.dtype != np.int8
                or codes.shape != (len(keys), DIMENSIONS)
                or scales.dtype != np.float32
                or scales.shape != (len(keys),)
                or sum(rows for _, _, rows in runs) != len(keys)
            ):
                raise ValueError("its files do not agree")
        # A damaged file fails in many ways: NumPy's header, JSON, a mapping past the file's end.
        except Exception as error:
            log.warning(
                "cannot read the vectors in %s (%s): searching by words only", folder, error
            )
            return None
        return cls(codes, scales, keys, runs)

    def __len__(self) -> int:
        return len(self.keys)

    def mask(self, reports: Collection[ReportKey]) -> npt.NDArray[np.bool_]:
        """The rows of `reports` (symbol, lang), for `nearest`."""
        wanted = [(symbol, lang) in reports for symbol, lang, _ in self._runs]
        return np.array(wanted, dtype=np.bool_)[self._run_of_row]

    def nearest(
        self,
        query: npt.NDArray[np.float32],
        count: int,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> list[tuple[str, float]]:
        """The keys of the `count` rows nearest the unit vector `query` with their cosines, best
        first; only rows where `allowed` is true, when it is given."""
        query = np.ascontiguousarray(query, dtype=np.float32)
        if query.shape != (DIMENSIONS,):
            raise ValueError(f"a query vector has {DIMENSIONS} dimensions, not {query.shape}")
        rows = None if allowed is None else np.flatnonzero(allowed)
        total = len(self) if rows is None else len(rows)
        if count < 1 or total == 0:
            return []
        scores = np.empty(total, dtype=np.float32)
        # One buffer for every chunk, the int8 made float32 into it rather than into a new array
        # each time (`astype`: three times as long). einsum rather than np.dot: NumPy's own loop
        # in this thread, where OpenBLAS's threads, left to wait on a busy machine, took 100-300
        # ms instead of 8 at 100,000 rows (einsum: 10).
        buffer = np.empty((min(CHUNK, total), DIMENSIONS), dtype=np.float32)
        for start in range(0, total, CHUNK):
            end = min(start + CHUNK, total)
            block = self._codes[start:end] if rows is None else self._codes[rows[start:end]]
            np.copyto(buffer[: end - start], block, casting="unsafe")
            np.einsum("ij,j->i", buffer[: end - start], query, out=scores[start:end])
        scores *= self._scales if rows is None else self._scales[rows]
        count = min(count, total)
        best = np.argpartition(-scores, count - 1)[:count]
        best = best[np.argsort(-scores[best], kind="stable")]
        found = best if rows is None else rows[best]
        return [
            (self.keys[row], score)
            for row, score in zip(found.tolist(), scores[best].tolist(), strict=True)
        ]


def write_vectors(
    folder: Path,
    replaced: Collection[ReportKey],
    added: Iterable[tuple[ReportKey, Sequence[str], npt.NDArray[np.float32]]],
) -> None:
    """Replaces the vectors in `folder`: the rows of the reports `replaced` go, the others stay
    as they were, and each of `added` (a report, its paragraphs' keys, their unit vectors) is
    appended; its report must be among those replaced. New files replace the folder's (see the
    module's note)."""
    keys: list[str] = []
    runs: list[tuple[str, str, int]] = []
    codes: list[npt.NDArray[np.int8]] = []
    scales: list[npt.NDArray[np.float32]] = []
    previous = Vectors.open(folder)
    if previous is not None:
        first = 0
        for symbol, lang, rows in previous._runs:
            if (symbol, lang) not in replaced:
                keys.extend(previous.keys[first : first + rows])
                runs.append((symbol, lang, rows))
                codes.append(previous._codes[first : first + rows])
                scales.append(previous._scales[first : first + rows])
            first += rows
    # Quantised a report at a time: float32 for all of a big batch would take 2 kB a paragraph.
    for (symbol, lang), report_keys, vectors in added:
        if (symbol, lang) not in replaced:
            raise ValueError(f"{symbol} ({lang}) is added without replacing its rows")
        if len(report_keys) != len(vectors):
            raise ValueError(f"{symbol} ({lang}): {len(report_keys)} keys, {len(vectors)} rows")
        if report_keys:
            keys.extend(report_keys)
            runs.append((symbol, lang, len(report_keys)))
            report_codes, report_scales = quantised(vectors)
            codes.append(report_codes)
            scales.append(report_scales)
    all_codes = np.concatenate(codes) if codes else np.empty((0, DIMENSIONS), dtype=np.int8)
    all_scales = np.concatenate(scales) if scales else np.empty(0, dtype=np.float32)
    listing = json.dumps({"reports": runs, "keys": keys}, ensure_ascii=False).encode()
    replace_file(folder / CODES, lambda out: np.save(out, all_codes, allow_pickle=False))
    replace_file(folder / SCALES, lambda out: np.save(out, all_scales, allow_pickle=False))
    replace_file(folder / KEYS, lambda out: out.write(listing))


def quantised(
    vectors: npt.NDArray[np.float32],
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float32]]:
    """Unit vectors as int8 rows and each row's scale (its largest component over 127)."""
    scales: npt.NDArray[np.float32] = (np.abs(vectors).max(axis=1) / 127).astype(np.float32)
    # No division by zero for a row of zeros, which a unit vector never is.
    np.maximum(scales, np.finfo(np.float32).tiny, out=scales)
    return np.rint(vectors / scales[:, None]).astype(np.int8), scales


def replace_file(path: Path, write: Callable[[Any], object]) -> None:
    """A new file at `path`, written beside it and renamed over it: another generation's file
    hard-linked there is left as it was."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
