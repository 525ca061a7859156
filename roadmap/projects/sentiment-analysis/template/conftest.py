"""Shared set-up for the checks (do not edit: the lab compares it with the original).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import sentiment``.
"""
import contextlib
import os
import random
import sys

import numpy as np
import pytest
import torch

torch.set_num_threads(1)  # one thread is much faster than two on small models


def pytest_configure(config):
    # torch.onnx.export warns about every Python number it traces; nothing to act on here.
    config.addinivalue_line("filterwarnings", "ignore::torch.jit.TracerWarning")
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning")


SEED = 0
EPOCHS = 10


@pytest.fixture(autouse=True)
def _seeded():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)


@pytest.fixture(scope="session")
def splits():
    """The training and held-out reviews (given code, so it cannot fail)."""
    from sentiment.data import load_split

    return {"train": load_split("train"), "test": load_split("test")}


# Every read of the held-out split by code other than the tests, wherever it happens: while the
# test modules import your modules (a read at import time) and while your model trains. The
# watch follows the given generator's own functions in data.py, so another name for them (an
# alias, a value computed when a module is imported) is seen too.
HELDOUT_READS: list = []
_DATA_FILE = os.path.join("sentiment", "data.py")
_GENERATOR = {"load_split", "_generate", "_make", "_predicates", "_pool"}


def _watch_heldout(frame, event, arg):
    code = frame.f_code
    if event != "call" or code.co_name not in _GENERATOR or not code.co_filename.endswith(_DATA_FILE):
        return
    if frame.f_locals.get("split") != "test":
        return
    caller = frame.f_back
    while caller is not None and caller.f_code.co_filename.endswith(_DATA_FILE):
        caller = caller.f_back
    where = f"{os.path.basename(caller.f_code.co_filename)}:{caller.f_lineno}" if caller else "?"
    HELDOUT_READS.append(f"{code.co_name}('test') from {where}")


@contextlib.contextmanager
def _heldout_watched():
    import sentiment.data as data

    data._generate.cache_clear()  # so that a cached split is generated again, in sight of the watch
    sys.setprofile(_watch_heldout)
    try:
        yield
    finally:
        sys.setprofile(None)


sys.setprofile(_watch_heldout)  # on while the test modules are collected (and import yours)


def pytest_collection_finish(session):
    sys.setprofile(None)


@pytest.fixture(scope="session")
def trained(splits):
    """A function that builds the vocabulary and trains YOUR model once, then reuses them.

    The work happens inside the first test that calls it, so a TODO that is not done yet makes
    that test fail instead of breaking the whole session. ``heldout_reads`` lists every read of
    the held-out split made while the tests were collected or while training ran.
    """
    cache = {}

    def get():
        if not cache:
            train_reviews = list(splits["train"])
            with _heldout_watched():
                from sentiment.tokenizer import Vocab
                from sentiment.train import train_model

                vocab = Vocab.build([r.text for r in train_reviews])
                model, losses = train_model(train_reviews, vocab, epochs=EPOCHS, seed=SEED)
            cache.update(model=model.eval(), vocab=vocab, losses=losses, heldout_reads=list(HELDOUT_READS))
        return cache

    return get
