"""The sentence encoder: the real model, loaded once, a unit vector per text in their order."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from index.language.meaning import BATCH, DIMENSIONS, Encoder, encoder

TEXTS = [
    "States should end the immigration detention of children.",
    "Online sexual exploitation of children has increased sharply.",
    "Climate change threatens the right of children to health.",
    "",
    "Le mariage des enfants reste très répandu dans plusieurs régions.",
]


def test_each_text_has_a_unit_vector() -> None:
    vectors = encoder().encode(TEXTS)
    assert vectors.shape == (len(TEXTS), DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def test_no_texts_no_vectors() -> None:
    assert encoder().encode([]).shape == (0, DIMENSIONS)


def test_texts_keep_their_order_in_batches_of_any_length() -> None:
    # Texts of very different lengths, more than a batch: they are encoded shortest first.
    texts = [" ".join(["children"] * (n % 17 + 1)) + f" {n}" for n in range(BATCH + 10)]
    together = encoder().encode(texts)
    apart = np.concatenate([encoder().encode([text]) for text in texts[::9]])
    assert np.allclose(together[::9], apart, atol=1e-5)


def test_progress_is_told_after_each_batch() -> None:
    told: list[int] = []
    encoder().encode(["a paragraph"] * (BATCH + 1), told.append)
    assert told == [BATCH, BATCH + 1]


def test_one_encoder_is_shared_and_loads_once() -> None:
    assert encoder() is encoder()
    shared = encoder()
    shared.load()
    model = shared._model
    shared.load()
    assert shared._model is model


def test_threads_may_encode_at_once() -> None:
    fresh = Encoder()
    alone = encoder().encode(TEXTS)
    with ThreadPoolExecutor(4) as pool:
        # The model is loaded by the first to take the lock, while the others wait.
        results = list(pool.map(lambda _: fresh.encode(TEXTS), range(8)))
    for result in results:
        assert np.allclose(result, alone, atol=1e-5)
