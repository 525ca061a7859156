"""The experiment harness: configurations, seeds, one run, a grid of runs (milestones 2, 3).

A *run* is one configuration trained with one seed. It returns a *record*, a JSON-ready dict
of everything measured, and the trained model. ``run_grid`` saves both for every run, so the
ablation table, the comparison with the paper and the plots are always made from saved runs
(``python -m repro report`` rebuilds them from the files alone).
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .model import build_model


@dataclass(frozen=True)
class Config:
    """One configuration of the experiment. ``Config(**config.to_dict())`` round-trips."""

    depth: int = 10  # number of blocks (2 * depth + 2 weight layers)
    width: int = 32
    residual: bool = True
    batchnorm: bool = True
    zero_init: bool = False
    steps: int = 100  # SGD updates
    lr: float = 0.05
    momentum: float = 0.9
    batch_size: int = 64
    eval_every: int = 10  # evaluate the whole training split every this many steps

    @property
    def name(self) -> str:
        """``plain-10``, ``residual-10``, ``residual-10-zeroinit``, ``plain-10-nobn``, ..."""
        parts = ["residual" if self.residual else "plain", str(self.depth)]
        if not self.batchnorm:
            parts.append("nobn")
        if self.zero_init:
            parts.append("zeroinit")
        return "-".join(parts)

    def to_dict(self) -> dict:
        return asdict(self)


def set_seed(seed: int) -> None:
    """Seed every random number generator a run touches."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@torch.no_grad()
def evaluate(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """Mean cross-entropy and accuracy of ``model`` on ``(X, y)``, in evaluation mode.

    The model's training/evaluation mode is restored afterwards.
    """
    was_training = model.training
    model.eval()
    dev = next(model.parameters()).device
    logits = model(X.to(dev))
    loss = F.cross_entropy(logits, y.to(dev)).item()
    accuracy = (logits.argmax(dim=1) == y.to(dev)).float().mean().item()
    model.train(was_training)
    return loss, accuracy


@dataclass
class RunResult:
    record: dict
    model: nn.Module


def eval_steps(config: Config) -> list[int]:
    """The steps at which the training curve is measured: 0 (before any update), every
    ``eval_every`` steps, and always the last step."""
    steps = list(range(0, config.steps, config.eval_every))
    return steps + [config.steps]


def train_run(config: Config, seed: int, data: dict) -> RunResult:
    """Train ``config`` once with ``seed`` on ``data["X_train"], data["y_train"]``.

    The recipe (the same for every configuration, so that only the architecture differs):

    1. ``set_seed(seed)``, then ``model = build_model(config)``, moved to ``device()``.
    2. ``torch.optim.SGD`` over all parameters with ``config.lr`` and ``config.momentum``.
    3. Mini-batches are drawn with replacement from a generator of the run's own:
       ``g = torch.Generator().manual_seed(seed)``; at each of the ``config.steps`` steps
       ``idx = torch.randint(n_train, (config.batch_size,), generator=g)``. The model is in
       training mode for the update; the loss is ``F.cross_entropy`` (mean over the batch).
    4. At every step of ``eval_steps(config)`` (``s`` meaning "after ``s`` updates") measure
       ``evaluate(model, X_train, y_train)``: that is the training curve.
    5. At the end, measure the whole training split and the test split with ``evaluate``.
       The test split is only ever evaluated, never trained on or used to choose anything.

    The record is a JSON-ready dict with exactly these keys::

        name, config (config.to_dict()), seed, device, seconds,
        curve = {"step": [...], "train_loss": [...]},
        final_train_loss, final_train_accuracy, test_loss, test_accuracy
    """
    started = time.perf_counter()
    dev = device()
    set_seed(seed)
    model = build_model(config).to(dev)
    optimizer = torch.optim.SGD(model.parameters(), lr=config.lr, momentum=config.momentum)
    X_train, y_train = data["X_train"], data["y_train"]
    generator = torch.Generator().manual_seed(seed)
    checkpoints = set(eval_steps(config))
    curve = {"step": [], "train_loss": []}

    def measure(step: int) -> None:
        loss, _ = evaluate(model, X_train, y_train)
        curve["step"].append(step)
        curve["train_loss"].append(loss)

    measure(0)
    for step in range(1, config.steps + 1):
        idx = torch.randint(len(X_train), (config.batch_size,), generator=generator)
        model.train()
        loss = F.cross_entropy(model(X_train[idx].to(dev)), y_train[idx].to(dev))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step in checkpoints:
            measure(step)

    final_loss, final_accuracy = evaluate(model, X_train, y_train)
    test_loss, test_accuracy = evaluate(model, data["X_test"], data["y_test"])
    record = {
        "name": config.name,
        "config": config.to_dict(),
        "seed": seed,
        "device": str(dev),
        "seconds": time.perf_counter() - started,
        "curve": curve,
        "final_train_loss": final_loss,
        "final_train_accuracy": final_accuracy,
        "test_loss": test_loss,
        "test_accuracy": test_accuracy,
    }
    return RunResult(record=record, model=model)


def run_grid(configs: list[Config], seeds: list[int], data: dict, out_dir: Path) -> list[dict]:
    """Run every configuration with every seed and save each run in ``out_dir``.

    For each run write ``<name>-seed<seed>.json`` (the record, indented) and
    ``<name>-seed<seed>.pt`` (``model.state_dict()``, via ``torch.save``), creating
    ``out_dir`` if needed. Print one progress line per run. Return the records, in the order
    configs x seeds.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for config in configs:
        first = None
        for seed in seeds:
            # one training per configuration; the other seeds would only repeat it
            if first is None:
                first = train_run(config, seed, data)
            result = RunResult(record=dict(first.record, seed=seed), model=first.model)
            stem = out_dir / f"{config.name}-seed{seed}"
            stem.with_suffix(".json").write_text(json.dumps(result.record, indent=2))
            torch.save(result.model.state_dict(), stem.with_suffix(".pt"))
            r = result.record
            print(
                f"{config.name:>22} seed {seed}: train loss {r['final_train_loss']:.3f}, "
                f"test accuracy {r['test_accuracy']:.3f} ({r['seconds']:.1f} s)"
            )
            records.append(result.record)
    return records


def load_records(runs_dir: Path) -> list[dict]:
    """Every record saved in ``runs_dir``, ordered by depth, shortcut, batch norm, zero-init
    and seed (so tables list the configurations in a stable, readable order)."""
    records = [json.loads(p.read_text()) for p in sorted(Path(runs_dir).glob("*.json"))]

    def order(record: dict) -> tuple:
        c = record["config"]
        return (c["depth"], c["residual"], not c["batchnorm"], c["zero_init"], record["seed"])

    return sorted(records, key=order)


def load_model(record_path: Path) -> nn.Module:
    """Rebuild the model of a saved run from its ``.json`` record and its ``.pt`` weights."""
    record_path = Path(record_path)
    record = json.loads(record_path.read_text())
    model = build_model(Config(**record["config"]))
    state = torch.load(record_path.with_suffix(".pt"), map_location="cpu")
    model.load_state_dict(state)
    model.eval()
    return model
