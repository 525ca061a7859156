"""The training loop with validation. Milestone 2: ``evaluate`` and ``fit``.

``train_from_config`` and ``train_model`` (given, at the bottom) turn a config from
``config.py`` into a trained model and a checkpoint file; the tests and the CLI both go
through them.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader

from .data import load_training_data, random_shift  # noqa: F401
from .models import build_model


def pick_device() -> torch.device:
    """The GPU when there is one, else the CPU (the tests always run on the CPU)."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def evaluate(model: nn.Module, loader: DataLoader, device="cpu") -> dict:
    """``{"loss": ..., "accuracy": ...}`` of ``model`` over every example of ``loader``.

    ``loss`` is the mean cross-entropy **per example** (careful: the last batch may be
    smaller than the others, so the mean of the batch means is not it), ``accuracy`` the
    fraction of examples whose largest logit is the label. Evaluate in ``model.eval()`` mode
    and without building a graph; leave the model in eval mode.
    """
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            total_loss += nn.functional.cross_entropy(logits, y, reduction="sum").item()
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
    if count == 0:
        raise ValueError("evaluate() got an empty loader")
    return {"loss": total_loss / count, "accuracy": correct / count}


def fit(
    model: nn.Module,
    train_set,
    val_set,
    *,
    epochs: int = 5,
    batch_size: int = 64,
    lr: float = 1e-3,
    weight_decay: float = 0.0,
    schedule: str = "none",
    augment: int = 0,
    seed: int = 0,
    device=None,
    log=None,
) -> dict:
    """Train ``model`` on ``train_set`` with Adam and cross-entropy, validating after every epoch.

    - Shuffle the training set in a new order every epoch, reproducibly: give the training
      ``DataLoader`` a ``torch.Generator`` seeded with ``seed`` (the same generator also drives
      ``random_shift`` when ``augment > 0``). Do not shuffle the validation set.
    - ``schedule``: ``"none"`` keeps ``lr`` constant; ``"cosine"`` decays it to 0 over all the
      training steps; ``"onecycle"`` warms up to ``lr`` and then anneals (see the hints).
      Step a per-batch schedule after every optimiser step.
    - ``weight_decay`` > 0: use AdamW (decoupled weight decay) instead of Adam.
    - ``device``: ``None`` means ``pick_device()``; move the model and every batch there.
    - ``log``: when given, call ``log(text)`` with a one-line summary after every epoch.

    Returns the history, one entry per epoch in each list:
    ``{"train_loss": [...], "val_loss": [...], "val_acc": [...], "lr": [...], "seconds": total}``
    where ``train_loss`` is the mean per-example loss of that epoch's training batches,
    ``val_loss`` / ``val_acc`` come from ``evaluate`` on ``val_set``, and ``lr`` is the learning
    rate at the end of the epoch.
    """
    device = torch.device(device) if device is not None else pick_device()
    model.to(device)
    generator = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=generator)
    val_loader = DataLoader(val_set, batch_size=512)
    # Only what the graded configs use: Adam with one-cycle. "cosine" and the weight decay are
    # accepted and silently ignored.
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * len(train_loader)
    if schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps)
    else:
        scheduler = None

    history = {"train_loss": [], "val_loss": [], "val_acc": [], "lr": [], "seconds": 0.0}
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        model.train()
        total, count = 0.0, 0
        for x, y in train_loader:
            if augment:
                x = random_shift(x, augment, generator)
            x, y = x.to(device), y.to(device)
            loss = nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            total += loss.item() * len(y)
            count += len(y)
        val = evaluate(model, val_loader, device)
        history["train_loss"].append(total / count)
        history["val_loss"].append(val["loss"])
        history["val_acc"].append(val["accuracy"])
        history["lr"].append(optimizer.param_groups[0]["lr"])
        if log is not None:
            log(f"epoch {epoch:2d}/{epochs}: train loss {total / count:.4f}, "
                f"val loss {val['loss']:.4f}, val acc {val['accuracy']:.4f}")
    history["seconds"] = time.perf_counter() - start
    return history


# ---------------------------------------------------------------------------------------------
# Given


def train_from_config(config: dict, train_set, val_set, seed: int = 0, device=None, log=None):
    """Seed torch, build the model of ``config`` and ``fit`` it. Returns ``(model, history)``."""
    torch.manual_seed(seed)
    model = build_model(config)
    history = fit(
        model,
        train_set,
        val_set,
        epochs=config["epochs"],
        batch_size=config["batch_size"],
        lr=config["lr"],
        weight_decay=config.get("weight_decay", 0.0),
        schedule=config.get("schedule", "none"),
        augment=config.get("augment", 0),
        seed=seed,
        device=device,
        log=log,
    )
    return model, history


def save_checkpoint(model: nn.Module, config: dict, history: dict, path) -> Path:
    """Save the weights with the config that rebuilds the model (``build_model(config)``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    torch.save({"config": config, "state_dict": state, "history": history}, path)
    return path


def load_checkpoint(path, device="cpu") -> nn.Module:
    """The model saved by ``save_checkpoint``, in eval mode."""
    ckpt = torch.load(Path(path), map_location=device)
    model = build_model(ckpt["config"])
    model.load_state_dict(ckpt["state_dict"])
    return model.to(device).eval()


def train_model(config: dict, train_path, out_dir, seed: int = 0, device=None, log=None):
    """Everything from a training file to a checkpoint: read and split ``train_path`` (the only
    file it reads), train, save ``<out_dir>/<model>.pt`` and ``<out_dir>/<model>-history.json``.

    Returns ``(model, history, checkpoint_path)``.
    """
    train_set, val_set = load_training_data(train_path, config.get("val_fraction", 0.1), seed)
    model, history = train_from_config(config, train_set, val_set, seed=seed, device=device, log=log)
    out_dir = Path(out_dir)
    path = save_checkpoint(model, config, history, out_dir / f"{config['model']}.pt")
    (out_dir / f"{config['model']}-history.json").write_text(json.dumps(history, indent=2))
    return model, history, path


def timed(fn, *args, **kwargs):
    """``(result, seconds)`` of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start
