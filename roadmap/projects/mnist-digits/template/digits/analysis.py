"""Where does the model go wrong? Milestone 4: predictions, a confusion matrix, per-class
accuracy, the most confident mistakes as an image grid, and the training curves.

Write the confusion matrix and the rest with NumPy yourself: the tests block scikit-learn while
they run your functions. The plotting helpers at the bottom are given.
"""
from __future__ import annotations

import numpy as np
import torch  # noqa: F401  (you will need it)
from torch import nn


def predict(model: nn.Module, images, batch_size: int = 500, device="cpu") -> tuple[np.ndarray, np.ndarray]:
    """Run ``model`` on ``images`` (float ``[N, 1, 28, 28]`` in [0, 1], a tensor or an array).

    Returns ``(predicted, probabilities)``: int64 ``[N]`` (the class with the largest logit) and
    float32 ``[N, 10]`` (the softmax of the logits). In eval mode, without gradients, in batches
    of ``batch_size``.
    """
    # TODO: eval mode, no_grad, batches, softmax, argmax; back to NumPy on the CPU.
    raise NotImplementedError("TODO: predict - classes and probabilities for every image")


def confusion_matrix(y_true, y_pred, num_classes: int = 10) -> np.ndarray:
    """``cm[t, p]`` = how many examples of true class ``t`` were predicted as ``p`` (int64).

    Rows are true classes, columns predictions; a class that never occurs still has its row
    and column (of zeros). NumPy only.
    """
    # TODO: count every (true, predicted) pair.
    raise NotImplementedError("TODO: confusion_matrix - count (true, predicted) pairs")


def per_class_accuracy(cm: np.ndarray) -> np.ndarray:
    """For each true class, the fraction of its examples predicted correctly (``nan`` for a
    class with no examples). float64 ``[num_classes]``."""
    # TODO: the diagonal over the row sums.
    raise NotImplementedError("TODO: per_class_accuracy")


def worst_mistakes(probabilities, labels, k: int = 16) -> np.ndarray:
    """Indices of the ``k`` most confident mistakes, most confident first.

    A mistake is an example whose predicted class (the largest probability) is not its label;
    its confidence is the probability the model gave to that wrong class. Returns at most ``k``
    indices (fewer when there are fewer mistakes), int64; ties keep the lower index first.
    """
    # TODO: find the mistakes, sort them by confidence (highest first), keep k.
    raise NotImplementedError("TODO: worst_mistakes - the most confident wrong predictions")


def mistake_grid(images, ncols: int = 8, pad: int = 2, fill: float = 0.5) -> np.ndarray:
    """Tile ``images`` (``[K, 28, 28]``, floats in [0, 1]) into one float64 mosaic.

    ``nrows = ceil(K / ncols)``; the mosaic is ``pad + nrows * (28 + pad)`` pixels high and
    ``pad + ncols * (28 + pad)`` wide, filled with ``fill``; image ``i`` goes to grid row
    ``i // ncols`` and column ``i % ncols``, its top-left pixel at
    ``(pad + row * (28 + pad), pad + col * (28 + pad))``.
    """
    # TODO: create the filled mosaic and copy every image into its tile.
    raise NotImplementedError("TODO: mistake_grid - tile the images into a mosaic")


def plot_training_curves(history: dict):
    """A matplotlib ``Figure`` of the training history from ``fit``.

    Two axes side by side: on the first, the training loss and the validation loss per epoch
    (x = 1, 2, ..., epochs), on the second the validation accuracy. Label the lines and axes
    and add legends. Return the figure (do not ``show`` it); the CLI saves it as a PNG.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: F401

    # TODO: plt.subplots(1, 2, ...), plot the three curves against the epoch numbers, return fig.
    raise NotImplementedError("TODO: plot_training_curves - loss and accuracy per epoch")


# ---------------------------------------------------------------------------------------------
# Given


def plot_confusion_matrix(cm: np.ndarray, title: str = "Confusion matrix"):
    """A heat map of ``cm`` with the counts written in the cells."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 5.4))
    im = ax.imshow(cm, cmap="Blues")
    fig.colorbar(im, ax=ax, fraction=0.046)
    n = cm.shape[0]
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    ax.set_title(title)
    threshold = cm.max() / 2 if cm.size else 0
    for t in range(n):
        for p in range(n):
            ax.text(p, t, int(cm[t, p]), ha="center", va="center", fontsize=7,
                    color="white" if cm[t, p] > threshold else "black")
    fig.tight_layout()
    return fig


def plot_mistakes(images, labels, probabilities, k: int = 24, ncols: int = 8):
    """The ``k`` most confident mistakes as one image grid, each tile titled
    ``true -> predicted (confidence)``. ``images`` are ``[N, 28, 28]`` or ``[N, 1, 28, 28]``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images = np.asarray(images, dtype=np.float64).reshape(-1, 28, 28)
    probabilities = np.asarray(probabilities)
    worst = worst_mistakes(probabilities, labels, k)
    pad = 12
    cols = min(ncols, max(1, len(worst)))
    grid = mistake_grid(images[worst], ncols=cols, pad=pad, fill=0.08)
    fig, ax = plt.subplots(figsize=(1.1 * cols + 0.4, 1.3 * max(1, -(-len(worst) // cols)) + 0.6))
    ax.imshow(grid, cmap="gray_r", vmin=0, vmax=1)
    for i, idx in enumerate(worst):
        r, c = divmod(i, cols)
        pred = int(np.argmax(probabilities[idx]))
        ax.text(pad + c * (28 + pad) + 14, pad + r * (28 + pad) - 2,
                f"{int(labels[idx])}→{pred} ({probabilities[idx, pred]:.2f})",
                ha="center", va="bottom", fontsize=7)
    ax.set_axis_off()
    ax.set_title(f"The {len(worst)} most confident mistakes (true→predicted)")
    fig.tight_layout()
    return fig
