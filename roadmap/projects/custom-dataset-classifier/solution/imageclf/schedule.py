"""The learning-rate schedule. Milestone 2: ``warmup_cosine``.

A short linear warm-up (large steps on random weights are wasted, even harmful with batch
norm and Adam's early, noisy moment estimates), then a cosine decay that spends most of the
training at moderate rates and ends with small, careful steps.
"""
from __future__ import annotations

import math

import torch


def warmup_cosine(step: int, total_steps: int, warmup_steps: int, min_factor: float = 0.0) -> float:
    """The factor that multiplies the base learning rate at optimiser step ``step`` (0-based).

    - Warm-up, ``step < warmup_steps``: rises linearly, ``(step + 1) / warmup_steps``, so the
      last warm-up step uses the full rate.
    - Then a half cosine from 1 down to ``min_factor``, reached at the last step
      ``total_steps - 1``: with ``p = (step - warmup_steps) / max(1, total_steps - 1 - warmup_steps)``
      the factor is ``min_factor + (1 - min_factor) * (1 + cos(pi * p)) / 2``.
    - Past the end it stays at ``min_factor``.
    """
    if step < warmup_steps:
        return (step + 1) / warmup_steps
    if step >= total_steps - 1:
        return min_factor
    p = (step - warmup_steps) / max(1, total_steps - 1 - warmup_steps)
    return min_factor + (1.0 - min_factor) * (1.0 + math.cos(math.pi * p)) / 2.0


def make_scheduler(optimizer, config: dict, steps_per_epoch: int):
    """A per-step scheduler for ``config["schedule"]`` (given): ``"warmup_cosine"`` or
    ``"constant"`` (returns None). Call ``scheduler.step()`` after every ``optimizer.step()``."""
    name = config.get("schedule", "constant")
    if name == "constant":
        return None
    if name != "warmup_cosine":
        raise ValueError(f"unknown schedule {name!r}")
    total = config["epochs"] * steps_per_epoch
    warmup = config.get("warmup_epochs", 1) * steps_per_epoch
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: warmup_cosine(step, total, warmup))
