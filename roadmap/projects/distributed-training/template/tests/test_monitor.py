"""Milestone 6: resource monitoring, reported for every rank."""
import json

import psutil
import pytest
import torch

from tests.conftest import WORLD


def test_monitor_counts_one_process(tmp_path):
    from disttrain.dist import DistInfo
    from disttrain.monitor import ResourceMonitor, write_resources

    monitor = ResourceMonitor(DistInfo(rank=0, world_size=1, local_rank=0, device=torch.device("cpu")))
    for _ in range(3):
        monitor.step(32)
    s = monitor.summary()
    assert (s["rank"], s["steps"], s["samples"]) == (0, 3, 96)
    assert s["pid"] == psutil.Process().pid
    here = psutil.Process().memory_info().rss / 2**20
    assert 0.5 * here < s["rss_mb"] < 2 * here, f"rss_mb is this process's resident memory (about {here:.0f} MB)"
    assert s["samples_per_s"] == pytest.approx(s["samples"] / s["seconds"], rel=0.05)
    assert s["cuda_peak_mb"] is None, "no GPU: no CUDA memory to report"
    path = write_resources(monitor, tmp_path / "resources.json")
    data = json.loads(path.read_text())
    assert data["world_size"] == 1 and [r["rank"] for r in data["ranks"]] == [0]


def test_monitor_reports_every_rank(ddp_run):
    out, records = ddp_run()
    data = json.loads((out / "resources.json").read_text())
    ranks = data["ranks"]
    assert data["world_size"] == WORLD and [r["rank"] for r in ranks] == list(range(WORLD)), (
        "rank 0 gathers one summary per rank"
    )
    for r in ranks:
        spy = records[r["rank"]]
        assert r["pid"] == spy["pid"], f"rank {r['rank']}'s summary must come from rank {r['rank']}'s own process"
        steps = spy["train"]["steps"]
        assert r["steps"] == steps and r["samples"] == steps * 128 // WORLD, (
            f"rank {r['rank']} processed {steps} steps x 64 samples (its half of each global batch of 128)"
        )
        trained_on = sum(len(rows) for rows in spy["forward_rows"])
        assert r["samples"] == trained_on, (
            f"rank {r['rank']} reports {r['samples']} samples, but its model trained on {trained_on} rows"
        )
        assert 0.5 * spy["rss_mb_end"] < r["rss_mb"] < 2 * spy["rss_mb_end"], "rss_mb is measured in that process"
        assert r["samples_per_s"] == pytest.approx(r["samples"] / r["seconds"], rel=0.05) and r["samples_per_s"] > 0
    assert data["total_samples_per_s"] == pytest.approx(sum(r["samples_per_s"] for r in ranks))
