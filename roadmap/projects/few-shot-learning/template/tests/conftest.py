"""Test-side set-up (part of the checks: do not edit).

- The referee (``tests/referee.py``) reads the digits itself. Training code gets ONLY the
  base-class digits (0-4) of the training file, as arrays. An audit hook records every
  opening of a ``mnist-*`` file or of scikit-learn's UCI digits (the second domain) by
  anything but the referee, and every process your code starts, at any time during the
  tests: your code must not read the data files itself while the tests run (that is how
  novel-class, held-out or second-domain digits would leak into training).
- Your code may not import the tests' own helpers (``referee``, ``conftest``).
- Each method is trained once per session, inside the first test that needs it, by the
  cached helpers below (an unfinished TODO fails that test instead of breaking the session;
  ``lru_cache`` does not cache exceptions).
"""
import builtins
import functools
import importlib
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import referee

PROJECT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
TRAIN_FILE = PROJECT / "data" / "mnist-train.bin.gz"
HELDOUT_FILE = PROJECT / "data" / "mnist-heldout.bin"
BASE, NOVEL = (0, 1, 2, 3, 4), (5, 6, 7, 8, 9)

# --- who opens the digit files ----------------------------------------------------------------
_STATE = {"referee_reading": False}
OPENS = []  # digit files (MNIST or the UCI second domain) opened by anything but the referee
SPAWNS = []  # processes your code started (a child process could read the files unseen)
_SPAWN_EVENTS = {"subprocess.Popen", "os.system", "os.posix_spawn", "os.exec", "os.spawn", "os.fork",
                 "os.forkpty", "pty.spawn"}
_PATH_EVENTS = {"open", "os.link", "os.rename", "os.symlink"}  # the first argument is a path


def _is_digit_file(path):
    """An MNIST file of the project, or scikit-learn's copy of the UCI digits, under any name
    a symbolic link gives it."""
    try:
        path = os.fsdecode(path)
    except TypeError:
        return False
    names = {os.path.basename(path), os.path.basename(os.path.realpath(path))}
    return any(n.startswith("mnist-") or n == "digits.csv.gz" for n in names)


def _audit(event, args):
    if _STATE["referee_reading"]:
        return
    if event in _SPAWN_EVENTS:
        who = _from_learner_code()
        if who:
            SPAWNS.append(f"{event} from {os.path.relpath(who, PROJECT)}")
    elif event in _PATH_EVENTS and args and not isinstance(args[0], int) and _is_digit_file(args[0]):
        OPENS.append(os.path.basename(os.fsdecode(args[0])))


sys.addaudithook(_audit)

# --- your code may not import the referee ---------------------------------------------------------
_HELPERS = {"referee", "conftest"}
_real_import, _real_import_module = builtins.__import__, importlib.import_module


def _from_learner_code():
    frame = sys._getframe(2)
    while frame is not None:
        f = frame.f_code.co_filename
        if os.path.isabs(f) and f.startswith(str(PROJECT) + os.sep) and not f.startswith(str(TESTS) + os.sep) \
                and os.path.basename(f) != "conftest.py":
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


# --- the data, read by the referee ------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def digits(which):
    """``digits("base")``: base-class training digits; ``digits("novel")``: novel-class
    held-out digits; ``digits("uci")``: the second domain."""
    if which == "uci":
        # scikit-learn's bundled copy of the UCI digits, read without importing scikit-learn
        import gzip
        import importlib.util

        import torch

        root = importlib.util.find_spec("sklearn").submodule_search_locations[0]
        _STATE["referee_reading"] = True
        try:
            with gzip.open(os.path.join(root, "datasets", "data", "digits.csv.gz"), "rt") as f:
                table = np.loadtxt(f, delimiter=",")
        finally:
            _STATE["referee_reading"] = False
        x = torch.tensor(table[:, :64].reshape(-1, 1, 8, 8) / 16.0, dtype=torch.float32)
        x = torch.nn.functional.interpolate(x, size=(20, 20), mode="bilinear", align_corners=False)
        x = torch.nn.functional.pad(x, (4, 4, 4, 4)).clamp(0, 1)
        return (x.squeeze(1).numpy() * 255).round().astype(np.uint8), table[:, 64].astype(np.int64)
    path = {"base": TRAIN_FILE, "novel": HELDOUT_FILE}[which]
    if not path.exists():
        pytest.fail(f"{path.relative_to(PROJECT)} is missing. The extension copies it into data/ when "
                    "it creates the project: create the project again (your own files are kept).")
    _STATE["referee_reading"] = True
    try:
        images, labels = referee.read_digits(path)
    finally:
        _STATE["referee_reading"] = False
    keep = np.isin(labels, BASE if which == "base" else NOVEL)
    return images[keep], labels[keep]


def _train(fn):
    images, labels = digits("base")
    start = time.process_time()
    model, history = fn(images.copy(), labels.copy(), seed=0)
    return {"model": model, "history": history, "seconds": time.process_time() - start}


@functools.lru_cache(maxsize=None)
def trained_protonet():
    from fewshot.protonet import train_protonet

    return _train(train_protonet)


@functools.lru_cache(maxsize=None)
def trained_siamese():
    from fewshot.siamese import train_siamese

    return _train(train_siamese)


@functools.lru_cache(maxsize=None)
def trained_reptile():
    from fewshot.reptile import train_reptile

    return _train(train_reptile)


def assert_honest_training(run, limit_s=30.0):
    assert not OPENS, (
        f"your code opened {sorted(set(OPENS))} itself while the tests ran: train only on the "
        "digits you are given (the base classes 0-4); the UCI digits are the test's second domain"
    )
    assert not SPAWNS, (
        f"your code started another process while the tests ran ({sorted(set(SPAWNS))}): train in "
        "this process, only on the digits you are given"
    )
    assert run["seconds"] <= limit_s, f"training took {run['seconds']:.1f} s of CPU (limit {limit_s} s)"


def leaf_types(module):
    return {type(m).__name__ for m in module.modules() if not list(m.children())}
