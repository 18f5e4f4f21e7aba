"""Whoosh's codec, with costs of its segment writing taken out (the index it writes is Whoosh's
own format, read by Whoosh's own codec, with the same terms, postings and lengths).

When Whoosh writes a segment, it asks for each posting the length of the document's field, and
for a field that keeps no lengths (IDs, the words kept for spelling) it asks the file system
again each time whether the lengths' file exists: a `stat` for most postings, a third of the time
of writing them. For a field with lengths it decodes the document's length from the lengths'
file each time, a tenth of the time of writing a segment: they are decoded once, all of a field's
together. Neither answer can change while a segment is written.

Small blocks of postings are not compressed, and the words kept for spelling are written with
their terms rather than in blocks of postings (see below).
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3FieldWriter,
    W3PerDocReader,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length

from index.whoosh_internals.fields import WrittenWords

# Blocks of fewer postings are written as they are (most terms are in a few paragraphs):
# compressing them took 8% of the time of writing a segment, for 3% of the index's size. Whoosh
# means to leave blocks below 20 bytes as they are, but compresses them all.
COMPRESSED_FROM = 8


class WritingCodec(W3Codec):  # type: ignore[misc]
    """For writers only (`ix.writer(codec=WritingCodec())`). The segments it writes name
    Whoosh's own codec, so reading an index never needs this module."""

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _PerDocReader(storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def new_segment(self, storage: Any, indexname: str) -> Any:
        return W3Codec().new_segment(storage, indexname)


class _PerDocReader(W3PerDocReader):  # type: ignore[misc]
    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._columns: dict[str, bool] = {}
        self._lengths: dict[str, list[int | None] | None] = {}

    def has_column(self, fieldname: str) -> bool:
        if fieldname not in self._columns:
            self._columns[fieldname] = bool(super().has_column(fieldname))
        return self._columns[fieldname]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        if fieldname not in self._lengths:
            self._lengths[fieldname] = self._field_lengths(fieldname)
        lengths = self._lengths[fieldname]
        return default if lengths is None else lengths[docnum]

    def _field_lengths(self, fieldname: str) -> list[int | None] | None:
        """Every document's length in the field, as Whoosh's `doc_field_length` gives each (None
        for none), or None if the field keeps no lengths."""
        reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if reader is None:
            return None
        return [byte_to_length(byte) if byte else None for byte in reader]


class _FieldWriter(W3FieldWriter):  # type: ignore[misc]
    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        if isinstance(fieldobj, WrittenWords):
            self._postwriter = _InlinePostingsWriter(self._postfile)


class _PostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    _compression: int

    def _write_block(self, last: bool = False) -> None:
        level = self._compression
        if len(self._ids) < COMPRESSED_FROM:
            self._compression = 0
        try:
            super()._write_block(last)
        finally:
            self._compression = level


class _InlinePostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Keeps a term's postings in the term's entry, as Whoosh can (its `inlinelimit`, broken in
    2.7.4), rather than in a block of their own, for the words kept for spelling: they are asked
    whether a word is there and which words are near, never for their postings, and they are
    nearly half of an index's terms."""

    _terminfo: Any

    def __init__(self, postfile: Any) -> None:
        super().__init__(postfile, blocklimit=None, compression=0, inlinelimit=None)

    def add_posting(
        self, id_: int, weight: float, vbytes: bytes, length: int | None = None
    ) -> None:
        self._ids.append(id_)
        self._weights.append(weight)
        self._values.append(vbytes)

    def finish_postings(self) -> Any:
        terminfo = self._terminfo
        terminfo.add_block(self)
        terminfo.set_inlined(self._ids, self._weights, self._values)
        self._terminfo = None
        return terminfo
