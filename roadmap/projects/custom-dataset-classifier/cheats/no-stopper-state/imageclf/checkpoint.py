"""Checkpoints that resume exactly. Milestone 4.

A training run on your own data can take hours, and it will be interrupted (a laptop lid, a
preempted cloud machine). ``last.pt`` holds everything needed to carry on as if nothing had
happened: the weights, the optimiser's moment estimates, the scheduler's step count, the
epoch, the early-stopping counters, the history so far, and the state of every random number
generator (the shuffling, the augmentations, dropout). Leave one out and the resumed run drifts
away from the uninterrupted one; the tests compare the two weight for weight.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

import numpy as np
import torch


def capture_rng_state(generator: torch.Generator | None = None) -> dict:
    """The state of Python's ``random``, NumPy's global generator, torch's CPU generator, every
    CUDA generator (when CUDA is available) and ``generator`` (the DataLoader's, when given)."""
    return {
        "python": random.getstate(),
        "numpy": np.random.get_state(),
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
        "generator": generator.get_state() if generator is not None else None,
    }


def restore_rng_state(state: dict, generator: torch.Generator | None = None) -> None:
    """Put back what ``capture_rng_state`` captured."""
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if state.get("cuda") is not None and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
    if generator is not None and state.get("generator") is not None:
        generator.set_state(state["generator"])


def save_checkpoint(path, *, model, optimizer, scheduler, early_stopping, epoch: int, history: list,
                    generator: torch.Generator, config: dict, classes) -> Path:
    """Write everything a resumed run needs to ``path`` (with ``atomic_save``).

    ``scheduler`` may be None (a constant learning rate). ``epoch`` is the last finished epoch.
    """
    return atomic_save({
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "epoch": epoch,
        "history": history,
        "config": config,
        "classes": list(classes),
        "rng": capture_rng_state(generator),
    }, path)


def resume_from(path, *, model, optimizer, scheduler, early_stopping, generator: torch.Generator) -> tuple[int, list]:
    """Load ``path`` (``read_checkpoint``) into the given objects and return
    ``(last finished epoch, history)``. Restore the RNG state last, right before training goes on."""
    ckpt = read_checkpoint(path)
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])
    if scheduler is not None and ckpt["scheduler"] is not None:
        scheduler.load_state_dict(ckpt["scheduler"])
    restore_rng_state(ckpt["rng"], generator)
    return ckpt["epoch"], list(ckpt["history"])


# ---------------------------------------------------------------------------------------------
# Given


def atomic_save(obj, path) -> Path:
    """``torch.save`` to a temporary file, then rename it: a crash while saving never leaves a
    half-written checkpoint behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)
    return path


def read_checkpoint(path) -> dict:
    """``torch.load`` on the CPU. A checkpoint holds more than tensors (the NumPy RNG state), so
    newer torch versions need ``weights_only=False``; only load checkpoints you wrote yourself."""
    return torch.load(Path(path), map_location="cpu", weights_only=False)
