"""The digits the training tests use, and one cached training run per data set.

The tests hand ``train_digits_classifier`` a training split whose 64 pixel columns are
shuffled by a permutation of their own. A fully connected network does not care in which
order its inputs come (it has no idea which pixels are neighbours), so honest training is
unaffected; a model trained on anything but the rows it was given is.
"""

import functools

import numpy as np
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


@functools.lru_cache(maxsize=None)
def trained(kind="plain"):
    """``(model, report, seconds, X_train, y_train, X_test, y_test)``, computed once.

    lru_cache does not store exceptions, so while a TODO is missing every test that needs
    this fails on its own (and the next one tries again).
    """
    import time

    from scratchnet.train import train_digits_classifier

    X_train, X_test, y_train, y_test = digits_split(kind)
    start = time.process_time()
    model, report = train_digits_classifier(X_train.copy(), y_train.copy(), seed=0)
    seconds = time.process_time() - start
    return model, report, seconds, X_train, y_train, X_test, y_test
