"""Milestone 2: the method, mixup, written by hand and checked on cases worked out on paper."""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch.autograd import profiler

from research.config import ExperimentConfig
from research.experiment import run_one
from research.method import mixup_batch, sample_mixup, soft_cross_entropy


def test_sample_mixup_draws_lambda_then_permutation():
    rng, reference = np.random.default_rng(3), np.random.default_rng(3)
    for _ in range(3):  # the same stream, call after call
        lam, perm = sample_mixup(rng, 5, 0.4)
        assert isinstance(lam, float), "lam must be a Python float"
        assert lam == reference.beta(0.4, 0.4), "draw lam = rng.beta(alpha, alpha) first"
        np.testing.assert_array_equal(perm, reference.permutation(5), err_msg="then perm = rng.permutation(n)")
    lams = [sample_mixup(rng, 4, 0.4)[0] for _ in range(400)]
    assert 0.4 < np.mean(lams) < 0.6 and min(lams) >= 0 and max(lams) <= 1, "Beta(alpha, alpha) is symmetric on [0, 1]"


def test_mixup_batch_mixes_inputs_and_labels():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
    y = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    for perm in (np.array([2, 0, 1]), torch.tensor([2, 0, 1])):
        x_mix, y_mix = mixup_batch(x, y, 0.25, perm)
        np.testing.assert_allclose(x_mix.detach().numpy(), [[4.0, 5.0], [1.5, 2.5], [3.5, 4.5]], atol=1e-6,
                                   err_msg="x_mix = lam * x + (1 - lam) * x[perm]")
        np.testing.assert_allclose(y_mix.numpy(), [[1.0, 0.0], [0.75, 0.25], [0.25, 0.75]], atol=1e-6,
                                   err_msg="the labels are mixed with the same lam and perm")
    np.testing.assert_array_equal(x.detach().numpy(), [[1, 2], [3, 4], [5, 6]], err_msg="do not modify x in place")
    x_mix.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), np.ones((3, 2)), atol=1e-6, err_msg="gradients must flow to x")
    same, _ = mixup_batch(x.detach(), y, 1.0, perm)
    np.testing.assert_allclose(same.numpy(), x.detach().numpy(), err_msg="lam = 1 leaves the batch unchanged")


LIBRARY_LOSSES = ("loss", "cross_entropy", "nll", "kl_div")


def test_soft_cross_entropy_matches_its_formula():
    logits = torch.tensor([[0.0, math.log(3.0)], [2.0, 2.0]], requires_grad=True)
    soft = torch.tensor([[0.5, 0.5], [1.0, 0.0]])
    expected = (-(0.5 * math.log(0.25) + 0.5 * math.log(0.75)) + math.log(2.0)) / 2
    with profiler.profile() as prof:  # every PyTorch operator the loss runs, by whatever name it was called
        loss = soft_cross_entropy(logits, soft)
        loss.backward()
    library = sorted({e.name for e in prof.function_events if any(w in e.name.lower() for w in LIBRARY_LOSSES)})
    assert not library, (
        f"soft_cross_entropy hands the work to PyTorch's own loss ({', '.join(library[:2])}): "
        "write it from torch.log_softmax yourself"
    )
    assert abs(loss.item() - expected) < 1e-6, "mean over the batch of -sum y log p"
    g = torch.Generator().manual_seed(0)
    z, labels = torch.randn(8, 10, generator=g), torch.randint(10, (8,), generator=g)
    one_hot = F.one_hot(labels, 10).float()
    assert abs(soft_cross_entropy(z, one_hot).item() - F.cross_entropy(z, labels).item()) < 1e-5
    huge = torch.tensor([[1000.0, 0.0], [0.0, 1000.0]])
    value = soft_cross_entropy(huge, torch.tensor([[0.0, 1.0], [0.0, 1.0]])).item()
    assert math.isfinite(value) and abs(value - 500.0) < 1e-3, "use log_softmax: stable for huge logits"


def test_mixup_run_is_reproducible_and_differs_from_baseline():
    short = ExperimentConfig(epochs=3)
    first, again = run_one(short, "mixup", 11), run_one(short, "mixup", 11)
    strip = lambda r: {k: v for k, v in r.items() if k != "seconds"}  # noqa: E731
    assert strip(first) == strip(again), "the same seed must give the same mixup run"
    baseline = run_one(short, "baseline", 11)
    assert first["final_loss"] != baseline["final_loss"], "the mixup arm must train on mixed batches"
