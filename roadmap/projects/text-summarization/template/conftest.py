"""Shared set-up for the checks (do not edit: the lab compares it with the original).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import summarizer``.
"""
import os
import random
import sys

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


# Every request for the held-out toy pairs by code other than the tests, wherever it happens:
# while the test modules import your modules (a request at import time) and while your model
# trains. The watch follows the given ``toy_pairs`` itself, so another name for it is seen too.
HELDOUT_READS: list = []
_TOY_FILE = os.path.join("summarizer", "seq2seq.py")


def _watch_heldout(frame, event, arg):
    code = frame.f_code
    if event == "call" and code.co_name == "toy_pairs" and code.co_filename.endswith(_TOY_FILE) \
            and frame.f_locals.get("split") == "test":
        caller = frame.f_back
        HELDOUT_READS.append(f"toy_pairs('test') from {os.path.basename(caller.f_code.co_filename)}:{caller.f_lineno}"
                             if caller else "toy_pairs('test')")


sys.setprofile(_watch_heldout)  # on while the test modules are collected (and import yours)


def pytest_collection_finish(session):
    sys.setprofile(None)


@pytest.fixture(scope="session")
def toy_model():
    """A function that trains YOUR seq2seq model on the toy task once, then reuses it.

    The work happens inside the first test that calls it, so an unfinished TODO fails that test
    instead of breaking the session. ``heldout_reads`` lists every request for the held-out toy
    pairs made while the tests were collected or while training ran.
    """
    cache = {}

    def get():
        if not cache:
            import summarizer.seq2seq as seq2seq

            pairs = seq2seq.toy_pairs("train", TOY_TRAIN_PAIRS, seed=SEED)
            sys.setprofile(_watch_heldout)
            try:
                model, vocab, losses = seq2seq.train_seq2seq(pairs, epochs=TOY_EPOCHS, seed=SEED)
            finally:
                sys.setprofile(None)
            cache.update(model=model, vocab=vocab, losses=losses, heldout_reads=list(HELDOUT_READS))
        return cache

    return get
