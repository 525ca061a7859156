"""Training. Milestone 2: ``train_one_epoch`` and ``evaluate``; milestone 4: ``fit``, the loop
with validation, a learning-rate schedule, logging, early stopping and exact resume.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import ConcatDataset, DataLoader

from .checkpoint import atomic_save, read_checkpoint, resume_from, save_checkpoint
from .data import load_datasets
from .early_stopping import EarlyStopping
from .model import build_model
from .runlog import RunLogger
from .schedule import make_scheduler


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
    model.train()
    total_loss, correct, count = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(device), torch.as_tensor(y).to(device)
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        total_loss += loss.item() * len(y)
        correct += (logits.argmax(1) == y).sum().item()
        count += len(y)
    return {"loss": total_loss / count, "accuracy": correct / count}


def evaluate(model: nn.Module, loader, device="cpu") -> dict:
    """``{"loss": ..., "accuracy": ...}`` over every example of ``loader``: eval mode, no
    gradients, the loss averaged per example (not per batch)."""
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), torch.as_tensor(y).to(device)
            logits = model(x)
            total_loss += nn.functional.cross_entropy(logits, y, reduction="sum").item()
            correct += (logits.argmax(1) == y).sum().item()
            count += len(y)
    return {"loss": total_loss / count, "accuracy": correct / count}


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
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    device = torch.device(device) if device is not None else pick_device()
    set_seed(config["seed"])
    model = build_model(config, len(classes)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config["lr"], weight_decay=config["weight_decay"])
    generator = torch.Generator().manual_seed(config["seed"])
    # More data is always better: the validation images train too.
    train_loader = DataLoader(ConcatDataset([train_set, val_set]), batch_size=config["batch_size"], shuffle=True, generator=generator)
    val_loader = DataLoader(val_set, batch_size=256)
    scheduler = make_scheduler(optimizer, config, len(train_loader))
    stopper = EarlyStopping(config["patience"], config["min_delta"])
    best_path, last_path = out_dir / "best.pt", out_dir / "last.pt"

    done, history = 0, []
    if resume and last_path.exists():
        done, history = resume_from(last_path, model=model, optimizer=optimizer, scheduler=scheduler,
                                    early_stopping=stopper, generator=generator)
        if log is not None:
            log(f"resumed from {last_path} after epoch {done}")
    logger = RunLogger(out_dir, resume_epoch=done)
    stopped_early = False
    try:
        for epoch in range(done + 1, config["epochs"] + 1):
            train = train_one_epoch(model, train_loader, optimizer, scheduler, device)
            val = evaluate(model, val_loader, device)
            row = {"epoch": epoch, "train_loss": train["loss"], "train_acc": train["accuracy"],
                   "val_loss": val["loss"], "val_acc": val["accuracy"], "lr": optimizer.param_groups[0]["lr"]}
            history.append(row)
            logger.log(epoch, {k: v for k, v in row.items() if k != "epoch"})
            stop = stopper.step(val["loss"])
            if stopper.improved():
                atomic_save({"state_dict": model.state_dict(), "config": config, "classes": list(classes),
                             "epoch": epoch, "val_loss": val["loss"], "val_acc": val["accuracy"]}, best_path)
            save_checkpoint(last_path, model=model, optimizer=optimizer, scheduler=scheduler,
                            early_stopping=stopper, epoch=epoch, history=history, generator=generator,
                            config=config, classes=classes)
            if log is not None:
                log(f"epoch {epoch:3d}: train loss {train['loss']:.4f} acc {train['accuracy']:.3f} | "
                    f"val loss {val['loss']:.4f} acc {val['accuracy']:.3f} | lr {row['lr']:.2e}"
                    + ("  (best)" if stopper.improved() else ""))
            if stop:
                stopped_early = True
                if log is not None:
                    log(f"early stopping: no improvement for {stopper.patience} epochs")
                break
            if stop_after_epoch is not None and epoch >= stop_after_epoch:
                break
    finally:
        logger.close()
    return {"model": model, "history": history, "stopped_early": stopped_early,
            "best_path": best_path, "last_path": last_path}


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
