"""Milestone 1: join a process group the way torchrun asks, and talk across it."""
import pytest
import torch

from tests.conftest import WORLD


def test_info_from_env_reads_torchrun_variables():
    from disttrain.dist import info_from_env

    info = info_from_env({"RANK": "5", "WORLD_SIZE": "8", "LOCAL_RANK": "1", "MASTER_ADDR": "10.0.0.1"})
    assert (info.rank, info.world_size, info.local_rank) == (5, 8, 1)
    assert info.device == torch.device("cpu"), "no GPU is visible to the tests: the device is the CPU"
    assert not info.is_main and info_from_env({"RANK": "0", "WORLD_SIZE": "8", "LOCAL_RANK": "0"}).is_main
    alone = info_from_env({})
    assert (alone.rank, alone.world_size, alone.local_rank) == (0, 1, 0), "without torchrun: one process"
    with pytest.raises(ValueError):
        info_from_env({"RANK": "2", "WORLD_SIZE": "2", "LOCAL_RANK": "0"})


def test_collectives_across_two_processes(ddp_run):
    records = ddp_run.partial()
    assert sorted(records) == list(range(WORLD)), f"both ranks must join the process group: {records}"
    for rank, r in records.items():
        assert "info" in r, f"rank {rank} failed before joining:\n{r.get('error', '')}"
        assert r["info"] == {"rank": rank, "world_size": WORLD, "device": "cpu"}
        assert r["all_reduce_mean"] == pytest.approx([1.5, 5.0]), "the mean of [1, 0] and [2, 10] over the two ranks"
        assert r["input_after"] == [rank + 1.0, 10.0 * rank], "all_reduce_mean must not change its input"
        assert r["gathered"] == [{"rank": i, "pid": records[i]["pid"]} for i in range(WORLD)], (
            "all_gather_object returns every rank's object, in rank order, on every rank"
        )
