"""Whoosh's codec, with one cost of its segment writing taken out.

When Whoosh writes a segment, it asks for each posting the length of the document's field, and
for a field that keeps no lengths (IDs, numbers, the words kept for spelling) it asks the file
system again each time whether the lengths' file exists: a `stat` for most postings, a third of
the time of writing them. The answer cannot change while a segment is written.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader


class WritingCodec(W3Codec):  # type: ignore[misc]
    """For writers only (`ix.writer(codec=WritingCodec())`). The segments it writes name
    Whoosh's own codec, so reading an index never needs this module."""

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _PerDocReader(storage, segment)

    def new_segment(self, storage: Any, indexname: str) -> Any:
        return W3Codec().new_segment(storage, indexname)


class _PerDocReader(W3PerDocReader):  # type: ignore[misc]
    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._columns: dict[str, bool] = {}

    def has_column(self, fieldname: str) -> bool:
        if fieldname not in self._columns:
            self._columns[fieldname] = bool(super().has_column(fieldname))
        return self._columns[fieldname]
