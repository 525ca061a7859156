"""Milestone 2: DistributedDataParallel with a DistributedSampler on 2 processes."""
import torch

from disttrain.data import make_tensors
from disttrain.model import Net, accuracy
from tests.helpers import HELD_OUT_SEED

ACCURACY_BAR = 0.75  # majority class and any linear model: about 0.26; the solution: 0.857


def weights(path):
    return torch.load(path, map_location="cpu")


def test_two_ranks_match_one_process(ddp_run, reference_run):
    out, records = ddp_run()
    ref_out, ref_result = reference_run()
    two, one = weights(out / "final.pt"), weights(ref_out / "final.pt")
    assert set(two) == set(one) and not any(k.startswith("module.") for k in two), (
        "final.pt holds the plain model's state_dict (unwrap DDP's .module)"
    )
    torch.manual_seed(0)  # build_model's seed for the config's seed 0
    init = Net().state_dict()
    moved = max((one[k] - init[k]).abs().max().item() for k in one)
    assert moved > 0.1, "the reference run barely changed the weights: is it training?"
    for k in one:
        diff = (two[k] - one[k]).abs().max().item()
        assert diff < 1e-4, (
            f"{k}: 2 ranks x 2 micro-batches of 32 must give the weights of 1 process with batches of 128 "
            f"(the same global batch, the same samples); they differ by {diff:.2e}"
        )
    for rank, r in records.items():
        assert r["ddp_wraps"] == 1, f"rank {rank}: wrap the model in DistributedDataParallel once"
        assert r["train"]["steps"] == ref_result.steps == 64


def test_ddp_model_beats_accuracy_bar(ddp_run):
    out, _ = ddp_run()
    net = Net()
    net.load_state_dict(weights(out / "final.pt"))
    X, y = make_tensors(4000, seed=HELD_OUT_SEED)
    got = accuracy(net, X, y)
    assert got >= ACCURACY_BAR, f"the 2-process model reaches {got:.3f} on held-out data; the bar is {ACCURACY_BAR}"
