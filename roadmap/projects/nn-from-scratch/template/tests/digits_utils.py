"""The digits the training tests use, and one cached training run per data set.

The tests hand ``train_digits_classifier`` a training split whose 64 pixel columns are
shuffled by a permutation of their own. A fully connected network does not care in which
order its inputs come (it has no idea which pixels are neighbours), so honest training is
unaffected; a model trained on anything but the rows it was given is.

While ``train_digits_classifier`` runs, the tests also watch it:

* an audit hook notes every file it opens in scikit-learn's data folder or in ``tests/``, and
  every process it starts: the held-out digits are in scikit-learn's data file, and the test's
  pixel order and shift seeds are in this file, so training must not read either;
* ``Sequential.forward`` notes every pass over the validation rows (those of
  ``train_val_split(X_train, y_train, 0.2, seed)``) with the accuracy it gave and a copy of the
  network's parameters, so the test can tell a measured validation curve from a made-up one.
"""

import functools
import os
import sys

import numpy as np
import sklearn.datasets
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

PIXEL_ORDER_SEED = 20240
SHIFT_SEED = 7


@functools.lru_cache(maxsize=None)
def _digits():
    d = load_digits()
    return d.images / 16.0, d.target


def _shifted(images, seed):
    """Every image moved by -1, 0 or +1 pixel along each axis (zeros fill the border)."""
    rng = np.random.default_rng(seed)
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    dy = rng.integers(-1, 2, size=len(images))
    dx = rng.integers(-1, 2, size=len(images))
    out = np.empty_like(images)
    for i in range(len(images)):
        out[i] = padded[i, 1 + dy[i]:9 + dy[i], 1 + dx[i]:9 + dx[i]]
    return out


@functools.lru_cache(maxsize=None)
def digits_split(kind="plain"):
    """``X_train, X_test, y_train, y_test`` (stratified 75/25, seed 0), pixels permuted."""
    images, y = _digits()
    if kind == "shifted":
        images = _shifted(images, SHIFT_SEED)
    X = images.reshape(len(images), -1)
    X = X[:, np.random.default_rng(PIXEL_ORDER_SEED).permutation(X.shape[1])]
    return train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)


_SKLEARN_DATA = os.path.join(os.path.dirname(os.path.realpath(sklearn.datasets.__file__)), "data")
_TESTS = os.path.dirname(os.path.realpath(__file__))
_SPAWN_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
                 "os.fork", "os.forkpty"}
_audit_log = []  # what training read or started; None while nobody is watching
_watching = [False]


def _audit(event, args):
    if not _watching[0]:
        return
    if event in _SPAWN_EVENTS:
        _audit_log.append(f"started a process ({event})")
    elif event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith((_SKLEARN_DATA + os.sep, _TESTS + os.sep)):
            _audit_log.append(f"opened {path}")


sys.addaudithook(_audit)


class ValidationWatch:
    """Every forward pass of a ``Sequential`` over exactly the validation rows, as
    ``(accuracy, [copies of the parameters])``."""

    def __init__(self, X_val, y_val):
        self.X_val, self.y_val = X_val, y_val
        self.passes = []

    def see(self, model, x, out):
        if np.shape(x) == self.X_val.shape and np.array_equal(x, self.X_val):
            acc = float(np.mean(np.argmax(out, axis=1) == self.y_val))
            self.passes.append((acc, [np.array(p, copy=True) for p in model.parameters()]))

    def measured_curve(self):
        """The accuracies of the passes, one per network state (repeated passes over the same
        parameters count once)."""
        curve, last = [], None
        for acc, params in self.passes:
            if last is None or len(params) != len(last) or not all(
                    np.array_equal(a, b) for a, b in zip(params, last)):
                curve.append((acc, params))
            last = params
        return curve


@functools.lru_cache(maxsize=None)
def trained(kind="plain"):
    """``(model, report, seconds, X_train, y_train, X_test, y_test, watch)``, computed once.

    lru_cache does not store exceptions, so while a TODO is missing every test that needs
    this fails on its own (and the next one tries again).
    """
    import time

    from scratchnet.network import Sequential
    from scratchnet.train import train_digits_classifier, train_val_split

    X_train, X_test, y_train, y_test = digits_split(kind)
    _, X_val, _, y_val = train_val_split(X_train, y_train, 0.2, 0)
    watch = ValidationWatch(X_val, y_val)
    forward = Sequential.forward

    def watched_forward(self, x):
        out = forward(self, x)
        watch.see(self, x, out)
        return out

    del _audit_log[:]
    Sequential.forward = watched_forward
    _watching[0] = True
    start = time.process_time()
    try:
        model, report = train_digits_classifier(X_train.copy(), y_train.copy(), seed=0)
    finally:
        seconds = time.process_time() - start
        _watching[0] = False
        Sequential.forward = forward
    read = sorted(set(_audit_log))
    assert not read, (
        "while it trained, train_digits_classifier " + "; ".join(read) + ". Train on the rows "
        "you are given: scikit-learn's data file holds the held-out test digits too, and tests/ "
        "holds the test's pixel order."
    )
    return model, report, seconds, X_train, y_train, X_test, y_test, watch
