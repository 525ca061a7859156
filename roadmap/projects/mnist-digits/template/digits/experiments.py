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
    # TODO: run every entry and collect the rows.
    raise NotImplementedError("TODO: run_sweep - train every config and collect the results")


def results_table(rows, columns=("model", "lr", "epochs", "batch_size", "params", "val_acc", "seconds")) -> str:
    """The sweep's rows as a Markdown table, best validation accuracy first.

    One header line with the column names, one separator line (``|---|---|...``), then one line
    per row, sorted by ``val_acc`` from highest to lowest. A column's value is taken from the
    row itself when the row has that key, else from ``row["config"]``; floats are written with
    4 decimals (``f"{value:.4f}"``), anything else with ``str``. Lines are ``| a | b | c |``.
    """
    # TODO: sort, then build the lines and join them with "\n".
    raise NotImplementedError("TODO: results_table - a Markdown table sorted by val_acc")
