import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from scratchnet import SGD, CrossEntropyLoss, Dense, ReLU, Sequential
from scratchnet.train import fit, train_digits_classifier


def _blobs(seed=0, n=200):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n)
    centers = np.array([[-1.5, -1.0], [1.5, 1.0]])
    X = centers[y] + rng.normal(scale=0.7, size=(n, 2))
    return X, y


def _tiny_model(seed):
    rng = np.random.default_rng(seed)
    return Sequential([Dense(2, 8, rng=rng), ReLU(), Dense(8, 2, rng=rng)])


def test_fit_returns_history_and_learns():
    X, y = _blobs()
    model = _tiny_model(0)
    history = fit(model, CrossEntropyLoss(), SGD(lr=0.1), X, y, epochs=15, batch_size=16, seed=0)
    assert history is not None and len(history) == 15, (
        f"fit must return one loss per epoch (15), got {None if history is None else len(history)}"
    )
    assert all(np.isfinite(h) for h in history), f"the loss history contains inf/nan: {history}"
    assert history[-1] < 0.6 * history[0], (
        f"the loss should fall clearly during training: first epoch {history[0]:.4f}, last {history[-1]:.4f}"
    )
    acc = float(np.mean(model.predict(X) == y))
    assert acc > 0.9, f"two well separated blobs should be learned (>90% accuracy), got {acc:.2%}"


def test_fit_is_reproducible():
    X, y = _blobs(seed=1)
    h1 = fit(_tiny_model(3), CrossEntropyLoss(), SGD(lr=0.05), X, y, epochs=3, batch_size=10, seed=7)
    h2 = fit(_tiny_model(3), CrossEntropyLoss(), SGD(lr=0.05), X, y, epochs=3, batch_size=10, seed=7)
    assert h1 is not None and np.allclose(h1, h2), (
        "two runs with the same seed must give identical loss histories; "
        "shuffle with np.random.default_rng(seed) only"
    )
    h3 = fit(_tiny_model(3), CrossEntropyLoss(), SGD(lr=0.05), X, y, epochs=3, batch_size=10, seed=8)
    assert not np.allclose(h1, h3), "a different seed should shuffle the batches differently"


def test_digits_accuracy_at_least_95_percent():
    digits = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(
        digits.data / 16.0, digits.target, test_size=0.25, random_state=0, stratify=digits.target
    )
    start = time.perf_counter()
    model, history = train_digits_classifier(X_train, y_train, seed=0)
    seconds = time.perf_counter() - start
    assert seconds < 40, f"training took {seconds:.1f} s; keep it well under a minute (fewer epochs?)"
    assert len(history) > 0 and history[-1] < history[0], "the training loss should go down"
    acc = float(np.mean(np.argmax(model.forward(X_test), axis=1) == y_test))
    assert acc >= 0.95, f"held-out accuracy on digits is {acc:.2%}; it must be at least 95%"
