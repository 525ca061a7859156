"""Where does the model go wrong? Milestone 4: predictions, a confusion matrix, per-class
accuracy, the most confident mistakes as an image grid, and the training curves.

Write the confusion matrix and the rest with NumPy yourself: the tests block scikit-learn while
they run your functions. The plotting helpers at the bottom are given.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn


def predict(model: nn.Module, images, batch_size: int = 500, device="cpu") -> tuple[np.ndarray, np.ndarray]:
    """Run ``model`` on ``images`` (float ``[N, 1, 28, 28]`` in [0, 1], a tensor or an array).

    Returns ``(predicted, probabilities)``: int64 ``[N]`` (the class with the largest logit) and
    float32 ``[N, 10]`` (the softmax of the logits). In eval mode, without gradients, in batches
    of ``batch_size``.
    """
    x = torch.as_tensor(np.asarray(images, dtype=np.float32)) if not torch.is_tensor(images) else images.float()
    model.eval()
    model.to(device)
    chunks = []
    with torch.no_grad():
        for start in range(0, len(x), batch_size):
            logits = model(x[start:start + batch_size].to(device))
            chunks.append(torch.softmax(logits, dim=1).cpu())
    proba = torch.cat(chunks).numpy().astype(np.float32) if chunks else np.zeros((0, 10), np.float32)
    return proba.argmax(axis=1).astype(np.int64), proba


def confusion_matrix(y_true, y_pred, num_classes: int = 10) -> np.ndarray:
    """``cm[t, p]`` = how many examples of true class ``t`` were predicted as ``p`` (int64).

    Rows are true classes, columns predictions; a class that never occurs still has its row
    and column (of zeros). NumPy only.
    """
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def per_class_accuracy(cm: np.ndarray) -> np.ndarray:
    """For each true class, the fraction of its examples predicted correctly (``nan`` for a
    class with no examples). float64 ``[num_classes]``."""
    cm = np.asarray(cm, dtype=np.float64)
    totals = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / totals, np.nan)


def worst_mistakes(probabilities, labels, k: int = 16) -> np.ndarray:
    """Indices of the ``k`` most confident mistakes, most confident first.

    A mistake is an example whose predicted class (the largest probability) is not its label;
    its confidence is the probability the model gave to that wrong class. Returns at most ``k``
    indices (fewer when there are fewer mistakes), int64; ties keep the lower index first.
    """
    probabilities = np.asarray(probabilities)
    labels = np.asarray(labels)
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = probabilities[wrong, predicted[wrong]]
    order = np.argsort(-confidence, kind="stable")  # stable: ties keep the lower index first
    return wrong[order][:k].astype(np.int64)


def mistake_grid(images, ncols: int = 8, pad: int = 2, fill: float = 0.5) -> np.ndarray:
    """Tile ``images`` (``[K, 28, 28]``, floats in [0, 1]) into one float64 mosaic.

    ``nrows = ceil(K / ncols)``; the mosaic is ``pad + nrows * (28 + pad)`` pixels high and
    ``pad + ncols * (28 + pad)`` wide, filled with ``fill``; image ``i`` goes to grid row
    ``i // ncols`` and column ``i % ncols``, its top-left pixel at
    ``(pad + row * (28 + pad), pad + col * (28 + pad))``.
    """
    images = np.asarray(images, dtype=np.float64).reshape(-1, 28, 28)
    nrows = -(-len(images) // ncols)
    grid = np.full((pad + nrows * (28 + pad), pad + ncols * (28 + pad)), fill, dtype=np.float64)
    for i, image in enumerate(images):
        r, c = divmod(i, ncols)
        top, left = pad + r * (28 + pad), pad + c * (28 + pad)
        grid[top:top + 28, left:left + 28] = image
    return grid


def plot_training_curves(history: dict):
    """A matplotlib ``Figure`` of the training history from ``fit``.

    Two axes side by side: on the first, the training loss and the validation loss per epoch
    (x = 1, 2, ..., epochs), on the second the validation accuracy. Label the lines and axes
    and add legends. Return the figure (do not ``show`` it); the CLI saves it as a PNG.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = np.arange(1, len(history["train_loss"]) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
    ax_loss.plot(epochs, history["train_loss"], marker="o", label="training loss")
    ax_loss.plot(epochs, history["val_loss"], marker="o", label="validation loss")
    ax_loss.set_xlabel("epoch")
    ax_loss.set_ylabel("cross-entropy")
    ax_loss.set_title("Loss")
    ax_loss.legend()
    ax_acc.plot(epochs, history["val_acc"], marker="o", color="tab:green", label="validation accuracy")
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy")
    ax_acc.set_title("Validation accuracy")
    ax_acc.legend()
    for ax in (ax_loss, ax_acc):
        ax.grid(alpha=0.3)
        ax.set_xticks(epochs)
    fig.tight_layout()
    return fig


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
