"""Scaling efficiency and the cost of a cloud run (milestone 7).

Doubling the GPUs rarely halves the time: gradients have to cross the network at every step.
*Scaling efficiency* is the measured throughput with n workers over n times the throughput of
one. A cost estimate multiplies the hours the run takes (at that efficiency, plus start-up) by
the price of every worker for those hours; the cheapest option is often not the fastest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass
class Option:
    name: str
    workers: int             # GPUs (or processes) in total
    price_per_worker_hour: float
    samples_per_s_per_worker: float
    efficiency: float = 1.0  # measured scaling efficiency at this many workers


def scaling_efficiency(throughput_one: float, throughput_n: float, n: int) -> float:
    """TODO: throughput with n workers / (n x throughput of one); ValueError for a non-positive
    single-worker throughput or n < 1."""
    raise NotImplementedError("TODO: scaling_efficiency")


def estimate(option: Option, total_samples: float, startup_hours: float = 0.25) -> dict:
    """Hours and cost of processing ``total_samples`` (epochs x data set size) with ``option``.

    TODO: the effective rate is samples/s per worker x workers x efficiency; hours = samples /
    rate / 3600 + startup_hours; cost = hours x workers x price per worker-hour. Return
    ``{"name", "workers", "hours", "cost", "samples_per_s"}``.
    """
    raise NotImplementedError("TODO: estimate")


def cheapest(options: Iterable[Option], total_samples: float, deadline_hours: float,
             startup_hours: float = 0.25) -> Optional[dict]:
    """TODO: the cheapest estimate that finishes within ``deadline_hours`` (None if none does);
    ties go to the faster one."""
    raise NotImplementedError("TODO: cheapest")
