"""Resource monitoring per rank (milestone 6).

Each process measures itself: how many samples it processed and how fast, its resident memory
(psutil), and, on a GPU, the peak memory the CUDA allocator handed out. At the end, rank 0
gathers every rank's summary and writes them together, because the slowest rank sets the pace
of the whole job (a straggler shows up as one rank with fewer samples per second).
"""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Optional

import psutil
import torch

from .dist import DistInfo, all_gather_object


class ResourceMonitor:
    def __init__(self, info: DistInfo):
        self.info = info
        self.process = psutil.Process(os.getpid())
        self.samples = 0
        self.steps = 0
        self.started = time.perf_counter()
        self.peak_rss = self.process.memory_info().rss
        self.process.cpu_percent(interval=None)  # the first call only starts psutil's measurement

    def step(self, samples: int) -> None:
        """Call after each optimizer step with the samples this process used in it.

        TODO: count the step and the samples, and keep the peak resident memory (``rss``).
        """
        raise NotImplementedError("TODO: ResourceMonitor.step")

    def summary(self) -> dict:
        """TODO: a dict with rank, world_size, pid, host, device, steps, samples, seconds (since
        creation), samples_per_s, rss_mb and peak_rss_mb (MiB), cpu_percent, and cuda_peak_mb
        (``torch.cuda.max_memory_allocated``, in MiB, on a GPU; None on the CPU)."""
        raise NotImplementedError("TODO: ResourceMonitor.summary")


def write_resources(monitor: ResourceMonitor, path: Path) -> Optional[Path]:
    """Gather every rank's summary; rank 0 writes them to ``path`` (all ranks must call this).

    TODO: ``all_gather_object(monitor.summary())``; on rank 0 write JSON with world_size,
    ``ranks`` (the summaries sorted by rank), total_samples_per_s, slowest_rank and
    slowest_samples_per_s, and return the path; None on the other ranks.
    """
    raise NotImplementedError("TODO: write_resources")
