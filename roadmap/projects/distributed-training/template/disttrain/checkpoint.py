"""Checkpoints that resume on any world size (milestone 5).

All replicas hold the same weights, so one process (rank 0) writes for everyone. What a
checkpoint stores is independent of how many processes wrote it: the *unwrapped* model's weights
(no ``module.`` prefix from DDP), the optimizer state, and the number of optimizer steps taken.
Because the config fixes the global batch, step ``s`` means "the first ``s * global_batch``
samples of the epoch order", whatever the world size that resumes.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import torch

from .config import TrainConfig
from .dist import DistInfo, barrier


def unwrap(model: torch.nn.Module) -> torch.nn.Module:
    """The model inside a DistributedDataParallel wrapper (or the model itself)."""
    return model.module if hasattr(model, "module") else model


def checkpoint_path(cfg: TrainConfig, step: int) -> Path:
    return Path(cfg.out_dir) / "checkpoints" / f"step-{step:06d}.pt"


def save_checkpoint(path: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer, step: int,
                    cfg: TrainConfig, info: DistInfo) -> Optional[Path]:
    """Rank 0 writes ``path`` atomically; every rank waits until it is there. Returns the path on rank 0.

    TODO: on rank 0 only, save ``{"model": the unwrapped model's state_dict (on the CPU),
    "optimizer": optimizer.state_dict(), "step", "global_batch", "world_size", "config"}`` to a
    temporary file next to ``path``, then ``os.replace`` it onto ``path``. Then ``barrier()``.
    """
    raise NotImplementedError("TODO: save_checkpoint")


def load_checkpoint(path: Path, model: torch.nn.Module, optimizer: Optional[torch.optim.Optimizer],
                    cfg: TrainConfig, device: torch.device) -> int:
    """Load weights (and optimizer state) into ``model``; return the step to continue from.

    TODO: ``torch.load(path, map_location=device)``; ValueError when its global batch is not
    ``cfg.global_batch``; load into the unwrapped model (and the optimizer when given).
    """
    raise NotImplementedError("TODO: load_checkpoint")


def latest_checkpoint(folder: Path) -> Optional[Path]:
    found = sorted(Path(folder).glob("step-*.pt"))
    return found[-1] if found else None
