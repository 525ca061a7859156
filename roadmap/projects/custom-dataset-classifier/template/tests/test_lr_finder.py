"""Milestone 3: the learning-rate range test and its suggestion."""
import copy

import numpy as np
import pytest
import torch
from torch import nn

from imageclf.lr_finder import lr_range_test, suggest_lr


def _curve(steepest_at, seed, noise=0.02):
    """A range-test-like curve the test builds: flat, then a drop whose steepest point (against
    log lr) is at ``steepest_at``, then a blow-up; with some noise."""
    lrs = np.logspace(-6, 0, 121)
    u = np.log10(lrs) - np.log10(steepest_at)
    loss = 2.3 - 1.8 / (1 + np.exp(-4.0 * u))
    blow = np.log10(lrs) - (np.log10(steepest_at) + 1.2)
    loss = loss + np.where(blow > 0, np.expm1(3.0 * blow), 0.0)
    loss = loss + np.random.default_rng(seed).normal(0, noise, len(lrs))
    return lrs, loss


@pytest.mark.parametrize("steepest_at, noise, seed", [(10 ** -1.5, 0.02, 15), (10 ** -4.2, 0.02, 42), (1e-3, 0.05, 3)],
                         ids=["lr-3e-2", "lr-6e-5", "lr-1e-3-noisy"])
def test_suggestion_is_where_the_loss_falls_fastest(steepest_at, noise, seed):
    # The noisy curve is one on which the raw, unsmoothed slope points far from the real drop.
    lrs, losses = _curve(steepest_at, seed=seed, noise=noise)
    suggestion = suggest_lr(list(lrs), list(losses))
    assert abs(np.log10(suggestion) - np.log10(steepest_at)) <= 0.25, (
        f"the loss falls fastest at lr = {steepest_at:.2g}; the suggestion {suggestion:.2g} is more than "
        "a quarter of a decade away"
    )


def _quadratic_problem():
    """Least squares with X^T X / n = I: the loss is |w - w*|^2, and one SGD step with rate lr
    multiplies it by exactly (1 - 2 lr)^2."""
    g = torch.Generator().manual_seed(0)
    q, _ = torch.linalg.qr(torch.randn(64, 8, generator=g, dtype=torch.float64))
    x = (q * 8.0).float()
    w_star = torch.randn(8, 1, generator=g)
    y = x @ w_star
    model = nn.Linear(8, 1, bias=False)
    with torch.no_grad():
        model.weight.copy_(torch.randn(1, 8, generator=g))
    return model, [(x, y)], w_star


def test_range_test_records_the_real_losses_and_restores_the_model():
    model, loader, w_star = _quadratic_problem()
    w0 = model.weight.detach().clone()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.123)
    before = {k: v for k, v in optimizer.state_dict().items() if k != "state"}
    result = lr_range_test(model, loader, nn.MSELoss(), optimizer, start_lr=1e-4, end_lr=10.0, num_iters=100)
    lrs, losses = np.asarray(result["lrs"]), np.asarray(result["losses"])
    k = np.arange(len(lrs))
    assert np.allclose(lrs, 1e-4 * (1e5) ** (k / 99)), "lr_k = start_lr * (end_lr / start_lr) ** (k / (num_iters - 1))"
    # The loss each step really had: L_0 = |w0 - w*|^2, then L_k+1 = L_k * (1 - 2 lr_k)^2.
    expected = [float(((w0.T - w_star) ** 2).sum())]
    for lr in lrs[:-1]:
        expected.append(expected[-1] * (1 - 2 * lr) ** 2)
    expected = np.array(expected)
    meaningful = expected > 1e-4 * expected[0]
    assert np.allclose(losses[meaningful], expected[meaningful], rtol=2e-3), (
        "the recorded losses are not the ones this training run had (record the loss of each step "
        "before its update)"
    )
    assert len(lrs) < 100 and lrs[-1] > 1.0, "past lr = 1 this problem diverges: the test must stop early"
    assert losses[-1] > 4 * losses[:-1].min(), "the last recorded loss is the one that diverged"
    assert torch.equal(model.weight, w0), "the range test must leave the model's weights as they were"
    after = {k: v for k, v in optimizer.state_dict().items() if k != "state"}
    assert after == before and optimizer.param_groups[0]["lr"] == 0.123, "and the optimiser too"
    suggestion = suggest_lr(result["lrs"], result["losses"])
    assert 1e-3 < suggestion < 1.0, f"a suggestion of {suggestion:.2g} is not on this problem's falling slope"


def _states_equal(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_states_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_states_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        return torch.equal(a, b)
    return a == b


def test_range_test_restores_the_optimiser_state():
    # An optimiser that has already trained carries moment estimates (Adam's exp_avg and
    # exp_avg_sq, its step count): the probe's steps must not leave theirs behind.
    model, loader, _ = _quadratic_problem()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    x, y = loader[0]
    nn.MSELoss()(model(x), y).backward()
    optimizer.step()
    optimizer.zero_grad()
    before = copy.deepcopy(optimizer.state_dict())
    lr_range_test(model, loader, nn.MSELoss(), optimizer, start_lr=1e-4, end_lr=1e-2, num_iters=10)
    assert _states_equal(optimizer.state_dict(), before), (
        "after the range test the optimiser's state (Adam's moment estimates and step count, not only "
        "its learning rates) must be exactly what it was before: save optimizer.state_dict() and load it back"
    )
