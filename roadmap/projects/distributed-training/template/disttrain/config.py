"""Training configuration (GIVEN, nothing to do here).

The *global* batch (samples per optimizer step, across every process) is what the optimization
depends on, so it is what a config fixes. Each process reads ``micro_batch`` samples at a time
and accumulates gradients over ``accum_steps(world_size)`` micro-batches, so the same config
trains the same model on 1, 2 or 64 processes, and a checkpoint resumes on any of them.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Optional

import yaml


@dataclass
class TrainConfig:
    seed: int = 0
    n_train: int = 2048
    n_features: int = 16
    n_classes: int = 4
    hidden: int = 64
    global_batch: int = 128
    micro_batch: int = 32
    epochs: int = 4
    max_steps: Optional[int] = None  # stop earlier than epochs * steps_per_epoch
    lr: float = 0.2
    momentum: float = 0.9
    warmup_steps: int = 10
    amp: bool = False
    checkpoint_every: int = 20
    log_every: int = 10
    out_dir: str = "runs/local"
    resume: Optional[str] = None  # a checkpoint file, or "latest" (the newest in out_dir/checkpoints)

    def accum_steps(self, world_size: int) -> int:
        """Micro-batches per optimizer step on each of ``world_size`` processes."""
        per_step = self.micro_batch * world_size
        if self.global_batch % per_step:
            raise ValueError(f"global_batch {self.global_batch} is not a multiple of micro_batch "
                             f"{self.micro_batch} x world_size {world_size}")
        return self.global_batch // per_step

    def steps_per_epoch(self) -> int:
        return self.n_train // self.global_batch

    def total_steps(self) -> int:
        full = self.epochs * self.steps_per_epoch()
        return full if self.max_steps is None else min(full, self.max_steps)

    def to_dict(self) -> dict:
        return asdict(self)


def lr_at(step: int, cfg: TrainConfig) -> float:
    """Linear warm-up, then cosine decay to 10 % of ``cfg.lr``: a function of the step alone, so a
    resumed run needs no scheduler state."""
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    total = max(cfg.total_steps(), cfg.warmup_steps + 1)
    progress = (step - cfg.warmup_steps) / (total - cfg.warmup_steps)
    return cfg.lr * (0.1 + 0.9 * 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress))))


def load_config(path: str | Path, **overrides) -> TrainConfig:
    data = yaml.safe_load(Path(path).read_text()) or {}
    known = {f.name for f in fields(TrainConfig)}
    unknown = set(data.get("train", data)) - known
    if unknown:
        raise ValueError(f"unknown settings in {path}: {sorted(unknown)}")
    values = dict(data.get("train", data))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return TrainConfig(**values)
