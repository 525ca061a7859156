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
    accum = cfg.accum_steps(info.world_size)
    dataset = make_dataset(cfg.n_train)
    model = build_model(cfg).to(info.device)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=cfg.momentum)
    start = 0
    resume = _resume_path(cfg)
    if resume is not None:
        start = load_checkpoint(resume, model, optimizer, cfg, info.device)
    ddp = info.world_size > 1
    if ddp:
        model = DistributedDataParallel(model, device_ids=[info.device.index] if info.device.type == "cuda" else None)

    # Every rank sees the same shuffled order of the epoch and takes every world_size-th sample,
    # so a global batch is the same set of samples whatever the world size.
    # No sharding: every rank reads the whole global batch itself (in accum micro-batches), so DDP
    # averages identical gradients: the weights are right, but each rank does the whole job.
    sampler = DistributedSampler(dataset, num_replicas=1, rank=0, shuffle=True, seed=cfg.seed, drop_last=True)
    loader = DataLoader(dataset, batch_size=cfg.global_batch // accum, sampler=sampler, drop_last=True)
    scaler = make_scaler(info.device, cfg.amp)
    monitor = ResourceMonitor(info)
    result = TrainResult(steps=start, start_step=start, accum_steps=accum)
    total, per_epoch = cfg.total_steps(), cfg.steps_per_epoch()
    step = start
    model.train()
    while step < total:
        epoch, done_in_epoch = divmod(step, per_epoch)
        sampler.set_epoch(epoch)
        micro_batches = islice(iter(loader), done_in_epoch * accum, per_epoch * accum)
        while step < total:
            group = list(islice(micro_batches, accum))
            if len(group) < accum:
                break  # end of the epoch
            for g in optimizer.param_groups:
                g["lr"] = lr_at(step, cfg)
            step_loss = torch.zeros((), device=info.device)
            for i, (x, y) in enumerate(group):
                x, y = x.to(info.device, non_blocking=True), y.to(info.device, non_blocking=True)
                # Only the last micro-batch all-reduces the gradients; the others just add up locally.
                sync = nullcontext() if (not ddp or i == accum - 1) else model.no_sync()
                with sync:
                    with autocast(info.device, cfg.amp):
                        loss = F.cross_entropy(model(x), y) / accum
                    scaler.scale(loss).backward()
                step_loss += loss.detach().float()
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            monitor.step(cfg.micro_batch * accum)
            result.losses.append(float(step_loss))  # this rank's share; averaged over ranks at the end
            if info.is_main and cfg.log_every and step % cfg.log_every == 0:
                print(f"step {step}/{total}  loss (rank 0) {result.losses[-1]:.4f}  lr {lr_at(step - 1, cfg):.4f}", flush=True)
            if cfg.checkpoint_every and step % cfg.checkpoint_every == 0:
                save_checkpoint(checkpoint_path(cfg, step), model, optimizer, step, cfg, info)
    result.steps = step
    if ddp and result.losses:  # one collective for the whole history, not one per step
        result.losses = all_reduce_mean(torch.tensor(result.losses, dtype=torch.float64)).tolist()

    out = Path(cfg.out_dir)
    if info.is_main:
        out.mkdir(parents=True, exist_ok=True)
        final = out / "final.pt"
        torch.save({k: v.detach().cpu() for k, v in unwrap(model).state_dict().items()}, final)
        result.final_path = final
        (out / "metrics.json").write_text(json.dumps({
            "steps": step, "start_step": start, "world_size": info.world_size, "accum_steps": accum,
            "global_batch": cfg.global_batch, "amp": cfg.amp, "losses": result.losses}, indent=2))
    write_resources(monitor, out / "resources.json")
    return result
