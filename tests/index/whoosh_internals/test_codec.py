"""The writing codec: the index it writes reads as the one Whoosh's own codec writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from index.store.schema import build_schema
from index.whoosh_internals.codec import COMPRESSED_FROM, WritingCodec

PARAGRAPHS = [
    "Children are trafficked for labour and for sexual exploitation.",
    "Online exploitation of children is rising.",
    "Birth registration protects children.",
    *(f"Paragraph {n} on children and violence." for n in range(2 * COMPRESSED_FROM)),
]


def write(folder: Path, codec: Any) -> Any:
    folder.mkdir(exist_ok=True)
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = ix.writer() if codec is None else ix.writer(codec=codec)
    writer.add_document(key="r", kind="report", words_en=tuple(PARAGRAPHS))
    for number, text in enumerate(PARAGRAPHS, start=1):
        writer.add_document(
            key=str(number), kind="paragraph", body_en=text, title_en="Annual report", number=number
        )
    writer.commit()
    return ix


def postings(reader: Any, field: str, term: bytes) -> list[tuple[int, float, bytes | None]]:
    matcher = reader.postings(field, term)
    found = []
    while matcher.is_active():
        # A posting without a value (a word kept for spelling) reads as None from a block of
        # postings, as "" from postings kept with their term.
        found.append((matcher.id(), matcher.weight(), matcher.value() or None))
        matcher.next()
    return found


def test_an_index_written_by_the_codec_reads_as_whooshs_own(tmp_path: Path) -> None:
    ours = write(tmp_path / "ours", WritingCodec())
    whooshs = write(tmp_path / "whooshs", None)
    with ours.reader() as mine, whooshs.reader() as theirs:
        assert list(mine.all_terms()) == list(theirs.all_terms())
        for field, term in theirs.all_terms():
            assert postings(mine, field, term) == postings(theirs, field, term), (field, term)
            assert mine.doc_frequency(field, term) == theirs.doc_frequency(field, term)
        for field in ("body_en", "title_en"):
            assert mine.field_length(field) == theirs.field_length(field)
            assert [mine.doc_field_length(doc, field) for doc in mine.all_doc_ids()] == [
                theirs.doc_field_length(doc, field) for doc in theirs.all_doc_ids()
            ]
    ours.close()
    whooshs.close()


def test_the_words_kept_for_spelling_survive_a_merge(tmp_path: Path) -> None:
    ix = write(tmp_path, WritingCodec())
    writer = ix.writer(codec=WritingCodec())
    writer.add_document(key="s", kind="report", words_en=("Sextortion online",))
    writer.commit(optimize=True)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 1
        assert ("words_en", "sextortion") in reader
        assert ("words_en", "exploitation") in reader
        assert sorted(reader.terms_within("words_en", "childern", 2)) == ["children"]
    ix.close()
