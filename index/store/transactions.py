"""Whoosh indexes in the generations' folders: opened for reading, started empty, and changed in
transactions that publish a whole new index or nothing."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.query import And, Term

from index.language.official import check_language
from index.models import Report
from index.store import schema
from index.store.documents import check_report, paragraph_document, report_document
from index.store.generations import Generations
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


class Batch:
    """The changes of one transaction."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

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


@contextlib.contextmanager
def transaction(generations: Generations, *, wait: bool, bulk: bool) -> Iterator[Batch]:
    """A batch of changes to the next generation, published when the block ends, or not at all
    if it raises (see Library.transaction)."""
    with generations.next(wait=wait) as folder:
        ix = whoosh_index.open_dir(str(folder))
        with tied_to_this_process():
            if bulk and BULK_PROCESSES > 1:
                # The segments are not merged: merging would take about as long again.
                writer = ix.writer(codec=WritingCodec(), procs=BULK_PROCESSES, multisegment=True)
            else:
                writer = ix.writer(codec=WritingCodec())
            try:
                yield Batch(writer)
            except BaseException:
                # The workers first: cancelling removes files that a working one still reads.
                stop_workers(writer)
                writer.cancel()
                ix.close()
                raise
            writer.commit()
            ix.close()


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
    published = generations.current()
    assert published is not None
    return published
