"""Paragraphs' sentence vectors, published with the index they belong to or not at all: the
real encoder, real indexes on disk."""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from index.language.meaning import encoder
from index.models import PREAMBULAR, Paragraph, Report
from index.store import schema, transactions
from index.store.generations import Generations
from index.store.transactions import live_folder, open_for_reading, transaction, without_vectors
from index.store.vectors import CODES, KEYS, SCALES, Vectors, quantised

CHILDREN = "A/HRC/99/1"
OTHER = "A/HRC/99/2"
# The paragraphs of the report on children, in English and French, the detention of migrant
# children first.
ENGLISH = [
    "States should end the immigration detention of children and ensure that no child is "
    "deprived of liberty on account of his or her migration status or that of his or her parents.",
    "Online sexual exploitation of children, including through livestreaming, has increased "
    "sharply, and platforms must detect and remove child sexual abuse material.",
    "Climate change and environmental degradation threaten the right of children to health, "
    "education and an adequate standard of living.",
    "Child marriage remains widespread in several regions and deprives girls of education and "
    "of their childhood.",
]
FRENCH = [
    "Les États devraient mettre fin à la rétention des enfants migrants.",
    "L'exploitation sexuelle des enfants en ligne a fortement augmenté.",
    "Les changements climatiques menacent le droit des enfants à la santé.",
    "Le mariage des enfants reste très répandu dans plusieurs régions.",
]


def report(symbol: str, texts: list[str], lang: str = "en") -> Report:
    paragraphs = tuple(
        Paragraph(symbol=symbol, lang=lang, number=number, text=text)
        for number, text in enumerate(texts, start=1)
    )
    return Report(symbol=symbol, lang=lang, title="A report", paragraphs=paragraphs)


def add(generations: Generations, *reports: Report) -> None:
    with transaction(generations, wait=False, bulk=False) as batch:
        for each in reports:
            batch.add(each)


def live(generations: Generations) -> Vectors:
    folder = generations.current()
    assert folder is not None
    vectors = Vectors.open(folder)
    assert vectors is not None
    return vectors


def rows(vectors: Vectors, symbol: str, lang: str = "en") -> tuple[list[str], bytes]:
    """The keys of a report's rows and the rows themselves, int8 and scales, as bytes."""
    at = np.flatnonzero(vectors.mask({(symbol, lang)}))
    return [vectors.keys[row] for row in at.tolist()], (
        vectors._codes[at].tobytes() + vectors._scales[at].tobytes()
    )


def files(folder: Path) -> dict[str, tuple[int, str]]:
    """Each vectors file of `folder`: its inode and a hash of what it holds."""
    return {
        name: (
            (folder / name).stat().st_ino,
            hashlib.sha256((folder / name).read_bytes()).hexdigest(),
        )
        for name in (CODES, SCALES, KEYS)
    }


@pytest.fixture
def generations(tmp_path: Path) -> Generations:
    """An empty index, as a library starts one."""
    generations = Generations(tmp_path / "index")
    live_folder(generations)
    return generations


def test_an_empty_index_has_vectors_for_none(generations: Generations) -> None:
    vectors = live(generations)
    assert len(vectors) == 0
    assert vectors.reports == frozenset()
    assert vectors.nearest(encoder().encode(["children"])[0], 5) == []


def test_a_report_is_published_with_its_vectors(generations: Generations) -> None:
    preamble = Paragraph(symbol=CHILDREN, number=1, kind=PREAMBULAR, text="Recalling its work,")
    annexed = Paragraph(symbol=CHILDREN, annex="I", number=1, text="Members of the panel.")
    children = report(CHILDREN, ENGLISH)
    children = children.model_copy(update={"paragraphs": (preamble, *children.paragraphs, annexed)})
    progress: list[tuple[int, int]] = []
    with transaction(
        generations, wait=False, bulk=False, on_vectors=lambda *told: progress.append(told)
    ) as batch:
        batch.add(children)
        batch.add(report(OTHER, ENGLISH[:2]))

    vectors = live(generations)
    assert vectors.reports == {(CHILDREN, "en"), (OTHER, "en")}
    assert len(vectors) == 8
    expected = {
        schema.paragraph_key(p.symbol, p.lang, p.annex, p.number, p.kind)
        for p in children.paragraphs
    }
    assert set(rows(vectors, CHILDREN)[0]) == expected
    assert progress[0] == (0, 8)
    assert progress[-1] == (8, 8)
    assert batch.encoded is not None
    assert batch.encoded.paragraphs == 8
    assert batch.encoded.per_second > 0


def test_a_bulk_transaction_has_vectors_too(
    generations: Generations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transactions, "BULK_PROCESSES", 2)  # workers even on one core
    with transaction(generations, wait=False, bulk=True) as batch:
        batch.add(report(CHILDREN, ENGLISH))
        batch.add(report(CHILDREN, FRENCH, lang="fr"))
    assert live(generations).reports == {(CHILDREN, "en"), (CHILDREN, "fr")}
    assert len(live(generations)) == 8


def test_a_report_replaced_has_only_its_new_rows(generations: Generations) -> None:
    add(generations, report(CHILDREN, ENGLISH), report(OTHER, ENGLISH[:3]))
    other_before = rows(live(generations), OTHER)

    add(generations, report(CHILDREN, ["A shorter version.", "Of the report."]))

    vectors = live(generations)
    assert len(vectors) == 5
    assert rows(vectors, CHILDREN)[0] == [f"{CHILDREN}|en||1", f"{CHILDREN}|en||2"]
    [(first, _)] = vectors.nearest(encoder().encode(["A shorter version."])[0], 1)
    assert first == f"{CHILDREN}|en||1"
    assert rows(vectors, OTHER) == other_before


def test_the_previous_generations_files_are_left_as_they_were(generations: Generations) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    previous = generations.current()
    assert previous is not None
    before = files(previous)

    add(generations, report(OTHER, ENGLISH[:2]))

    # The previous generation is kept one round, for readers still on it.
    assert files(previous) == before
    now = files(generations.current() or previous)
    assert all(now[name][0] != before[name][0] for name in before)
    old = Vectors.open(previous)
    assert old is not None
    assert old.reports == {(CHILDREN, "en")}


def test_a_transaction_that_raises_publishes_neither_index_nor_vectors(
    generations: Generations,
) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    published = generations.current()

    def add_then_fail() -> None:
        with transaction(generations, wait=False, bulk=False) as batch:
            batch.add(report(OTHER, ENGLISH))
            raise RuntimeError("broken")

    with pytest.raises(RuntimeError, match="broken"):
        add_then_fail()

    assert generations.current() == published
    assert live(generations).reports == {(CHILDREN, "en")}


def test_an_encoding_that_fails_publishes_nothing(generations: Generations) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    published = generations.current()
    assert published is not None
    before = files(published)
    folders = set(generations.root.glob("gen-*"))

    # A lone surrogate: Whoosh indexes it, the encoder cannot read it.
    with pytest.raises(UnicodeEncodeError):
        add(generations, report(OTHER, ["Children \ud800 at risk."]))

    assert generations.current() == published
    assert files(published) == before
    assert set(generations.root.glob("gen-*")) == folders
    ix = open_for_reading(published)
    with ix.searcher() as searcher:
        assert searcher.document(key=schema.report_key(OTHER, "en")) is None
    ix.close()
    add(generations, report(OTHER, ENGLISH[:1]))
    assert live(generations).reports == {(CHILDREN, "en"), (OTHER, "en")}


@pytest.mark.parametrize(
    "failure", [KeyboardInterrupt(), OSError(28, "No space left on device")], ids=repr
)
def test_a_vectors_step_given_up_publishes_nothing(
    generations: Generations, failure: BaseException
) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    published = generations.current()
    folders = set(generations.root.glob("gen-*"))

    def interrupted(done: int, total: int) -> None:
        if done:
            raise failure

    with (
        pytest.raises(type(failure)),
        transaction(generations, wait=False, bulk=False, on_vectors=interrupted) as batch,
    ):
        batch.add(report(OTHER, ENGLISH))

    assert generations.current() == published
    assert set(generations.root.glob("gen-*")) == folders
    assert live(generations).reports == {(CHILDREN, "en")}


def test_a_folder_without_vectors_has_none(tmp_path: Path) -> None:
    assert Vectors.open(tmp_path) is None


@pytest.mark.parametrize("damage", ["truncated", "rows disagree", "not json"])
def test_damaged_vectors_are_none(
    generations: Generations, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    folder = generations.current()
    assert folder is not None
    # The published files are hard links that no one else shares by now: damaged in place.
    if damage == "truncated":
        os.truncate(folder / CODES, 1000)
    elif damage == "rows disagree":
        np.save(folder / SCALES, np.ones(3, dtype=np.float32))
    else:
        (folder / KEYS).write_text("{")
    with caplog.at_level(logging.WARNING):
        assert Vectors.open(folder) is None
    assert "cannot read the vectors" in caplog.text


def test_an_index_without_vectors_has_them_filled_in(generations: Generations) -> None:
    add(generations, report(CHILDREN, ENGLISH), report(CHILDREN, FRENCH, lang="fr"))
    folder = generations.current()
    assert folder is not None
    # As an index built before search by meaning.
    for name in (CODES, SCALES, KEYS):
        (folder / name).unlink()
    assert Vectors.open(folder) is None

    # A report added to it has vectors; the others are found by their words only.
    add(generations, report(OTHER, ENGLISH[:2]))
    assert live(generations).reports == {(OTHER, "en")}
    ix = open_for_reading(generations.current() or folder)
    with ix.searcher() as searcher:
        assert without_vectors(searcher, live(generations)) == {
            (CHILDREN, "en"),
            (CHILDREN, "fr"),
        }
    ix.close()

    progress: list[tuple[int, int]] = []
    with transaction(
        generations, wait=False, bulk=False, on_vectors=lambda *told: progress.append(told)
    ) as batch:
        batch.add_vectors()
    assert batch.encoded is not None
    assert batch.encoded.paragraphs == 8
    assert progress[-1] == (8, 8)
    vectors = live(generations)
    assert vectors.reports == {(CHILDREN, "en"), (CHILDREN, "fr"), (OTHER, "en")}
    assert len(vectors) == 10
    query = encoder().encode([FRENCH[3]])[0]
    assert vectors.nearest(query, 1)[0][0] == f"{CHILDREN}|fr||4"


def test_a_paraphrase_finds_its_paragraph_in_any_language(generations: Generations) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    vectors = live(generations)
    for query in (
        "kids locked up at the border",
        "la détention des enfants migrants",
        "niños encerrados en la frontera",
    ):
        found = vectors.nearest(encoder().encode([query])[0], 3)
        assert found[0][0] == f"{CHILDREN}|en||1", query
        assert [cosine for _, cosine in found] == sorted(
            (cosine for _, cosine in found), reverse=True
        )


def test_a_mask_keeps_the_rows_of_reports_and_languages(generations: Generations) -> None:
    add(
        generations,
        report(CHILDREN, ENGLISH),
        report(CHILDREN, FRENCH, lang="fr"),
        report(OTHER, ENGLISH),
    )
    vectors = live(generations)
    query = encoder().encode(["le mariage des enfants"])[0]

    def found(allowed: np.typing.NDArray[np.bool_] | None) -> set[str]:
        return {key.rsplit("|", 2)[0] for key, _ in vectors.nearest(query, 20, allowed)}

    assert found(None) == {f"{CHILDREN}|en", f"{CHILDREN}|fr", f"{OTHER}|en"}
    both = {(CHILDREN, "en"), (CHILDREN, "fr")}
    assert found(vectors.mask(both)) == {f"{CHILDREN}|en", f"{CHILDREN}|fr"}
    assert found(vectors.mask({(CHILDREN, "fr")})) == {f"{CHILDREN}|fr"}
    assert found(vectors.mask({(OTHER, "en"), (OTHER, "fr")})) == {f"{OTHER}|en"}
    assert found(vectors.mask({("A/HRC/0/0", "en")})) == set()
    best = vectors.nearest(query, 1, vectors.mask({(OTHER, "en")}))
    assert best[0][0] == f"{OTHER}|en||4"


def test_int8_cosines_are_within_a_hundredth_of_float32(generations: Generations) -> None:
    texts = ENGLISH + FRENCH
    add(generations, report(CHILDREN, ENGLISH), report(CHILDREN, FRENCH, lang="fr"))
    vectors = live(generations)
    exact = encoder().encode(texts)
    codes, scales = quantised(exact)
    assert np.abs(codes.astype(np.float32) * scales[:, None] - exact).max() < 0.005
    for query in ("kids locked up at the border", "climat", "mariage"):
        vector = encoder().encode([query])[0]
        cosines = dict(
            zip(
                [f"{CHILDREN}|{lang}||{n}" for lang in ("en", "fr") for n in range(1, 5)],
                (exact @ vector).tolist(),
                strict=True,
            )
        )
        for key, cosine in vectors.nearest(vector, len(texts)):
            assert abs(cosine - cosines[key]) < 0.01


def test_an_ingest_killed_while_encoding_leaves_the_index_as_it_was(
    generations: Generations, tmp_path: Path
) -> None:
    add(generations, report(CHILDREN, ENGLISH))
    published = generations.current()
    assert published is not None
    before = files(published)
    (tmp_path / "r.json").write_text(report(OTHER, ENGLISH * 40).model_dump_json())
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from index.models import Report
        from index.store.generations import Generations
        from index.store.transactions import transaction

        def encoding(done, total):
            if done:
                print("encoding", flush=True)
                time.sleep(60)

        report = Report.model_validate_json(Path({str(tmp_path / "r.json")!r}).read_text())
        generations = Generations(Path({str(generations.root)!r}))
        with transaction(generations, wait=False, bulk=False, on_vectors=encoding) as batch:
            batch.add(report)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "encoding\n"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    assert generations.current() == published
    assert files(published) == before
    assert live(generations).reports == {(CHILDREN, "en")}
    # The lock died with the process; the next ingest also clears what it left behind.
    add(generations, report(OTHER, ENGLISH[:2]))
    assert live(generations).reports == {(CHILDREN, "en"), (OTHER, "en")}
    assert len(list(generations.root.glob("gen-*"))) == 2


def test_a_transaction_without_vectors_leaves_the_reports_added_without(
    generations: Generations,
) -> None:
    add(generations, report(CHILDREN, ENGLISH), report(OTHER, ENGLISH))
    with transaction(generations, wait=False, bulk=False, vectors=False) as batch:
        batch.add(report(CHILDREN, ENGLISH[:2]))
        with pytest.raises(ValueError, match="without vectors"):
            batch.add_vectors()
    assert batch.encoded is not None
    assert batch.encoded.paragraphs == 0
    # Its old rows went with the version they were of.
    assert live(generations).reports == {(OTHER, "en")}
    assert len(live(generations)) == 4
