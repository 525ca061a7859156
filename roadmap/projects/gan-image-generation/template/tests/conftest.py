"""Test-side set-up (part of the checks: do not edit).

- The referee (``tests/referee.py``) reads the digits itself and gives your training code
  only the TRAINING digits, as arrays. An audit hook records every opening of a ``mnist-*``
  file by anything but the referee, at any time during the tests: your code must not read
  the data files itself while the tests run.
- Your code may not import the tests' own helpers (``referee``, ``onnx_eval``, ``conftest``).
- Each GAN is trained once per session, inside the first test that needs it (an unfinished
  TODO fails that test instead of breaking the session; ``lru_cache`` does not cache
  exceptions).
"""
import builtins
import functools
import importlib
import os
import sys
import time
from pathlib import Path

import pytest

import referee

PROJECT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FILES = {"train": PROJECT / "data" / "mnist-train.bin.gz", "heldout": PROJECT / "data" / "mnist-heldout.bin"}

# --- who opens the digit files ----------------------------------------------------------------
_STATE = {"referee_reading": False}
OPENS = []


def _audit(event, args):
    if event != "open" or _STATE["referee_reading"] or not args or isinstance(args[0], int):
        return
    try:
        name = os.path.basename(os.fsdecode(args[0]))
    except TypeError:
        return
    if name.startswith("mnist-"):
        OPENS.append(name)


sys.addaudithook(_audit)

# --- your code may not import the referee ---------------------------------------------------------
_HELPERS = {"referee", "onnx_eval", "conftest"}
_real_import, _real_import_module = builtins.__import__, importlib.import_module


def _from_learner_code():
    frame = sys._getframe(2)
    while frame is not None:
        f = frame.f_code.co_filename
        if (os.path.isabs(f) and f.startswith(str(PROJECT) + os.sep) and not f.startswith(str(TESTS) + os.sep)
                and os.path.basename(f) != "conftest.py"):
            return f
        frame = frame.f_back
    return None


def _guard(name):
    if name.split(".")[0] in _HELPERS:
        who = _from_learner_code()
        if who:
            raise ImportError(f"`import {name}` from {os.path.relpath(who, PROJECT)}: the tests' own "
                              "helpers are not part of your project")


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0:
        _guard(name)
    return _real_import(name, globals, locals, fromlist, level)


def _guarded_import_module(name, package=None):
    if not name.startswith("."):
        _guard(name)
    return _real_import_module(name, package)


builtins.__import__ = _guarded_import
importlib.import_module = _guarded_import_module


# --- data, judge and the cached training runs ------------------------------------------------------
@functools.lru_cache(maxsize=None)
def digits(which):
    path = FILES[which]
    if not path.exists():
        pytest.fail(f"{path.relative_to(PROJECT)} is missing. The extension copies it into data/ when "
                    "it creates the project: create the project again (your own files are kept).")
    _STATE["referee_reading"] = True
    try:
        return referee.read_digits(path)
    finally:
        _STATE["referee_reading"] = False


@functools.lru_cache(maxsize=None)
def judge():
    model = referee.train_judge(*digits("train"))
    images, labels = digits("heldout")
    pred, _ = referee.judged(model, referee.as_float(images))
    accuracy = float((pred.numpy() == labels).mean())
    assert accuracy >= 0.9, f"the referee's judge only reaches {accuracy:.3f} on held-out digits"
    return model


@functools.lru_cache(maxsize=None)
def trained_toy():
    from gan.train import train_toy_gan

    sampler = referee.MixtureSampler(seed=0)
    start = time.process_time()
    generator, history = train_toy_gan(sampler, seed=0)
    return {"generator": generator, "history": history, "drawn": sampler.drawn,
            "seconds": time.process_time() - start}


@functools.lru_cache(maxsize=None)
def trained_cgan():
    from gan.train import train_conditional_gan

    images, labels = digits("train")
    start = time.process_time()
    generator, history = train_conditional_gan(images.copy(), labels.copy(), seed=0)
    return {"generator": generator, "history": history, "seconds": time.process_time() - start}


def assert_no_data_opened():
    assert not OPENS, (
        f"your code opened {sorted(set(OPENS))} itself while the tests ran: train only on the "
        "digits you are given"
    )


def leaf_types(module):
    return {type(m).__name__ for m in module.modules() if not list(m.children())}


LAYER_STATE = {"weight", "bias", "running_mean", "running_var", "num_batches_tracked"}


def stray_state(module):
    """The ``state_dict`` entries that are not a leaf layer's own weights or batch-norm
    statistics. A generator that keeps data of its own (stored digits, cluster centres) in a
    buffer shows up here: everything it draws must come from its layers' learnt weights."""
    leaves = {name for name, m in module.named_modules() if not list(m.children())}
    stray = []
    for key in module.state_dict():
        owner, _, attr = key.rpartition(".")
        if owner not in leaves or attr not in LAYER_STATE:
            stray.append(key)
    return stray
