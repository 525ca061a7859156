"""The study's configuration and its seeds (``derive_seeds`` is milestone 3; the rest is given).

A study is described by one YAML file (``study.yaml``): the question and the hypothesis, the
arms being compared (the first is the control), the primary metric and the secondary ones,
the significance level, the seeds and the experiment's settings. Everything that decides a
number in the paper is in that file, so the file *is* the preregistration of the analysis.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import yaml


@dataclass(frozen=True)
class ExperimentConfig:
    """The settings of one training run (see ``experiment.py``)."""

    train_size: int = 200  # training images drawn from the pool for each seed
    label_noise: float = 0.3  # fraction of training labels replaced by a random class
    hidden: int = 64
    epochs: int = 60
    batch_size: int = 50
    lr: float = 0.01
    mixup_alpha: float = 0.4  # Beta(alpha, alpha) for the mixing weight


@dataclass(frozen=True)
class StudyConfig:
    name: str = "mixup-label-noise"
    question: str = ""
    hypothesis: str = ""
    arms: tuple = ("baseline", "mixup")  # the first arm is the control
    metrics: tuple = ("test_accuracy", "memorised_noise")  # the first is the primary metric
    alpha: float = 0.05
    master_seed: int = 2024
    n_seeds: int = 10
    n_resamples: int = 10_000  # bootstrap resamples for every confidence interval
    experiment: ExperimentConfig = field(default_factory=ExperimentConfig)

    @classmethod
    def from_dict(cls, d: dict) -> "StudyConfig":
        d = dict(d)
        experiment = ExperimentConfig(**d.pop("experiment", {}))
        for key in ("arms", "metrics"):
            if key in d:
                d[key] = tuple(d[key])
        return cls(experiment=experiment, **d)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["arms"], d["metrics"] = list(self.arms), list(self.metrics)
        return d

    def with_(self, **changes) -> "StudyConfig":
        """A copy with some fields changed; ``experiment=dict(...)`` changes experiment fields."""
        if isinstance(changes.get("experiment"), dict):
            changes["experiment"] = replace(self.experiment, **changes["experiment"])
        return replace(self, **changes)


def load_config(path: Path) -> StudyConfig:
    return StudyConfig.from_dict(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def derive_seeds(master_seed: int, n: int) -> list[int]:
    """``n`` distinct seeds derived from one master seed.

    Deterministic (the same master seed always gives the same list), distinct, plain Python
    ``int`` values in ``[0, 2**32)``, and *prefix-stable*: the first ``k`` seeds of
    ``derive_seeds(m, n)`` are ``derive_seeds(m, k)``, so adding seeds to a finished study
    keeps the runs already made.
    """
    # the master seed and the ones after it: distinct, stable, and easy to read
    return [(master_seed + i) % 2**32 for i in range(n)]
