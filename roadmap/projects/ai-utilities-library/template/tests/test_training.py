"""Milestone 4: mini-batches and early stopping."""

import numpy as np
import pytest

from aiutils.training import EarlyStopping, iter_batches


def test_batches_cover_every_sample_once():
    X = np.arange(23 * 3).reshape(23, 3)
    y = np.arange(23) * 10
    batches = list(iter_batches(X, y, batch_size=5, shuffle=True, seed=0))
    assert [len(b[0]) for b in batches] == [5, 5, 5, 5, 3], (
        f"23 samples in batches of 5 should give sizes 5,5,5,5,3; got {[len(b[0]) for b in batches]}")
    seen = np.concatenate([b[1] for b in batches])
    assert sorted(seen.tolist()) == sorted(y.tolist()), "every sample must appear exactly once per epoch"
    for xb, yb in batches:
        np.testing.assert_array_equal(xb[:, 0] // 3 * 10, yb,
                                      err_msg="rows of X and y must stay aligned within a batch")
    assert not np.array_equal(seen, y), "shuffle=True should change the order"


def test_batches_drop_last_and_no_shuffle():
    X = np.arange(10)
    plain = [b[0].tolist() for b in iter_batches(X, batch_size=4)]
    assert plain == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], f"without shuffle keep the order, got {plain}"
    dropped = [b[0].tolist() for b in iter_batches(X, batch_size=4, drop_last=True)]
    assert dropped == [[0, 1, 2, 3], [4, 5, 6, 7]], f"drop_last should drop the short batch, got {dropped}"
    with pytest.raises(ValueError):
        list(iter_batches(np.arange(5), np.arange(6), batch_size=2))


def test_shuffle_is_reproducible():
    X = np.arange(50)
    first = [b[0].tolist() for b in iter_batches(X, batch_size=8, shuffle=True, seed=42)]
    again = [b[0].tolist() for b in iter_batches(X, batch_size=8, shuffle=True, seed=42)]
    other = [b[0].tolist() for b in iter_batches(X, batch_size=8, shuffle=True, seed=43)]
    assert first == again, "the same seed must give the same batches"
    assert first != other, "a different seed should give different batches"


def test_early_stopping_stops_after_patience():
    stopper = EarlyStopping(patience=3)
    losses = [1.0, 0.8, 0.7, 0.71, 0.72, 0.69, 0.70, 0.70, 0.75, 0.5]
    decisions = [stopper.step(v) for v in losses[:9]]
    assert decisions == [False] * 8 + [True], (
        f"with patience=3 the run should stop at the 3rd epoch in a row without "
        f"improvement (epoch 8); step() returned {decisions}")
    assert stopper.should_stop
    assert stopper.best_value == pytest.approx(0.69) and stopper.best_epoch == 5, (
        f"best should be 0.69 at epoch 5, got {stopper.best_value} at epoch {stopper.best_epoch}")


def test_early_stopping_min_delta_max_mode_and_state():
    stopper = EarlyStopping(patience=2, min_delta=0.05, mode="max")
    weights = np.zeros(2)
    decisions = []
    for epoch, accuracy in enumerate([0.50, 0.70, 0.72, 0.74, 0.90]):
        weights += 1  # the "model" changes in place every epoch
        decisions.append(stopper.step(accuracy, state=weights))
        if decisions[-1]:
            break
    assert decisions == [False, False, False, True], (
        f"gains of 0.02 are below min_delta=0.05 and must not count as improvement; "
        f"step() returned {decisions}")
    assert stopper.best_value == pytest.approx(0.70) and stopper.best_epoch == 1
    np.testing.assert_array_equal(stopper.best_state, [2.0, 2.0],
                                  err_msg="best_state must be a copy taken at the best epoch")
    # A model's state is often a container of arrays (a tuple, a dict of parameters): the copy
    # must reach the arrays inside it, or they keep changing after the best epoch.
    stopper = EarlyStopping(patience=2)
    state = {"w": np.zeros(3), "b": np.zeros(1)}
    for loss in [1.0, 0.5, 0.7, 0.8]:
        state["w"] += 1
        state["b"] -= 1
        if stopper.step(loss, state=state):
            break
    np.testing.assert_array_equal(stopper.best_state["w"], [2.0, 2.0, 2.0],
                                  err_msg="best_state must be a deep copy (copy.deepcopy): the "
                                          "arrays inside it changed after the best epoch")
    np.testing.assert_array_equal(stopper.best_state["b"], [-2.0])


def test_early_stopping_ends_a_training_loop():
    # Gradient descent on a tiny linear model whose validation loss first falls
    # and then rises (the training data has a shifted target, so it overfits).
    rng = np.random.default_rng(0)
    X_train = rng.normal(size=(30, 5))
    X_val = rng.normal(size=(30, 5))
    true_w = np.array([1.0, -2.0, 0.5, 0.0, 0.0])
    y_train = X_train @ true_w + 3.0 * X_train[:, 3]  # spurious feature in training
    y_val = X_val @ true_w
    w = np.zeros(5)
    stopper = EarlyStopping(patience=5)
    val_losses = []
    for epoch in range(1000):
        w -= 0.05 * X_train.T @ (X_train @ w - y_train) / len(X_train)
        val_losses.append(float(np.mean((X_val @ w - y_val) ** 2)))
        if stopper.step(val_losses[-1], state=w):
            break
    assert epoch < 999, "early stopping never stopped the loop"
    best = int(np.argmin(val_losses))
    assert stopper.best_epoch == best, f"best_epoch {stopper.best_epoch} != argmin of losses {best}"
    assert epoch == best + 5, f"should stop exactly patience=5 epochs after the best ({best}), stopped at {epoch}"
    np.testing.assert_allclose(np.mean((X_val @ stopper.best_state - y_val) ** 2), val_losses[best],
                               err_msg="best_state should be the weights from the best epoch")
