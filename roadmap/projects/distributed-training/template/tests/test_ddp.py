"""Milestone 2: DistributedDataParallel with a DistributedSampler on 2 processes."""
import pytest
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


def test_each_rank_trains_on_its_own_share(ddp_run):
    """The spies note the first feature of every row each rank's model trained on."""
    _, records = ddp_run()
    X, _ = make_tensors(2048, seed=0)  # the training set of the run (n_train 2048, TRAIN_SEED 0)
    everything = sorted(X[:, 0].tolist())
    per_epoch = 16 * 2  # 16 steps x 2 micro-batches on each rank
    for rank, r in records.items():
        sizes = {len(rows) for rows in r["forward_rows"]}
        assert len(r["forward_rows"]) == 64 * 2 and sizes == {32}, (
            f"rank {rank}: 64 steps x 2 micro-batches of 32 rows, saw {len(r['forward_rows'])} forward passes of {sorted(sizes)} rows"
        )
    for epoch in range(4):
        seen = {rank: [v for rows in r["forward_rows"][epoch * per_epoch:(epoch + 1) * per_epoch] for v in rows]
                for rank, r in records.items()}
        assert not set(seen[0]) & set(seen[1]), (
            f"epoch {epoch}: the ranks trained on the same samples; a DistributedSampler gives each rank its own share"
        )
        assert sorted(seen[0] + seen[1]) == everything, f"epoch {epoch}: together, the ranks see every training sample once"


def test_logged_loss_is_the_global_batch_mean(ddp_run, reference_run):
    import json

    import torch.nn.functional as F

    out, records = ddp_run()
    _, ref_result = reference_run()
    logged = json.loads((out / "metrics.json").read_text())["losses"]
    assert len(logged) == 64 == len(ref_result.losses), "metrics.json holds the loss of every step"
    for rank, r in records.items():
        assert r["train"]["losses"] == pytest.approx(logged, abs=1e-6), (
            f"rank {rank}: every rank returns the same history, averaged over the ranks"
        )
    assert logged == pytest.approx(ref_result.losses, abs=1e-4), (
        "the logged loss of a step is the mean over the whole global batch (both ranks), as one process logs it"
    )
    # Recompute step 1's loss: the untrained model on the 128 rows the two ranks trained on first.
    X, y = make_tensors(2048, seed=0)
    where = {v: i for i, v in enumerate(X[:, 0].tolist())}
    first = [where[v] for r in records.values() for rows in r["forward_rows"][:2] for v in rows]
    torch.manual_seed(0)
    init = Net()
    with torch.no_grad():
        expected = F.cross_entropy(init(X[first]), y[first]).item()
    assert logged[0] == pytest.approx(expected, abs=1e-4), (
        f"step 1's logged loss {logged[0]:.5f} is not the untrained model's loss on that step's samples ({expected:.5f})"
    )
