"""Shared set-up for the checks (do not edit: the lab compares it with the original).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import sentiment``.
"""
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


def _watch_heldout(seen: list):
    """Wrap the data module's entry points so that reading the held-out split is recorded."""
    import sentiment.data as data

    originals = {"load_split": data.load_split, "_generate": data._generate}

    def load_split(split, *args, **kwargs):
        if split == "test":
            seen.append("load_split('test')")
        return originals["load_split"](split, *args, **kwargs)

    def _generate(split, *args, **kwargs):
        if split == "test":
            seen.append("_generate('test')")
        return originals["_generate"](split, *args, **kwargs)

    wrappers = {"load_split": load_split, "_generate": _generate}
    patched = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "sentiment" or name.startswith("sentiment.")):
            continue
        for attr, original in originals.items():
            if getattr(module, attr, None) is original:
                setattr(module, attr, wrappers[attr])
                patched.append((module, attr, original))
    return patched


@pytest.fixture(scope="session")
def trained(splits):
    """A function that builds the vocabulary and trains YOUR model once, then reuses them.

    The work happens inside the first test that calls it, so a TODO that is not done yet makes
    that test fail instead of breaking the whole session. While training runs, any read of the
    held-out split is recorded (``heldout_reads``).
    """
    cache = {}

    def get():
        if not cache:
            import sentiment.train  # noqa: F401 - load the learner's modules before patching
            from sentiment.tokenizer import Vocab
            from sentiment.train import train_model

            vocab = Vocab.build([r.text for r in splits["train"]])
            seen: list = []
            patched = _watch_heldout(seen)
            try:
                model, losses = train_model(splits["train"], vocab, epochs=EPOCHS, seed=SEED)
            finally:
                for module, attr, original in patched:
                    setattr(module, attr, original)
            cache.update(model=model.eval(), vocab=vocab, losses=losses, heldout_reads=seen)
        return cache

    return get
