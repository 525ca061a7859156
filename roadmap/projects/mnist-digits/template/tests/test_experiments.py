"""Milestone 5: a hyperparameter sweep whose numbers come from real training runs."""
import re

import pytest

from conftest import accuracy, heldout_opens
from digits.data import DigitDataset
from digits.experiments import results_table, run_sweep, sweep_config
from digits.models import build_model, count_parameters
from digits.train import train_from_config


def test_sweep_trains_every_config(mnist):
    images, labels = mnist("train")
    train_set = DigitDataset(images[:1200], labels[:1200])
    val_set = DigitDataset(images[-400:], labels[-400:])
    grid = [
        {"model": "mlp", "lr": 3e-3, "epochs": 2, "schedule": "none", "augment": 0},
        {"model": "mlp", "lr": 1e-6, "epochs": 2, "schedule": "none", "augment": 0},
        {"model": "cnn", "epochs": 1},
    ]
    rows = run_sweep(grid, train_set, val_set, seed=3)
    assert len(rows) == 3, "one result row per grid entry"
    for entry, row in zip(grid, rows):
        config = sweep_config(entry)
        assert row["config"] == config, "row['config'] must be the full config of that run, in grid order"
        assert row["params"] == count_parameters(build_model(config))
        assert 0.0 <= row["val_acc"] <= 1.0 and row["val_loss"] > 0
    assert rows[1]["val_acc"] < rows[0]["val_acc"] - 0.3, (
        "a learning rate of 1e-6 barely moves the weights in 2 epochs: its validation accuracy should be far "
        f"below lr 3e-3's, got {rows[1]['val_acc']:.3f} vs {rows[0]['val_acc']:.3f}"
    )
    # The test runs every entry again itself: each of the sweep's numbers must be what training gives.
    for i, (entry, row) in enumerate(zip(grid, rows)):
        model, history = train_from_config(sweep_config(entry), train_set, val_set, seed=3)
        assert row["val_acc"] == pytest.approx(history["val_acc"][-1], abs=1e-9), (
            f"row {i}: the sweep's val_acc differs from a rerun of the same config with the same seed"
        )
        assert row["val_loss"] == pytest.approx(history["val_loss"][-1], rel=1e-6), (
            f"row {i}: the sweep's val_loss differs from a rerun of the same config with the same seed"
        )
        assert row["val_acc"] == pytest.approx(accuracy(model, images[-400:], labels[-400:]), abs=1e-9)
    assert not heldout_opens(), f"the sweep opened the held-out digits: {heldout_opens()}"


def test_results_table_is_sorted_markdown():
    rows = [
        {"config": {"model": "mlp", "lr": 0.001, "epochs": 3}, "params": 1000, "val_acc": 0.91, "val_loss": 0.3, "seconds": 1.25},
        {"config": {"model": "cnn", "lr": 0.003, "epochs": 3}, "params": 2000, "val_acc": 0.97, "val_loss": 0.1, "seconds": 4.5},
        {"config": {"model": "mlp", "lr": 1e-06, "epochs": 3}, "params": 1000, "val_acc": 0.5, "val_loss": 2.1, "seconds": 1.0},
    ]
    table = results_table(rows, columns=("model", "lr", "params", "val_acc"))
    lines = [ln.strip() for ln in table.strip().splitlines()]
    assert len(lines) == 5, f"header, separator and 3 rows; got {len(lines)} lines"

    def cells(line):
        assert line.startswith("|") and line.endswith("|"), f"a Markdown table line looks like | a | b |: {line!r}"
        return [c.strip() for c in line[1:-1].split("|")]

    assert cells(lines[0]) == ["model", "lr", "params", "val_acc"]
    assert all(re.fullmatch(r":?-{3,}:?", c) for c in cells(lines[1])), f"bad separator line {lines[1]!r}"
    assert cells(lines[2]) == ["cnn", "0.0030", "2000", "0.9700"], "best val_acc first, floats with 4 decimals"
    assert cells(lines[3]) == ["mlp", "0.0010", "1000", "0.9100"]
    assert cells(lines[4]) == ["mlp", "0.0000", "1000", "0.5000"]
