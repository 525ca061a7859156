"""Training. Milestone 2: ``train_one_epoch`` and ``evaluate``; milestone 4: ``fit``, the loop
with validation, a learning-rate schedule, logging, early stopping and exact resume.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader  # noqa: F401

from .checkpoint import atomic_save, read_checkpoint, resume_from, save_checkpoint  # noqa: F401
from .data import load_datasets
from .early_stopping import EarlyStopping  # noqa: F401
from .model import build_model
from .runlog import RunLogger  # noqa: F401
from .schedule import make_scheduler  # noqa: F401


def set_seed(seed: int) -> None:
    """Seed Python's ``random``, NumPy and torch (given)."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_device() -> torch.device:
    """The GPU when there is one, else the CPU (given; the tests run on the CPU)."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_one_epoch(model: nn.Module, loader, optimizer, scheduler=None, device="cpu") -> dict:
    """One pass over ``loader`` in training mode: forward, cross-entropy, backward, optimiser step,
    then ``scheduler.step()`` after every batch when there is a scheduler.

    Returns ``{"loss": mean per-example loss, "accuracy": fraction right}`` over the epoch's
    batches (as the model was while it saw each batch).
    """
    # TODO: the loop described above.
    raise NotImplementedError("TODO: train_one_epoch")


def evaluate(model: nn.Module, loader, device="cpu") -> dict:
    """``{"loss": ..., "accuracy": ...}`` over every example of ``loader``: eval mode, no
    gradients, the loss averaged per example (not per batch)."""
    # TODO
    raise NotImplementedError("TODO: evaluate - mean loss per example and accuracy")


def fit(config: dict, train_set, val_set, out_dir, *, classes, resume: bool = False,
        stop_after_epoch: int | None = None, device=None, log=None) -> dict:
    """Train the model of ``config`` and return ``{"model", "history", "stopped_early",
    "best_path", "last_path"}``.

    Set-up, in this order (a resumed run must rebuild exactly the same objects):
        ``set_seed(config["seed"])``; the model (``build_model``) on ``device`` (None:
        ``pick_device()``); ``torch.optim.AdamW(lr, weight_decay)``; a
        ``torch.Generator().manual_seed(config["seed"])`` for the training ``DataLoader``
        (``shuffle=True``, ``batch_size``); a validation ``DataLoader`` (no shuffling);
        ``make_scheduler(optimizer, config, len(train_loader))``;
        ``EarlyStopping(config["patience"], config["min_delta"])``.
    Resume: when ``resume`` is true and ``<out_dir>/last.pt`` exists, ``resume_from`` it and carry
        on after its epoch (with its history).
    Then for every remaining epoch up to ``config["epochs"]``:
        1. ``train_one_epoch`` (the module-level function: the tests count the calls), then
           ``evaluate`` on the validation set;
        2. append ``{"epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr"}`` to the
           history (``lr``: the optimiser's rate at the end of the epoch) and log it with a
           ``RunLogger(out_dir, resume_epoch=<the epoch training starts after>)``;
        3. ``stopper.step(val_loss)``; when that was an improvement, save ``<out_dir>/best.pt``
           with ``atomic_save({"state_dict", "config", "classes", "epoch", "val_loss", "val_acc"})``;
        4. save ``<out_dir>/last.pt`` with ``save_checkpoint``;
        5. stop when early stopping says so (``stopped_early``), or after ``stop_after_epoch``
           (a simulated interruption, used by the tests).
    ``log``, when given, receives one line per epoch. Close the logger at the end.
    """
    # TODO: the set-up, the resume and the loop described above.
    raise NotImplementedError("TODO: fit - the training loop with checkpoints and early stopping")


# ---------------------------------------------------------------------------------------------
# Given


def load_model(path, device="cpu") -> tuple[nn.Module, list]:
    """``(model in eval mode, classes)`` from a ``best.pt``."""
    ckpt = read_checkpoint(path)
    model = build_model(ckpt["config"], len(ckpt["classes"]))
    model.load_state_dict(ckpt["state_dict"])
    return model.to(device).eval(), list(ckpt["classes"])


def train_folder(config: dict, data_dir, out_dir, resume: bool = False, device=None, log=None) -> dict:
    """Everything from a folder of class folders to ``best.pt``: split, transform, ``fit``."""
    train_set, val_set, classes = load_datasets(Path(data_dir), config)
    return fit(config, train_set, val_set, out_dir, classes=classes, resume=resume, device=device, log=log)
