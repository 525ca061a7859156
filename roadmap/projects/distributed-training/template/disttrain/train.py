"""The training loop (milestones 2 to 6): DDP, a DistributedSampler, gradient accumulation,
mixed precision, checkpoints and resource monitoring.

Run it with ``torchrun --nproc-per-node 2 -m disttrain train --config configs/local.yaml``
(or ``python -m disttrain train`` for one process).
"""
from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import List, Optional

import torch
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler

from .amp import autocast, make_scaler
from .checkpoint import checkpoint_path, latest_checkpoint, load_checkpoint, save_checkpoint, unwrap
from .config import TrainConfig, lr_at
from .data import make_dataset
from .dist import DistInfo, all_reduce_mean
from .model import build_model
from .monitor import ResourceMonitor, write_resources


@dataclass
class TrainResult:
    steps: int
    start_step: int
    accum_steps: int
    losses: List[float] = field(default_factory=list)  # global-batch mean loss at each step
    final_path: Optional[Path] = None


def _resume_path(cfg: TrainConfig) -> Optional[Path]:
    if not cfg.resume:
        return None
    if cfg.resume == "latest":
        return latest_checkpoint(Path(cfg.out_dir) / "checkpoints")
    return Path(cfg.resume)


def train(cfg: TrainConfig, info: DistInfo) -> TrainResult:
    """Train ``build_model(cfg)`` on ``make_dataset(cfg.n_train)``; rank 0 writes the outputs.

    TODO, step by step (each milestone adds one piece):
    - (2) build the model and an SGD optimizer (lr, momentum); wrap the model in
      DistributedDataParallel when there is more than one process; read the data through a
      DistributedSampler (shuffle, ``seed=cfg.seed``, ``drop_last=True``) and a DataLoader of
      ``cfg.micro_batch``; call ``sampler.set_epoch(epoch)`` every epoch; set each step's
      learning rate with ``lr_at(step, cfg)``;
    - (3) each optimizer step uses ``cfg.accum_steps(world_size)`` micro-batches, with the loss
      divided by that number, and every micro-batch but the last inside ``model.no_sync()``;
      ``result.losses`` gets the global-batch mean loss of every step (average the ranks'
      histories with one ``all_reduce_mean`` at the end, not one collective per step);
    - (4) the forward pass and the loss run under ``autocast(device, cfg.amp)``; backward through
      ``scaler.scale(loss)``, then ``scaler.step(optimizer)`` and ``scaler.update()``;
    - (5) every ``cfg.checkpoint_every`` steps ``save_checkpoint(checkpoint_path(cfg, step), ...)``;
      with ``cfg.resume``, load the checkpoint first and continue from its step: in its epoch,
      skip the micro-batches the earlier steps already used;
    - (6) a ResourceMonitor counts every step's samples (micro_batch x accumulation);
    - at the end, rank 0 saves the unwrapped model's state_dict to ``out_dir/final.pt`` and
      writes ``out_dir/metrics.json`` (steps, start_step, world_size, accum_steps, global_batch,
      amp, losses); every rank calls ``write_resources(monitor, out_dir/"resources.json")``.
    """
    raise NotImplementedError("TODO: train")
