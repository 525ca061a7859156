"""Milestone 5: checkpoints written by rank 0 that resume on any world size."""
import pytest
import torch

from tests.conftest import DDP_CONFIG


def test_rank_zero_writes_checkpoints_atomically(ddp_run):
    out, records = ddp_run()
    folder = out / "checkpoints"
    assert sorted(p.name for p in folder.iterdir()) == ["step-000020.pt", "step-000040.pt", "step-000060.pt"], (
        "a checkpoint every 20 steps, and no temporary file left behind"
    )
    assert not [s for s in records[1]["saves"] if "checkpoints" in s], "only rank 0 writes checkpoints"
    assert [s for s in records[0]["saves"] if s.endswith("step-000040.pt")] == [], (
        "write to a temporary name, then os.replace() it: a crash mid-write must never leave a truncated step-000040.pt"
    )
    assert any(d.endswith("step-000040.pt") for d in records[0]["renames"]), (
        "step-000040.pt must appear by os.replace() of a finished temporary file, not be written in place"
    )
    state = torch.load(folder / "step-000040.pt", map_location="cpu")
    assert state["step"] == 40 and state["global_batch"] == 128
    assert not any(k.startswith("module.") for k in state["model"]), "save the unwrapped model"
    assert state["optimizer"]["state"], "the optimizer's momentum buffers are part of the checkpoint"


def test_checkpoint_from_two_ranks_resumes_on_one(ddp_run, tmp_path):
    from disttrain.config import TrainConfig
    from disttrain.dist import DistInfo
    from disttrain.train import train

    out, _ = ddp_run()
    cfg = TrainConfig(**dict(DDP_CONFIG, out_dir=str(tmp_path), resume=str(out / "checkpoints" / "step-000040.pt")))
    result = train(cfg, DistInfo(rank=0, world_size=1, local_rank=0, device=torch.device("cpu")))
    assert result.start_step == 40 and result.steps == 64 and len(result.losses) == 24, (
        "resume at step 40 (half-way through epoch 3) and run the remaining 24 steps"
    )
    assert result.accum_steps == 4, "alone, the process accumulates 4 micro-batches of 32 to keep the global batch of 128"
    resumed = torch.load(tmp_path / "final.pt")
    two = torch.load(out / "final.pt")
    for k in two:
        diff = (resumed[k] - two[k]).abs().max().item()
        assert diff < 1e-4, (
            f"{k}: resumed on 1 process from the 2-process checkpoint at step 40, training must end where the "
            f"2-process run ended (same samples, same order, same optimizer state); differs by {diff:.2e}"
        )


def test_resume_refuses_another_global_batch(ddp_run, tmp_path):
    from disttrain.checkpoint import load_checkpoint
    from disttrain.config import TrainConfig
    from disttrain.model import Net

    out, _ = ddp_run()
    net = Net()
    cfg = TrainConfig(**dict(DDP_CONFIG, global_batch=256))
    with pytest.raises(ValueError):
        load_checkpoint(out / "checkpoints" / "step-000020.pt", net, None, cfg, torch.device("cpu"))
