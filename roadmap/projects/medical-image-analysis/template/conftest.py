"""Shared pytest setup for the medical imaging checks.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import medimg`` when you run ``python -m pytest`` from here.

Nothing here calls your code when pytest starts: the expensive work (training your two
networks once) happens inside the first test that needs it, so a TODO that is not done yet
makes that test fail instead of breaking the whole run. All scans are synthetic.
"""
import contextlib
import os
import sys

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402
import torch  # noqa: E402

from medimg.data import make_dataset  # noqa: E402  (given code)

torch.set_num_threads(1)  # two threads are many times slower than one on small CPUs

SPLITS = {"train": (400, 101), "val": (150, 202), "test": (200, 303)}  # slices, seed


@pytest.fixture(scope="session")
def scans():
    """A function returning ``{"train"|"val"|"test": (hu, masks, labels)}`` (generated once)."""
    cache = {}

    def get():
        if not cache:
            for name, (n, seed) in SPLITS.items():
                cache[name] = make_dataset(n, seed=seed)
        return cache

    return get


@contextlib.contextmanager
def _watch_generator():
    """Record calls of the slice generator while your training runs: training learns from the
    slices it is given, never from slices it draws itself (they could be the test ones)."""
    from medimg import data

    originals = {name: getattr(data, name) for name in ("make_dataset", "make_slice")}
    calls = []

    def spy(name, fn):
        def wrapper(*args, **kwargs):
            calls.append(name)
            return fn(*args, **kwargs)
        return wrapper

    patched = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "medimg" or module_name.startswith("medimg.")):
            continue
        for name, fn in originals.items():
            if getattr(module, name, None) is fn:
                setattr(module, name, spy(name, fn))
                patched.append((module, name, fn))
    try:
        yield calls
    finally:
        for module, name, fn in patched:
            setattr(module, name, fn)


@pytest.fixture(scope="session")
def classifier(scans):
    """A function that trains your LesionNet ONCE on the training slices and reuses it."""
    cache = {}

    def get():
        if not cache:
            from medimg.train import train_classifier

            hu, _, labels = scans()["train"]
            torch.manual_seed(0)
            with _watch_generator() as calls:
                model, history = train_classifier(hu, labels, seed=0, log=None)
            cache.update(model=model, history=history, generator_calls=calls)
        return cache

    return get


@pytest.fixture(scope="session")
def segmenter(scans):
    """A function that trains your U-Net ONCE on the training slices and reuses it."""
    cache = {}

    def get():
        if not cache:
            from medimg.train import train_segmenter

            hu, masks, _ = scans()["train"]
            torch.manual_seed(0)
            with _watch_generator() as calls:
                model, history = train_segmenter(hu, masks, seed=0, log=None)
            cache.update(model=model, history=history, generator_calls=calls)
        return cache

    return get
