"""Sensor-like data with labelled anomalies, for batch and for streaming detection.

This file is GIVEN: you do not need to change it. Read it to know what "normal" looks like.

A machine runs at a load between 0 and 1. Its six sensors all follow that hidden load (some
linearly, some not), plus noise and the room's humidity. Anomalies come in three kinds:

- ``spike``: one sensor jumps far outside its usual range;
- ``broken_relation``: every value is in its normal range, but the sensors disagree about
  the load (for example a hot machine that draws almost no current);
- ``overheat``: temperature and vibration are too high for the load.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

SENSORS = ("temperature", "pressure", "current", "vibration", "flow", "humidity")
ANOMALY_KINDS = ("spike", "broken_relation", "overheat")


def _normal_readings(load: np.ndarray, ambient: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(load)
    return np.column_stack(
        [
            40 + 30 * load + 1.5 * ambient + rng.normal(0, 1.0, n),  # temperature
            2.0 + 3.0 * load**2 + rng.normal(0, 0.08, n),  # pressure
            5.0 + 10.0 * load + rng.normal(0, 0.3, n),  # current
            0.3 + 0.5 * np.sqrt(load) + rng.normal(0, 0.03, n),  # vibration
            100 - 40 * load + rng.normal(0, 1.5, n),  # flow
            50 + 8 * ambient + rng.normal(0, 1.5, n),  # humidity
        ]
    )


def make_sensor_data(n: int = 1500, anomaly_rate: float = 0.04, seed: int = 0):
    """Return ``(X, y, kinds)``.

    ``X`` is a DataFrame with one column per sensor, ``y`` is 1 for an anomaly and 0 for a
    normal row, ``kinds`` names the anomaly kind of each row ("" for normal rows).
    The same arguments always give the same data.
    """
    rng = np.random.default_rng(seed)
    load = rng.uniform(0.05, 0.95, n)
    ambient = rng.normal(0, 1, n)
    values = _normal_readings(load, ambient, rng)

    n_anomalies = int(round(anomaly_rate * n))
    rows = rng.choice(n, size=n_anomalies, replace=False)
    kinds = np.array([""] * n, dtype=object)
    spread = values.std(axis=0)
    for row in rows:
        kind = ANOMALY_KINDS[rng.integers(len(ANOMALY_KINDS))]
        kinds[row] = kind
        if kind == "spike":
            sensor = rng.integers(len(SENSORS) - 1)  # any sensor but humidity
            values[row, sensor] += rng.choice([-1, 1]) * rng.uniform(2.5, 4.0) * spread[sensor]
        elif kind == "broken_relation":
            # Two different loads: the first three sensors see one, the others another.
            other = (load[row] + rng.uniform(0.45, 0.6)) % 0.9 + 0.05
            fake = _normal_readings(np.array([other]), ambient[[row]], rng)[0]
            values[row, 2:5] = fake[2:5]
        else:  # overheat
            values[row, 0] += rng.uniform(8, 12)
            values[row, 3] += rng.uniform(0.15, 0.25)

    X = pd.DataFrame(values, columns=list(SENSORS))
    y = (kinds != "").astype(int)
    return X, y, kinds


def make_stream(
    n: int = 600,
    anomaly_start: int = 400,
    anomaly_length: int = 12,
    magnitude: float = 12.0,
    seed: int = 0,
):
    """Return ``(values, labels)``: one sensor read once per step, with one incident.

    The normal signal is a slow cycle (period 200 steps, amplitude 3) plus unit noise. From
    ``anomaly_start`` for ``anomaly_length`` steps the signal jumps by ``magnitude``; those
    steps have label 1.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    values = 20.0 + 3.0 * np.sin(2 * np.pi * t / 200.0) + rng.normal(0, 1.0, n)
    labels = np.zeros(n, dtype=int)
    end = min(n, anomaly_start + anomaly_length)
    values[anomaly_start:end] += magnitude
    labels[anomaly_start:end] = 1
    return values, labels
