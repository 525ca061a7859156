"""Training loop and the digits experiment.

Run the experiment with:  python -m scratchnet.train
"""

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


def fit(model, loss_fn, optimizer, X, y, epochs=10, batch_size=32, seed=0):
    """Train ``model`` with mini-batch gradient descent and return the loss history.

    For every epoch, go through ``iterate_minibatches`` (with ``rng =
    np.random.default_rng(seed)`` created ONCE before the first epoch) and for every batch:
    forward pass -> loss -> loss gradient -> backward pass -> optimizer step.

    Returns a list with one float per epoch: the mean of that epoch's batch losses.
    """
    # TODO: write the training loop described above.
    raise NotImplementedError("TODO: fit - forward, loss, backward, optimizer.step for every batch")


def accuracy(model, X, y):
    """Fraction of rows whose predicted class equals the label."""
    return float(np.mean(model.predict(X) == np.asarray(y)))


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
    # TODO: build a small multi-layer perceptron, e.g. Dense(64, 64) -> ReLU -> Dense(64, 10).
    # Pass `rng` to every Dense layer so the run is reproducible. The last layer must output
    # raw logits (no softmax): CrossEntropyLoss applies the softmax itself.
    raise NotImplementedError("TODO: build_digits_model")


def train_digits_classifier(X_train, y_train, seed=0):
    """Train a digits classifier and return ``(model, history)``.

    The tests call this with the training split only and then measure accuracy on a
    held-out split, which must reach at least 95 %. Training must take well under a minute.
    """
    # TODO: build the model, pick an optimizer and its hyperparameters (Adam with
    # lr around 1e-2 or 1e-3 works well), then call fit(...) for a few dozen epochs.
    raise NotImplementedError("TODO: train_digits_classifier")


def plot_learning_curve(history, path):
    """Save the per-epoch loss as a PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.plot(np.arange(1, len(history) + 1), history, marker="o", markersize=3)
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean training loss")
    ax.set_title("Learning curve")
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main():
    X_train, X_test, y_train, y_test = load_digits_split()
    start = time.perf_counter()
    model, history = train_digits_classifier(X_train, y_train, seed=0)
    seconds = time.perf_counter() - start
    print(f"trained for {len(history)} epochs in {seconds:.1f} s")
    print(f"final training loss: {history[-1]:.4f}")
    print(f"train accuracy: {accuracy(model, X_train, y_train):.3f}")
    print(f"test accuracy:  {accuracy(model, X_test, y_test):.3f}")
    plot_learning_curve(history, "learning_curve.png")
    print("learning curve saved to learning_curve.png")


if __name__ == "__main__":
    main()
