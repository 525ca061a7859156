import numpy as np

from digits_utils import trained
from scratchnet import (SGD, CrossEntropyLoss, Dense, Momentum, ReLU, Sequential, Sigmoid,
                        Softmax, Tanh)
from scratchnet.train import fit, train_val_split


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


def _reference_fit(model, loss_fn, optimizer, X, y, epochs, batch_size, seed):
    """The loop fit's docstring describes, written out: the history and a loss per epoch."""
    rng = np.random.default_rng(seed)
    history, after_epoch = [], []
    for _ in range(epochs):
        order = rng.permutation(len(X))
        losses = []
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            losses.append(loss_fn.forward(model.forward(X[idx]), y[idx]))
            model.backward(loss_fn.backward())
            optimizer.step(model.parameters(), model.gradients())
        history.append(float(np.mean(losses)))
        after_epoch.append(CrossEntropyLoss().forward(model.forward(X), y))
    return history, after_epoch


def test_fit_follows_the_documented_loop():
    X, y = _blobs(seed=2, n=90)
    model = _tiny_model(5)
    calls = []

    def on_epoch_end(epoch, net):
        calls.append((epoch, net is model, CrossEntropyLoss().forward(net.forward(X), y)))

    history = fit(model, CrossEntropyLoss(), Momentum(lr=0.05), X, y, epochs=4, batch_size=16,
                  seed=3, on_epoch_end=on_epoch_end)
    reference = _tiny_model(5)
    expected, after_epoch = _reference_fit(reference, CrossEntropyLoss(), Momentum(lr=0.05), X, y,
                                           epochs=4, batch_size=16, seed=3)
    assert history is not None and len(history) == 4, "fit must return one loss per epoch"
    assert np.allclose(history, expected, rtol=1e-10, atol=1e-12), (
        f"the history should hold the mean batch loss of each epoch as the training went, "
        f"{np.round(expected, 6).tolist()}, but fit returned {np.round(history, 6).tolist()}. "
        "One rng before the first epoch, iterate_minibatches each epoch, one optimizer step per batch."
    )
    for i, (p, q) in enumerate(zip(model.parameters(), reference.parameters())):
        assert np.allclose(p, q, rtol=1e-10, atol=1e-12), (
            f"after fit, parameter #{i} differs from the documented loop's: is every batch "
            "used once per epoch, with one optimizer step each?"
        )
    assert [c[0] for c in calls] == [0, 1, 2, 3] and all(c[1] for c in calls), (
        f"on_epoch_end(epoch, model) must be called once after every epoch with the model; "
        f"calls seen: {[c[0] for c in calls]}"
    )
    assert np.allclose([c[2] for c in calls], after_epoch, rtol=1e-10), (
        "on_epoch_end must be called after the epoch's last optimizer step"
    )


def test_train_val_split_is_stratified_and_disjoint():
    counts = {0: 50, 1: 30, 2: 21, 3: 9}
    y = np.repeat(list(counts), list(counts.values()))
    y = y[np.random.default_rng(0).permutation(len(y))]
    X = np.column_stack([np.arange(len(y), dtype=float), y * 10.0])  # column 0 = row id
    out = train_val_split(X, y, val_fraction=0.2, seed=3)
    assert out is not None and len(out) == 4, "train_val_split returns X_tr, X_val, y_tr, y_val"
    X_tr, X_val, y_tr, y_val = out
    ids_tr, ids_val = X_tr[:, 0].astype(int), X_val[:, 0].astype(int)
    assert not set(ids_tr) & set(ids_val), "a row may not be in both the training and the validation part"
    assert sorted(np.concatenate([ids_tr, ids_val])) == list(range(len(y))), (
        "every row must land in exactly one part (none lost, none duplicated)"
    )
    assert np.array_equal(y[ids_tr], y_tr) and np.array_equal(y[ids_val], y_val), (
        "the labels must stay with their rows"
    )
    for label, n in counts.items():
        got = int(np.sum(y_val == label))
        assert abs(got - 0.2 * n) <= 1, (
            f"class {label} has {n} rows, so about {0.2 * n:.0f} belong in the validation part; got {got}"
        )
    again = train_val_split(X, y, val_fraction=0.2, seed=3)[1][:, 0]
    assert np.array_equal(np.sort(again), np.sort(ids_val)), "the same seed must give the same split"
    other = train_val_split(X, y, val_fraction=0.2, seed=4)[1][:, 0]
    assert not np.array_equal(np.sort(other), np.sort(ids_val)), "another seed should give another split"


_ACTIVATIONS = {ReLU: lambda h: np.maximum(h, 0.0), Tanh: np.tanh,
                Sigmoid: lambda h: 0.5 * (1.0 + np.tanh(0.5 * h))}


def _replay(model, X):
    """The network's output recomputed here from its own layers' W and b."""
    assert type(model) is Sequential, (
        f"train_digits_classifier must return a scratchnet Sequential, got {type(model).__name__}"
    )
    h = X
    for layer in model.layers:
        kind = type(layer)
        if kind is Dense:
            h = h @ layer.W + layer.b
        elif kind in _ACTIVATIONS:
            h = _ACTIVATIONS[kind](h)
        else:
            hint = " (output raw logits: CrossEntropyLoss applies the softmax)" if kind is Softmax else ""
            raise AssertionError(
                f"the digits network may hold only your Dense, ReLU, Sigmoid and Tanh layers, "
                f"not {kind.__module__}.{kind.__name__}{hint}"
            )
    return h


def _assert_is_an_mlp(model):
    kinds = [type(layer) for layer in model.layers]
    hidden = [i for i, k in enumerate(kinds) if k in _ACTIVATIONS]
    dense = [i for i, k in enumerate(kinds) if k is Dense]
    assert dense and hidden and dense[0] < hidden[0] < dense[-1], (
        f"the network {[k.__name__ for k in kinds]} has no hidden layer: put at least one "
        "Dense -> non-linearity before the output Dense (a network without one is a linear model)"
    )
    assert model.layers[0].W.shape[0] == 64 and model.layers[dense[-1]].W.shape[1] == 10, (
        "the network maps 64 pixels to 10 logits"
    )


def _held_out_accuracy(kind):
    model, report, seconds, _, _, X_test, y_test, _ = trained(kind)
    assert seconds < 40, f"training took {seconds:.1f} s of CPU; keep it well under a minute"
    _assert_is_an_mlp(model)
    with np.errstate(over="ignore"):
        logits = _replay(model, X_test)
    out = model.forward(X_test)
    assert np.allclose(out, logits, atol=1e-8), (
        "model.forward gives other numbers than its layers' own W and b do: the network must "
        "compute its output with your layers"
    )
    history = report["history"]
    assert len(history) > 0 and history[-1] < history[0], "the training loss should go down"
    return float(np.mean(np.argmax(logits, axis=1) == y_test))


def test_digits_accuracy_at_least_95_percent():
    acc = _held_out_accuracy("plain")
    assert acc >= 0.95, (
        f"held-out accuracy on digits is {acc:.2%}; it must be at least 95%. (The test shuffles "
        "the pixel columns of both splits with one permutation: train on the rows you are given.)"
    )


def test_hidden_layer_beats_linear_on_shifted_digits():
    acc = _held_out_accuracy("shifted")
    assert acc >= 0.80, (
        f"on digits moved by up to one pixel, held-out accuracy is {acc:.2%}; it must be at least "
        "80% (a linear model gets about 62% here; a hidden layer of a hundred or more units helps)"
    )


def test_epoch_chosen_on_validation_split():
    model, report, _, X_train, y_train, _, _, watch = trained("plain")
    val_accuracy, history = report["val_accuracy"], report["history"]
    assert len(val_accuracy) == len(history) >= 2, (
        "report['val_accuracy'] needs one validation accuracy per training epoch"
    )
    best = report["best_epoch"]
    top = int(np.argmax(val_accuracy))
    assert best == top, f"best_epoch is {best}, but the highest validation accuracy is at epoch {top}"
    _, X_val, _, y_val = train_val_split(X_train, y_train, 0.2, 0)
    got = float(np.mean(model.predict(X_val) == y_val))
    assert np.isclose(got, val_accuracy[best]), (
        f"the returned model scores {got:.4f} on the validation rows of "
        f"train_val_split(X_train, y_train, 0.2, seed), but the report says {val_accuracy[best]:.4f} "
        "for the best epoch: measure on those rows, and give back the parameters of that epoch"
    )
    # The curve must be the one training went through: each reported value measured by a pass
    # of the network over the validation rows, each epoch's with the network of that epoch.
    measured = watch.measured_curve()
    accs = [acc for acc, _ in measured]
    i = 0
    for value in val_accuracy:
        while i < len(accs) and not np.isclose(accs[i], value):
            i += 1
        i += 1
    assert len(measured) >= len(val_accuracy) and i <= len(accs), (
        f"report['val_accuracy'] holds {len(val_accuracy)} values, but the network was run over "
        f"the validation rows with {len(measured)} different sets of parameters, giving "
        f"{np.round(accs[:12], 4).tolist()}{' ...' if len(accs) > 12 else ''}: measure "
        "accuracy(net, X_val, y_val) after every epoch (in the on_epoch_end callback) and report "
        "those numbers, in order"
    )
    params = [np.asarray(p) for p in model.parameters()]
    assert any(np.isclose(acc, val_accuracy[best]) and len(kept) == len(params)
               and all(np.array_equal(a, b) for a, b in zip(kept, params))
               for acc, kept in measured), (
        "the returned network's parameters are not those of any network measured on the "
        "validation rows during training: give back the parameters of the best epoch"
    )
