"""Milestone 3: gradient accumulation, alone and under DDP."""
import torch

from tests.conftest import DDP_CONFIG


def run(tmp_path, **overrides):
    from disttrain.config import TrainConfig
    from disttrain.dist import DistInfo
    from disttrain.train import train

    cfg = TrainConfig(**dict(DDP_CONFIG, max_steps=24, checkpoint_every=0, out_dir=str(tmp_path), **overrides))
    result = train(cfg, DistInfo(rank=0, world_size=1, local_rank=0, device=torch.device("cpu")))
    return result, torch.load(tmp_path / "final.pt")


def test_accumulation_matches_big_batch(tmp_path):
    big, w_big = run(tmp_path / "big", micro_batch=128)
    small, w_small = run(tmp_path / "small", micro_batch=32)
    tiny, w_tiny = run(tmp_path / "tiny", micro_batch=16)
    assert (big.accum_steps, small.accum_steps, tiny.accum_steps) == (1, 4, 8)
    assert big.steps == small.steps == tiny.steps == 24, "accumulation changes micro-batches, not optimizer steps"
    for k in w_big:
        for name, w in (("4 x 32", w_small), ("8 x 16", w_tiny)):
            diff = (w[k] - w_big[k]).abs().max().item()
            assert diff < 1e-5, f"{k}: {name} accumulated must equal one batch of 128, differs by {diff:.2e}"
    assert len(small.losses) == 24
    assert abs(small.losses[0] - big.losses[0]) < 1e-5, "the logged loss is the mean over the whole global batch"


def test_ddp_accumulates_without_syncing(ddp_run):
    _, records = ddp_run()
    for rank, r in records.items():
        steps, accum = r["train"]["steps"], r["train"]["accum_steps"]
        assert accum == 2, f"128 = 32 x 2 ranks x accum, so accum is 2; rank {rank} says {accum}"
        assert r["no_sync_enters"] == steps * (accum - 1), (
            f"rank {rank}: every micro-batch but the last of a step runs inside model.no_sync(), so gradients "
            f"cross the network once per step: expected {steps * (accum - 1)} no_sync blocks, saw {r['no_sync_enters']}"
        )
