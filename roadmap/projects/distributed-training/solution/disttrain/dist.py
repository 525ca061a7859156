"""Process-group set-up (milestone 1).

``torchrun`` starts one process per GPU (or per CPU worker) and tells each one who it is through
environment variables: ``RANK`` (0 .. WORLD_SIZE-1 across every machine), ``WORLD_SIZE``,
``LOCAL_RANK`` (its index on this machine, which picks its GPU), ``MASTER_ADDR`` and
``MASTER_PORT`` (where the rendezvous store runs). The same code then runs unchanged on one
laptop core, eight GPUs, or a cluster.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, List, Mapping, Optional

import torch
import torch.distributed as dist


@dataclass
class DistInfo:
    rank: int
    world_size: int
    local_rank: int
    device: torch.device
    backend: Optional[str] = None

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def info_from_env(env: Mapping[str, str] = os.environ) -> DistInfo:
    """Who this process is, from torchrun's variables (a single process when they are absent)."""
    rank = int(env.get("RANK", 0))
    world_size = int(env.get("WORLD_SIZE", 1))
    local_rank = int(env.get("LOCAL_RANK", 0))
    if world_size < 1 or not 0 <= rank < world_size:
        raise ValueError(f"RANK={rank} is not in 0..WORLD_SIZE-1 (WORLD_SIZE={world_size})")
    device = torch.device(f"cuda:{local_rank}") if torch.cuda.is_available() else torch.device("cpu")
    return DistInfo(rank, world_size, local_rank, device)


def setup(init_method: str = "env://", backend: Optional[str] = None, timeout_s: float = 1800.0) -> DistInfo:
    """Join the process group (NCCL on GPUs, gloo on CPU) when there is more than one process."""
    info = info_from_env()
    if info.device.type == "cuda":
        torch.cuda.set_device(info.device)
    if info.world_size > 1 and not dist.is_initialized():
        info.backend = backend or ("nccl" if info.device.type == "cuda" else "gloo")
        dist.init_process_group(info.backend, init_method=init_method, rank=info.rank,
                                world_size=info.world_size, timeout=timedelta(seconds=timeout_s))
    return info


def cleanup() -> None:
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def _active() -> bool:
    return dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1


def barrier() -> None:
    if _active():
        dist.barrier()


def all_reduce_mean(tensor: torch.Tensor) -> torch.Tensor:
    """The mean of ``tensor`` over every process (a new tensor; the input is left alone)."""
    out = tensor.detach().clone()
    if _active():
        dist.all_reduce(out, op=dist.ReduceOp.SUM)
        out /= dist.get_world_size()
    return out


def all_gather_object(obj: Any) -> List[Any]:
    """``[obj of rank 0, obj of rank 1, ...]`` on every process (any picklable object)."""
    if not _active():
        return [obj]
    out: List[Any] = [None] * dist.get_world_size()
    dist.all_gather_object(out, obj)
    return out
