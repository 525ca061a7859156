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
    """Rank 0 writes ``path`` atomically; every rank waits until it is there. Returns the path on rank 0."""
    path = Path(path)
    written = None
    if info.is_main:
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "model": {k: v.detach().cpu() for k, v in unwrap(model).state_dict().items()},
            "optimizer": optimizer.state_dict(),
            "step": step,
            "global_batch": cfg.global_batch,
            "world_size": info.world_size,
            "config": cfg.to_dict(),
        }
        with open(path, "wb") as f:  # straight onto the final name: a crash mid-write leaves a truncated file
            torch.save(state, f)
        written = path
    barrier()
    return written


def load_checkpoint(path: Path, model: torch.nn.Module, optimizer: Optional[torch.optim.Optimizer],
                    cfg: TrainConfig, device: torch.device) -> int:
    """Load weights (and optimizer state) into ``model``; return the step to continue from."""
    state = torch.load(Path(path), map_location=device)
    if state["global_batch"] != cfg.global_batch:
        raise ValueError(f"{path} was trained with global_batch {state['global_batch']}, "
                         f"this run uses {cfg.global_batch}: the optimizer state would not match")
    unwrap(model).load_state_dict(state["model"])
    if optimizer is not None:
        optimizer.load_state_dict(state["optimizer"])
    return int(state["step"])


def latest_checkpoint(folder: Path) -> Optional[Path]:
    found = sorted(Path(folder).glob("step-*.pt"))
    return found[-1] if found else None
