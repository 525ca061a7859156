"""Shared set-up for the checks (do not edit: the lab compares it with the original).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import summarizer``.
"""
import random

import numpy as np
import pytest
import torch

torch.set_num_threads(1)  # one thread is much faster than two on small models

SEED = 0
TOY_TRAIN_PAIRS = 500
TOY_EPOCHS = 8


@pytest.fixture(autouse=True)
def _seeded():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)


@pytest.fixture(scope="session")
def toy_model():
    """A function that trains YOUR seq2seq model on the toy task once, then reuses it.

    The work happens inside the first test that calls it, so an unfinished TODO fails that test
    instead of breaking the session. While training runs, any request for the held-out toy pairs
    is recorded (``heldout_reads``).
    """
    cache = {}

    def get():
        if not cache:
            import summarizer.seq2seq as seq2seq

            pairs = seq2seq.toy_pairs("train", TOY_TRAIN_PAIRS, seed=SEED)
            original, seen = seq2seq.toy_pairs, []

            def watched(split, *args, **kwargs):
                if split == "test":
                    seen.append(split)
                return original(split, *args, **kwargs)

            seq2seq.toy_pairs = watched
            try:
                model, vocab, losses = seq2seq.train_seq2seq(pairs, epochs=TOY_EPOCHS, seed=SEED)
            finally:
                seq2seq.toy_pairs = original
            cache.update(model=model, vocab=vocab, losses=losses, heldout_reads=seen)
        return cache

    return get
