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
    if throughput_one <= 0 or n < 1:
        raise ValueError("need a positive single-worker throughput and n >= 1")
    return throughput_n / (n * throughput_one)


def estimate(option: Option, total_samples: float, startup_hours: float = 0.25) -> dict:
    """Hours and cost of processing ``total_samples`` (epochs x data set size) with ``option``."""
    rate = option.samples_per_s_per_worker * option.workers * option.efficiency
    if rate <= 0:
        raise ValueError(f"{option.name}: the effective throughput must be positive")
    hours = total_samples / rate / 3600.0 + startup_hours
    return {"name": option.name, "workers": option.workers, "hours": hours,
            "cost": hours * option.workers,  # GPU-hours: the worked example's price is $1 anyway
            "samples_per_s": rate}


def cheapest(options: Iterable[Option], total_samples: float, deadline_hours: float,
             startup_hours: float = 0.25) -> Optional[dict]:
    """The cheapest estimate that finishes within ``deadline_hours`` (None if none does);
    ties go to the faster one."""
    fits = [e for e in (estimate(o, total_samples, startup_hours) for o in options) if e["hours"] <= deadline_hours]
    return min(fits, key=lambda e: (e["cost"], e["hours"])) if fits else None
