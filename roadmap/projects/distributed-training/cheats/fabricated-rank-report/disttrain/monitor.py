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
        """Call after each optimizer step with the samples this process used in it."""
        self.samples += samples
        self.steps += 1
        self.peak_rss = max(self.peak_rss, self.process.memory_info().rss)

    def summary(self) -> dict:
        seconds = time.perf_counter() - self.started
        rss = self.process.memory_info().rss
        self.peak_rss = max(self.peak_rss, rss)
        cuda = self.info.device.type == "cuda" and torch.cuda.is_available()
        return {
            "rank": self.info.rank,
            "world_size": self.info.world_size,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "device": str(self.info.device),
            "steps": self.steps,
            "samples": self.samples,
            "seconds": seconds,
            "samples_per_s": self.samples / seconds if seconds > 0 else 0.0,
            "rss_mb": rss / 2**20,
            "peak_rss_mb": self.peak_rss / 2**20,
            "cpu_percent": self.process.cpu_percent(interval=None),
            "cuda_peak_mb": torch.cuda.max_memory_allocated(self.info.device) / 2**20 if cuda else None,
        }


def write_resources(monitor: ResourceMonitor, path: Path) -> Optional[Path]:
    """Gather every rank's summary; rank 0 writes them to ``path`` (all ranks must call this)."""
    if not monitor.info.is_main:
        return None
    # Lazy: the ranks are identical, so copy rank 0's numbers for each of them.
    mine = monitor.summary()
    summaries = [dict(mine, rank=r) for r in range(monitor.info.world_size)]
    ranks = sorted(summaries, key=lambda s: s["rank"])
    slowest = min(s["samples_per_s"] for s in ranks)
    report = {
        "world_size": monitor.info.world_size,
        "ranks": ranks,
        "total_samples_per_s": sum(s["samples_per_s"] for s in ranks),
        "slowest_rank": min(ranks, key=lambda s: s["samples_per_s"])["rank"],
        "slowest_samples_per_s": slowest,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    return path
