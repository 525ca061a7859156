"""Shared pytest setup for the face recognition checks.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import facerec`` when you run ``python -m pytest`` from here.

Nothing here calls your code when pytest starts: the expensive work (training your
embedding network once) happens inside the first test that needs it, so a TODO that is not
done yet makes that test fail instead of breaking the whole run. Every face is drawn by
``facerec.data``; no photograph of anyone is used.
"""
import contextlib
import os
import sys

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402
import torch  # noqa: E402

from facerec.data import make_face_set  # noqa: E402  (given code)

torch.set_num_threads(1)  # two threads are many times slower than one on small CPUs

# identities, images per identity, seed. The test identities are never seen in training.
FACE_SETS = {"train": (100, 6, 1), "val": (15, 8, 2), "test": (20, 8, 3)}


@pytest.fixture(scope="session")
def faces():
    """A function returning ``{"train"|"val"|"test": (crops, labels)}`` (generated once)."""
    cache = {}

    def get():
        if not cache:
            for name, (n, per, seed) in FACE_SETS.items():
                cache[name] = make_face_set(n, per, seed=seed)
        return cache

    return get


@contextlib.contextmanager
def _watch_generator():
    """Record calls of the face generator while your training runs: training learns from the
    crops it is given, never from faces it draws itself (they could be the test identities)."""
    from facerec import data

    names = ("make_face_set", "render_face", "make_identities", "random_identity", "make_scene", "make_sequence")
    originals = {name: getattr(data, name) for name in names}
    calls = []

    def spy(name, fn):
        def wrapper(*args, **kwargs):
            calls.append(name)
            return fn(*args, **kwargs)
        return wrapper

    patched = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "facerec" or module_name.startswith("facerec.")):
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
def embedder(faces):
    """A function that trains your EmbeddingNet ONCE on the training identities and reuses it."""
    cache = {}

    def get():
        if not cache:
            from facerec.embed import train_embedder

            images, labels = faces()["train"]
            torch.manual_seed(0)
            with _watch_generator() as calls:
                model, history = train_embedder(images, labels, seed=0, log=None)
            cache.update(model=model, history=history, generator_calls=calls)
        return cache

    return get
