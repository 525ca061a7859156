"""Milestone 4: the ablation table from saved runs, and your own modification (zero-init)."""
import json
import re

import numpy as np
import torch

from repro.analysis import ablation_table, summarise
from repro.blocks import ResidualBlock
from repro.experiment import Config, load_model, load_records
from repro.model import build_model

HEADER = "| run | blocks | shortcut | batchnorm | zero-init | seeds | final train loss | test accuracy |"


def fake_records(rng):
    """Records as run_grid saves them, with numbers no one could guess."""
    configs = [Config(depth=6, residual=False), Config(depth=6, residual=True, zero_init=True),
               Config(depth=3, residual=True, batchnorm=False)]
    records = []
    for config, n_seeds in zip(configs, (3, 4, 1)):
        for seed in range(n_seeds):
            records.append({
                "name": config.name, "config": config.to_dict(), "seed": seed,
                "final_train_loss": float(rng.uniform(0.01, 2.5)),
                "test_accuracy": float(rng.uniform(0.1, 1.0)),
            })
    return configs, records


def test_summarise_means_and_sample_std():
    plain, residual = Config(depth=4, residual=False), Config(depth=4, residual=True)
    records = [
        {"name": residual.name, "config": residual.to_dict(), "seed": 7, "final_train_loss": 0.25, "test_accuracy": 0.9},
    ] + [
        {"name": plain.name, "config": plain.to_dict(), "seed": s, "final_train_loss": loss, "test_accuracy": acc}
        for s, loss, acc in ((0, 1.0, 0.5), (1, 2.0, 0.6), (2, 4.0, 0.9))
    ]
    summary = summarise(records)
    assert list(summary) == ["residual-4", "plain-4"], "configurations in the order they first appear"
    p = summary["plain-4"]
    assert p["n"] == 3 and p["seeds"] == [0, 1, 2] and p["config"] == plain.to_dict()
    assert abs(p["final_train_loss_mean"] - 7 / 3) < 1e-9
    assert abs(p["final_train_loss_std"] - np.std([1.0, 2.0, 4.0], ddof=1)) < 1e-9, "sample std (ddof=1)"
    assert abs(p["test_accuracy_mean"] - 2 / 3) < 1e-9
    assert abs(p["test_accuracy_std"] - np.std([0.5, 0.6, 0.9], ddof=1)) < 1e-9
    r = summary["residual-4"]
    assert r["n"] == 1 and r["final_train_loss_std"] == 0.0 and r["final_train_loss_mean"] == 0.25


def test_ablation_table_is_computed_from_records():
    configs, records = fake_records(np.random.default_rng(2024))
    table = ablation_table(records)
    assert table.endswith("\n")
    lines = table.strip().splitlines()
    assert lines[0] == HEADER and re.fullmatch(r"\|(-+\|){8}", lines[1].replace(" ", ""))
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert [row[0] for row in rows] == [c.name for c in configs], "one row per configuration, in order"
    yes = lambda flag: "yes" if flag else "no"  # noqa: E731
    for config, row in zip(configs, rows):
        mine = [r for r in records if r["name"] == config.name]
        assert row[1:6] == [str(config.depth), yes(config.residual), yes(config.batchnorm),
                            yes(config.zero_init), str(len(mine))]
        for cell, metric in zip(row[6:], ("final_train_loss", "test_accuracy")):
            numbers = re.fullmatch(r"(-?\d+\.\d{3}) ± (\d+\.\d{3})", cell)
            assert numbers, f"cells are 'mean ± std' with three decimals, got {cell!r}"
            values = np.array([r[metric] for r in mine])
            std = values.std(ddof=1) if len(values) > 1 else 0.0
            assert abs(float(numbers[1]) - values.mean()) < 6e-4, f"{config.name} {metric}: wrong mean"
            assert abs(float(numbers[2]) - std) < 6e-4, f"{config.name} {metric}: wrong std"


def test_zero_init_starts_every_block_as_identity():
    x = torch.randn(12, 8, generator=torch.Generator().manual_seed(0))
    for batchnorm in (True, False):
        torch.manual_seed(1)
        block = ResidualBlock(8, batchnorm=batchnorm, zero_init=True)
        block.train()
        out = block(x)
        np.testing.assert_allclose(out.detach().numpy(), torch.relu(x).numpy(), atol=1e-6,
                                   err_msg=f"zero_init (batchnorm={batchnorm}): the block must start as relu(x)")
        out.sum().backward()
        last = block.bn2.weight if batchnorm else block.linear2.weight
        assert last.requires_grad and last.grad is not None and last.grad.abs().sum() > 0, (
            "the zeroed layer must still be trained (zero its values, do not freeze it)"
        )
        assert block.linear1.weight.abs().sum() > 0, "only the LAST layer of the branch starts at zero"
    torch.manual_seed(2)
    model = build_model(Config(depth=5, residual=True, zero_init=True))
    model.eval()
    with torch.no_grad():
        np.testing.assert_allclose(model(x.repeat(1, 8)).numpy(), model.head(model.stem(x.repeat(1, 8))).numpy(),
                                   atol=1e-5, err_msg="a zero-init residual network starts as stem -> head")
    torch.manual_seed(2)
    plain = build_model(Config(depth=5, residual=True, zero_init=False))
    assert all(b.bn2.weight.abs().sum() > 0 for b in plain.blocks), "zero_init=False keeps the usual init"


def test_cli_builds_every_artefact_from_saved_runs(tmp_path, data, measured):
    from repro.cli import main

    main(["run", "--quick", "--out", str(tmp_path)])
    runs = tmp_path / "runs"
    assert len(list(runs.glob("*.json"))) == 14 and len(list(runs.glob("*.pt"))) == 14, "7 configs x 2 seeds"
    records = load_records(runs)
    assert (tmp_path / "ablation.md").read_text() == ablation_table(records)
    assert "| run |" in (tmp_path / "ablation.md").read_text()
    assert "residual-4-zeroinit" in (tmp_path / "ablation.md").read_text()
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert {row["id"] for row in summary["claims"]} == {"degradation", "shortcuts", "residual-depth"}
    assert "holds here?" in (tmp_path / "comparison.md").read_text()
    assert (tmp_path / "curves.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    path = runs / "residual-4-zeroinit-seed1.json"
    record = json.loads(path.read_text())
    _, accuracy = measured(load_model(path), data["X_test"], data["y_test"])
    assert abs(accuracy - record["test_accuracy"]) < 1e-6, "the saved zero-init model must match its record"
