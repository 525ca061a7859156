"""Milestone 4: predictions, the confusion matrix, the worst mistakes and the training curves."""
import numpy as np
import torch

from conftest import RELABEL, as_float, load_saved_model
from digits.analysis import (
    confusion_matrix,
    mistake_grid,
    per_class_accuracy,
    plot_training_curves,
    predict,
    worst_mistakes,
)
from guards import forbid


def test_predict_returns_classes_and_probabilities(mnist):
    images, _ = mnist("heldout")
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))
    x = as_float(images[:130])
    pred, proba = predict(model, x, batch_size=50)
    with torch.no_grad():
        logits = model(x).numpy()
    assert pred.shape == (130,) and proba.shape == (130, 10)
    assert np.array_equal(pred, logits.argmax(axis=1)), "predicted = the class with the largest logit"
    expected = np.exp(logits - logits.max(1, keepdims=True))
    expected /= expected.sum(1, keepdims=True)
    assert np.allclose(proba, expected, atol=1e-5), "probabilities = softmax of the logits, every row sums to 1"


def test_confusion_matrix_by_hand():
    y_true = [0, 0, 1, 2, 2, 2, 1, 0]
    y_pred = [0, 1, 1, 2, 0, 2, 1, 0]
    with forbid("sklearn", "scipy"):
        cm = confusion_matrix(y_true, y_pred, num_classes=4)
        acc = per_class_accuracy(cm)
    expected = np.array([[2, 1, 0, 0], [0, 2, 0, 0], [1, 0, 2, 0], [0, 0, 0, 0]])
    assert np.array_equal(np.asarray(cm), expected), f"rows are true classes, columns predictions; got\n{cm}"
    assert np.allclose(acc[:3], [2 / 3, 1.0, 2 / 3]) and np.isnan(acc[3]), (
        "per-class accuracy = diagonal / row sum, nan for a class with no examples"
    )


def test_confusion_matrix_of_your_cnn_matches_the_tests(graded, mnist):
    model = load_saved_model(graded("cnn")["checkpoint"])
    images, labels = mnist("heldout")
    labels = RELABEL[labels]
    x = as_float(images)
    with torch.no_grad():
        own_pred = model(x).argmax(1).numpy()
    own = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(labels, own_pred):
        own[t, p] += 1
    with forbid("sklearn", "scipy"):
        pred, _ = predict(model, x)
        cm = confusion_matrix(labels, pred)
    assert np.array_equal(np.asarray(cm), own), "the confusion matrix differs from the one the test computed"
    assert int(np.trace(cm)) >= 0.97 * len(labels)


def test_worst_mistakes_are_the_most_confident_errors():
    proba = np.array([
        [0.90, 0.05, 0.05],  # 0: label 0, right
        [0.10, 0.60, 0.30],  # 1: label 0, wrong, confidence 0.60
        [0.05, 0.05, 0.90],  # 2: label 1, wrong, 0.90
        [0.20, 0.70, 0.10],  # 3: label 1, right
        [0.70, 0.20, 0.10],  # 4: label 2, wrong, 0.70
        [0.30, 0.60, 0.10],  # 5: label 2, wrong, 0.60 (ties with 1)
        [0.10, 0.10, 0.80],  # 6: label 2, right
    ])
    labels = np.array([0, 0, 1, 1, 2, 2, 2])
    assert list(worst_mistakes(proba, labels, k=3)) == [2, 4, 1]
    assert list(worst_mistakes(proba, labels, k=10)) == [2, 4, 1, 5], "at most the number of mistakes"
    assert list(worst_mistakes(proba, np.array([0, 1, 2, 1, 0, 1, 2]), k=5)) == [], "no mistakes, no indices"


def test_mistake_grid_places_every_image():
    rng = np.random.default_rng(0)
    images = rng.random((5, 28, 28))
    grid = mistake_grid(images, ncols=3, pad=2, fill=0.5)
    assert grid.shape == (2 + 2 * 30, 2 + 3 * 30), f"2 rows x 3 columns of 28+2 pixels plus 2: got {grid.shape}"
    for i in range(5):
        r, c = divmod(i, 3)
        top, left = 2 + r * 30, 2 + c * 30
        assert np.allclose(grid[top:top + 28, left:left + 28], images[i]), f"image {i} is not in tile ({r}, {c})"
    assert np.all(grid[2 + 30:2 + 58, 2 + 60:2 + 88] == 0.5), "the empty sixth tile stays filled with `fill`"
    assert np.all(grid[:2] == 0.5) and np.all(grid[:, 30:32] == 0.5), "the padding is filled with `fill`"


def test_training_curves_plot_the_history():
    import matplotlib.pyplot as plt

    history = {"train_loss": [1.2, 0.6, 0.4, 0.3], "val_loss": [0.9, 0.5, 0.45, 0.42],
               "val_acc": [0.71, 0.85, 0.88, 0.9], "lr": [1e-3] * 4, "seconds": 1.0}
    fig = plot_training_curves(history)
    try:
        assert len(fig.axes) >= 2, "two axes: the losses, and the validation accuracy"
        lines = [line for ax in fig.axes for line in ax.get_lines()]
        found = {}
        for key in ("train_loss", "val_loss", "val_acc"):
            matching = [ln for ln in lines if np.allclose(np.asarray(ln.get_ydata(), float), history[key])]
            assert matching, f"no line in the figure plots history[{key!r}]"
            assert np.allclose(np.asarray(matching[0].get_xdata(), float), [1, 2, 3, 4]), "x must be the epochs 1..4"
            found[key] = matching[0].axes
        assert found["train_loss"] is found["val_loss"], "both losses go on the same axes"
        assert found["val_acc"] is not found["train_loss"], "the accuracy goes on its own axes"
        assert all(ax.get_xlabel() for ax in found.values()), "label the x axes"
    finally:
        plt.close(fig)
