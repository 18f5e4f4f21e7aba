"""Whoosh indexes in the generations' folders: opened for reading, started empty, and changed in
transactions that publish a whole new index or nothing, its paragraphs' vectors with it.

A transaction's end writes the Whoosh index, then the vectors of the paragraphs it added (read
back from the index written), then what they cite (citations.py), then publishes them all: what
fails or is killed on the way, the encoder included, leaves the published index as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.query import And, Term

from index.language.meaning import encoder
from index.language.official import check_language
from index.models import Report
from index.store import schema
from index.store.citations import Citations, Row, rows_of, write_citations
from index.store.documents import (
    check_report,
    paragraph_document,
    paragraph_from,
    report_document,
    stored_key,
)
from index.store.generations import Generations
from index.store.vectors import ReportKey, Vectors, write_vectors
from index.store.workers import tied_to_this_process
from index.whoosh_internals.bulk import stop_workers
from index.whoosh_internals.codec import WritingCodec

log = logging.getLogger(__name__)

# A bulk transaction is written by a process per core: Whoosh's analysis and writing are pure
# Python, so a process does the work of one core at most.
BULK_PROCESSES = os.cpu_count() or 1
# Paragraphs from which a batch is worth a bulk transaction: a few seconds of work for one core,
# against about a second to start the processes.
BULK_FROM = 5_000

# Told, as the vectors are made, how many paragraphs of how many have theirs.
VectorsProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Encoded:
    """A transaction's vectors step: how many paragraphs it encoded, in how long (reading them
    back from the index and writing the vectors included)."""

    paragraphs: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.paragraphs / self.seconds if self.seconds > 0 else 0.0


class Batch:
    """The changes of one transaction."""

    def __init__(self, writer: Any, vectors: bool = True) -> None:
        self._writer = writer
        self._vectors = vectors
        # The reports whose vectors are made at the end, in the order they came (a dict: a set's
        # order would change from one run to the next).
        self._encode: dict[ReportKey, None] = {}
        self._missing = False
        # The reports removed, whose vectors and citations go too.
        self._removed: set[ReportKey] = set()
        # The citations of the reports added, by report (citations.py).
        self._cited: dict[ReportKey, list[Row]] = {}
        # The vectors step, once the transaction has ended.
        self.encoded: Encoded | None = None

    def add(self, report: Report) -> None:
        """Adds `report`, replacing the whole of any report with the same symbol and language."""
        check_language(report.lang)
        check_report(report)
        self._writer.delete_by_query(
            And([Term("symbol", report.symbol), Term("lang", report.lang)])
        )
        self._writer.add_document(**report_document(report))
        for paragraph in report.paragraphs:
            self._writer.add_document(**paragraph_document(paragraph, report.title))
        self._encode[report.symbol, report.lang] = None
        # Read now, from the paragraphs at hand: reading them back from the index would cost
        # as much again.
        self._cited[report.symbol, report.lang] = rows_of(report.paragraphs)

    def remove(self, symbol: str, lang: str | None = None) -> list[ReportKey]:
        """Removes report `symbol` in `lang`, or in every language when None, with its
        paragraphs; returns the versions removed, (symbol, lang), none if it had none."""
        matching = {"symbol": symbol} if lang is None else {"symbol": symbol, "lang": lang}
        with self._writer.searcher() as searcher:
            found = sorted(
                (stored["symbol"], stored["lang"])
                for stored in searcher.documents(kind=schema.REPORT, **matching)
            )
        for found_symbol, found_lang in found:
            self._writer.delete_by_query(
                And([Term("symbol", found_symbol), Term("lang", found_lang)])
            )
        for key in found:
            self._encode.pop(key, None)
            self._cited.pop(key, None)
            self._removed.add(key)
        return found

    def add_vectors(self, reports: Collection[ReportKey] | None = None) -> None:
        """Gives the indexed reports `reports`, (symbol, lang), their paragraphs' vectors anew;
        None: every report that has none (indexed before search by meaning). Its paragraphs are
        read and encoded when the transaction ends."""
        if not self._vectors:
            raise ValueError("a transaction without vectors cannot add any")
        if reports is None:
            self._missing = True
        else:
            self._encode.update(dict.fromkeys(reports))

    def _write_vectors(self, folder: Path, progress: VectorsProgress | None) -> None:
        """Writes the vectors of the reports added, or asked for, into `folder`, whose Whoosh
        index is committed."""
        started = time.monotonic()
        if not self._vectors:
            # The rows the reports added had, if any, are those of the versions they replace.
            if (self._encode or self._removed) and Vectors.open(folder) is not None:
                write_vectors(folder, {*self._encode, *self._removed}, ())
            self.encoded = Encoded(0, 0.0)
            return
        encoding = dict(self._encode)
        ix = open_for_reading(folder)
        try:
            with ix.searcher() as searcher:
                if self._missing:
                    encoding.update(
                        dict.fromkeys(sorted(without_vectors(searcher, Vectors.open(folder))))
                    )
                paragraphs = {report: _paragraphs(searcher, report) for report in encoding}
        finally:
            ix.close()
        total = sum(len(keyed) for keyed in paragraphs.values())
        if progress is not None:
            progress(0, total)

        def encoded() -> Iterator[tuple[ReportKey, list[str], npt.NDArray[np.float32]]]:
            done = 0
            for report, keyed in paragraphs.items():

                def told(count: int, before: int = done) -> None:
                    if progress is not None:
                        progress(before + count, total)

                vectors = encoder().encode([text for _, text in keyed], told)
                yield report, [key for key, _ in keyed], vectors
                done += len(keyed)

        if encoding or self._removed:
            write_vectors(folder, {*encoding, *self._removed}, encoded())
        self.encoded = Encoded(total, time.monotonic() - started)

    def _write_citations(self, folder: Path) -> None:
        """Writes the citations of the reports added into `folder`, whose Whoosh index is
        committed, and drops those of the reports removed; all of them, the first time (the
        others' read back from the index)."""
        added = dict(self._cited)
        if Citations.open(folder) is None:
            ix = open_for_reading(folder)
            try:
                with ix.searcher() as searcher:
                    for stored in searcher.documents(kind=schema.REPORT):
                        report = (stored["symbol"], stored["lang"])
                        if report not in added:
                            added[report] = rows_of(
                                paragraph_from(document)
                                for document in searcher.documents(
                                    kind=schema.PARAGRAPH, symbol=report[0], lang=report[1]
                                )
                            )
            finally:
                ix.close()
        write_citations(folder, {*added, *self._removed}, added.items())


@contextlib.contextmanager
def transaction(
    generations: Generations,
    *,
    wait: bool,
    bulk: bool,
    vectors: bool = True,
    on_vectors: VectorsProgress | None = None,
) -> Iterator[Batch]:
    """A batch of changes to the next generation, published when the block ends, or not at all
    if it raises (see Library.transaction). `on_vectors` is told how far the vectors step has
    got; `Batch.encoded` says how long it took. `vectors=False` leaves the reports added without
    vectors, found by their words only until `add_vectors` (for a library built for its words:
    encoding a paragraph takes 3 to 11 ms of a core, several times as long as indexing it)."""
    with generations.next(wait=wait) as folder:
        ix = whoosh_index.open_dir(str(folder))
        with tied_to_this_process():
            if bulk and BULK_PROCESSES > 1:
                # The segments are not merged: merging would take about as long again.
                writer = ix.writer(codec=WritingCodec(), procs=BULK_PROCESSES, multisegment=True)
            else:
                writer = ix.writer(codec=WritingCodec())
            try:
                batch = Batch(writer, vectors)
                yield batch
            except BaseException:
                # The workers first: cancelling removes files that a working one still reads.
                stop_workers(writer)
                writer.cancel()
                ix.close()
                raise
            writer.commit()
            ix.close()
        # Encoded in this process, whose workers are done: they have written the index.
        batch._write_vectors(folder, on_vectors)
        batch._write_citations(folder)


def open_for_reading(folder: Path) -> Any:
    """The index in `folder`, its files read rather than mapped into memory: mapped, each file
    searched counts whole towards the process's resident memory (600 MB serving 100,000
    paragraphs, against 180 MB read), for searches about a sixth faster."""
    return FileStorage(str(folder), supports_mmap=False).open_index()


def live_folder(generations: Generations) -> Path:
    """The published index, after publishing an empty one if there is none (or if it was built
    with another schema)."""
    live = generations.current()
    if live is not None:
        ix = whoosh_index.open_dir(str(live))
        fields = schema.schema_fields(ix.schema)
        ix.close()
        if fields == schema.schema_fields(schema.build_schema()):
            return live
        log.warning("index in %s has another schema; starting an empty one", live)
    with generations.next(wait=True, start_empty=True) as folder:
        whoosh_index.create_in(str(folder), schema.build_schema()).close()
        # No vectors at all would mean an index built before them; likewise citations.
        write_vectors(folder, (), ())
        write_citations(folder, (), ())
    published = generations.current()
    assert published is not None
    return published


def without_vectors(searcher: Any, vectors: Vectors | None) -> set[ReportKey]:
    """The reports, (symbol, lang), in the index of `searcher` that have no rows in `vectors`."""
    having = vectors.reports if vectors is not None else frozenset()
    indexed = {
        (stored["symbol"], stored["lang"]) for stored in searcher.documents(kind=schema.REPORT)
    }
    return indexed - having


def _paragraphs(searcher: Any, report: ReportKey) -> list[tuple[str, str]]:
    """The key and text of each of the report's paragraphs in the index, in the index's order."""
    symbol, lang = report
    return [
        (stored_key(stored), stored["text"])
        for stored in searcher.documents(kind=schema.PARAGRAPH, symbol=symbol, lang=lang)
    ]
