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
    """Who this process is, from torchrun's variables (a single process when they are absent).

    TODO: RANK, WORLD_SIZE and LOCAL_RANK (defaults 0, 1, 0); ValueError when RANK is not in
    0..WORLD_SIZE-1. The device is ``cuda:<LOCAL_RANK>`` when CUDA is available, else the CPU.
    """
    raise NotImplementedError("TODO: info_from_env")


def setup(init_method: str = "env://", backend: Optional[str] = None, timeout_s: float = 1800.0) -> DistInfo:
    """Join the process group (NCCL on GPUs, gloo on CPU) when there is more than one process.

    TODO: ``info_from_env()``; on a GPU, ``torch.cuda.set_device``; with more than one process,
    ``dist.init_process_group(backend, init_method=..., rank=..., world_size=...,
    timeout=timedelta(seconds=timeout_s))`` and record the backend in the DistInfo.
    """
    raise NotImplementedError("TODO: setup")


def cleanup() -> None:
    """TODO: leave the process group, if this process joined one."""
    raise NotImplementedError("TODO: cleanup")


def _active() -> bool:
    return dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1


def barrier() -> None:
    if _active():
        dist.barrier()


def all_reduce_mean(tensor: torch.Tensor) -> torch.Tensor:
    """The mean of ``tensor`` over every process (a new tensor; the input is left alone).

    TODO: with one process, a copy; otherwise an all_reduce (SUM) of a copy, divided by the world size.
    """
    raise NotImplementedError("TODO: all_reduce_mean")


def all_gather_object(obj: Any) -> List[Any]:
    """``[obj of rank 0, obj of rank 1, ...]`` on every process (any picklable object).

    TODO: ``[obj]`` with one process, else ``dist.all_gather_object``.
    """
    raise NotImplementedError("TODO: all_gather_object")
