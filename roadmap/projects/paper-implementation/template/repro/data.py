"""The data every experiment uses (GIVEN, do not change it).

scikit-learn ships the 8x8 handwritten digits (1,797 images, 10 classes) inside the package,
so the experiment runs offline. The split is made once, with a fixed seed, and never depends
on the seed of a run: every run of every configuration sees the same training and test
images, which is what makes runs comparable.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.datasets import load_digits

SPLIT_SEED = 0
N_TRAIN = 1300
N_FEATURES = 64
N_CLASSES = 10


def load_data(split_seed: int = SPLIT_SEED, n_train: int = N_TRAIN) -> dict:
    """Return ``{"X_train", "y_train", "X_test", "y_test"}`` as CPU tensors.

    Pixels are scaled to [0, 1] (float32); labels are int64 class ids 0..9. With the defaults
    there are 1,300 training images and 497 held-out test images.
    """
    X, y = load_digits(return_X_y=True)
    X = (X / 16.0).astype(np.float32)
    order = np.random.RandomState(split_seed).permutation(len(X))
    train, test = order[:n_train], order[n_train:]
    return {
        "X_train": torch.from_numpy(X[train]),
        "y_train": torch.from_numpy(y[train]).long(),
        "X_test": torch.from_numpy(X[test]),
        "y_test": torch.from_numpy(y[test]).long(),
    }
