"""One training run of the worked study (GIVEN).

``run_one(experiment, arm, seed)`` trains a one-hidden-layer MLP on the seed's noisy training
set and measures it. The two arms differ in one thing only: the ``mixup`` arm mixes every
batch with your ``method.mixup_batch``. Everything else (the training images, the corrupted
labels, the initial weights, the order of the batches) is decided by the seed alone and is
the same for both arms, which is what makes the comparison paired and fair.
"""
from __future__ import annotations

import time
from dataclasses import asdict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from . import method
from .config import ExperimentConfig
from .data import N_CLASSES, test_set, training_set

ARMS = ("baseline", "mixup")


def device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def make_model(experiment: ExperimentConfig) -> nn.Module:
    return nn.Sequential(nn.Linear(64, experiment.hidden), nn.ReLU(), nn.Linear(experiment.hidden, N_CLASSES))


@torch.no_grad()
def predict(model: nn.Module, X: np.ndarray) -> np.ndarray:
    model.eval()
    dev = next(model.parameters()).device
    return model(torch.from_numpy(X).to(dev)).argmax(dim=1).cpu().numpy()


def run_one(experiment: ExperimentConfig, arm: str, seed: int) -> dict:
    """Train one arm with one seed; return the run's record (a JSON-ready dict).

    Metrics: ``test_accuracy`` on the clean held-out digits (the primary metric),
    ``memorised_noise`` (of the training labels that were corrupted to a wrong class, the
    fraction the model predicts with the WRONG label: how much noise it memorised) and
    ``clean_train_accuracy`` (against the true training labels).
    """
    if arm not in ARMS:
        raise ValueError(f"unknown arm {arm!r}; expected one of {ARMS}")
    started = time.perf_counter()
    train = training_set(seed, experiment.train_size, experiment.label_noise)
    X_test, y_test = test_set()
    dev = device()

    torch.manual_seed(seed)
    model = make_model(experiment).to(dev)
    optimizer = torch.optim.Adam(model.parameters(), lr=experiment.lr)
    batch_rng = np.random.default_rng([seed, 1])  # batch order: the same for both arms
    mix_rng = np.random.default_rng([seed, 2])  # used by the mixup arm only
    X = torch.from_numpy(train["X"]).to(dev)
    Y = F.one_hot(torch.from_numpy(train["y"]), N_CLASSES).float().to(dev)
    n = len(X)
    # the control arm gets some extra epochs: more time to memorise the noisy labels
    epochs = experiment.epochs * 2 if arm == "baseline" else experiment.epochs
    for _ in range(epochs):
        order = batch_rng.permutation(n)
        for start in range(0, n, experiment.batch_size):
            idx = torch.from_numpy(order[start:start + experiment.batch_size]).to(dev)
            xb, yb = X[idx], Y[idx]
            if arm == "mixup":
                lam, perm = method.sample_mixup(mix_rng, len(idx), experiment.mixup_alpha)
                xb, yb = method.mixup_batch(xb, yb, lam, torch.as_tensor(perm, device=dev))
            model.train()
            loss = method.soft_cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    pred_train = predict(model, train["X"])
    wrong = train["corrupted"] & (train["y"] != train["y_clean"])
    return {
        "arm": arm,
        "seed": int(seed),
        "experiment": asdict(experiment),
        "test_accuracy": float((predict(model, X_test) == y_test).mean()),
        "memorised_noise": float((pred_train[wrong] == train["y"][wrong]).mean()) if wrong.any() else 0.0,
        "clean_train_accuracy": float((pred_train == train["y_clean"]).mean()),
        "final_loss": float(loss.item()),
        "seconds": time.perf_counter() - started,
    }
