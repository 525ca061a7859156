"""Shared pytest setup for the detector checks.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import detector`` when you run ``python -m pytest`` from here.

Nothing here calls your code: the expensive work (training your detector once) happens
inside the first test that needs it, so a TODO that is not done yet makes that test fail
instead of breaking the whole run.
"""
import contextlib
import os
import sys
import time

os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

from detector.data import make_scenes  # noqa: E402  (given code)

torch.set_num_threads(1)  # two threads are many times slower than one on small CPUs

TRAIN_SCENES, TRAIN_SEED = 800, 11
HELD_OUT_SCENES, HELD_OUT_SEED = 200, 2024


@contextlib.contextmanager
def _watch_generator():
    """Record calls of the scene generator while your training runs (it should make none:
    ``train_detector`` learns from the scenes it is given, never from scenes it draws itself,
    which could be the held-out ones)."""
    from detector import data

    originals = {name: getattr(data, name) for name in ("make_scenes", "make_scene")}
    calls = []

    def spy(name, fn):
        def wrapper(*args, **kwargs):
            calls.append({"function": name, "seed": kwargs.get("seed")})
            return fn(*args, **kwargs)
        return wrapper

    patched = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "detector" or module_name.startswith("detector.")):
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
def held_out():
    """A function returning the scenes your training code never sees (graded on these)."""
    cache = []

    def get():
        if not cache:
            cache.append(make_scenes(HELD_OUT_SCENES, seed=HELD_OUT_SEED))
        return cache[0]

    return get


@pytest.fixture(scope="session")
def trained():
    """A function that trains your detector ONCE (on its own scenes) and then reuses it."""
    cache = {}

    def get():
        if not cache:
            from detector.train import train_detector

            images, boxes, labels = make_scenes(TRAIN_SCENES, seed=TRAIN_SEED)
            torch.manual_seed(0)
            np.random.seed(0)
            with _watch_generator() as generator_calls:
                start = time.process_time()
                model, history = train_detector(images, boxes, labels, seed=0, log=None)
                seconds = time.process_time() - start
            cache.update(model=model, history=history, seconds=seconds, generator_calls=generator_calls)
        return cache

    return get
