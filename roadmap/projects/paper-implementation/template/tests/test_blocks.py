"""Milestone 1: batch normalisation, the plain block and the residual block, from scratch."""
import re

import numpy as np
import pytest
import torch
from torch import nn
from torch.autograd import profiler

from repro.blocks import BatchNorm, PlainBlock, ResidualBlock

# A hand-made case (worked out on paper in the milestone text): width 2, no batch norm.
X = [[1.0, -2.0], [0.5, 3.0]]
W1, B1 = [[1.0, 0.0], [1.0, 1.0]], [0.0, -1.0]
W2, B2 = [[0.5, -1.0], [2.0, 0.0]], [0.1, 0.2]
BRANCH = [[0.6, 2.2], [-2.15, 1.2]]  # F(x) = linear2(relu(linear1(x)))
PLAIN = [[0.6, 2.2], [0.0, 1.2]]  # relu(F(x))
RESIDUAL = [[1.6, 0.2], [0.0, 4.2]]  # relu(F(x) + x)


def hand_made(block):
    with torch.no_grad():
        block.linear1.weight.copy_(torch.tensor(W1))
        block.linear1.bias.copy_(torch.tensor(B1))
        block.linear2.weight.copy_(torch.tensor(W2))
        block.linear2.bias.copy_(torch.tensor(B2))
    return block


def np_batchnorm(x, gamma, beta, eps=1e-5):
    return gamma * (x - x.mean(0)) / np.sqrt(x.var(0) + eps) + beta


def np_block(block, x, shortcut):
    """The block's formula in NumPy, batch norm in training mode with a fresh gamma=1, beta=0."""
    xn = x.numpy().astype(np.float64)
    w1, b1 = block.linear1.weight.detach().numpy(), block.linear1.bias.detach().numpy()
    w2, b2 = block.linear2.weight.detach().numpy(), block.linear2.bias.detach().numpy()
    h = np.maximum(np_batchnorm(xn @ w1.T + b1, 1.0, 0.0), 0.0)
    branch = np_batchnorm(h @ w2.T + b2, 1.0, 0.0)
    return np.maximum(branch + xn if shortcut else branch, 0.0)


@pytest.fixture
def no_torch_batchnorm(monkeypatch):
    """Make PyTorch's own batch normalisation unusable while the test runs."""

    def blocked(*args, **kwargs):
        raise AssertionError("write batch normalisation yourself: torch's batch_norm is blocked here")

    monkeypatch.setattr(torch.nn.functional, "batch_norm", blocked)
    monkeypatch.setattr(torch, "batch_norm", blocked)
    monkeypatch.setattr(torch, "native_batch_norm", blocked)
    monkeypatch.setattr(torch.nn.modules.batchnorm._BatchNorm, "forward", blocked)


def test_batchnorm_train_mode_matches_formula():
    g = torch.Generator().manual_seed(0)
    x = (torch.randn(16, 5, generator=g) * 3 + 2).requires_grad_(True)
    gamma = np.array([1.0, 0.5, 2.0, -1.0, 0.1])
    beta = np.array([0.0, 1.0, -1.0, 0.5, 3.0])
    bn = BatchNorm(5)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(gamma))
        bn.bias.copy_(torch.tensor(beta))
    bn.train()
    out = bn(x)
    xn = x.detach().numpy().astype(np.float64)
    np.testing.assert_allclose(out.detach().numpy(), np_batchnorm(xn, gamma, beta), atol=1e-4,
                               err_msg="training mode: normalise with the batch mean and BIASED variance")
    np.testing.assert_allclose(bn.running_mean.numpy(), 0.1 * xn.mean(0), atol=1e-5,
                               err_msg="running_mean <- 0.9 * running_mean + 0.1 * batch mean")
    np.testing.assert_allclose(bn.running_var.numpy(), 0.9 + 0.1 * xn.var(0, ddof=1), atol=1e-4,
                               err_msg="running_var <- 0.9 * running_var + 0.1 * UNBIASED batch variance")
    assert not bn.running_mean.requires_grad and bn.running_mean.grad_fn is None, (
        "update the running statistics under torch.no_grad()"
    )
    out.pow(2).sum().backward()
    assert x.grad is not None and torch.isfinite(x.grad).all(), "gradients must flow back to the input"
    assert bn.weight.grad is not None and bn.bias.grad is not None, "gamma and beta must be trained"
    # A second batch keeps averaging.
    x2 = torch.randn(16, 5, generator=g)
    bn(x2)
    expected = 0.9 * 0.1 * xn.mean(0) + 0.1 * x2.numpy().mean(0)
    np.testing.assert_allclose(bn.running_mean.numpy(), expected, atol=1e-5)


def test_batchnorm_eval_mode_uses_running_statistics():
    bn = BatchNorm(3)
    with torch.no_grad():
        bn.running_mean.copy_(torch.tensor([1.0, -2.0, 0.5]))
        bn.running_var.copy_(torch.tensor([4.0, 0.25, 1.0]))
        bn.weight.copy_(torch.tensor([2.0, 1.0, -1.0]))
        bn.bias.copy_(torch.tensor([0.0, 1.0, 0.0]))
    bn.eval()
    x = torch.tensor([[3.0, -2.0, 0.5]])  # a single sample works in evaluation mode
    out = bn(x)
    expected = [2.0 * 2.0 / np.sqrt(4 + 1e-5), 1.0, 0.0]
    np.testing.assert_allclose(out.detach().numpy()[0], expected, atol=1e-4,
                               err_msg="evaluation mode: normalise with running_mean and running_var")
    np.testing.assert_allclose(bn.running_mean.numpy(), [1.0, -2.0, 0.5], err_msg="eval must not update stats")
    np.testing.assert_allclose(bn.running_var.numpy(), [4.0, 0.25, 1.0], err_msg="eval must not update stats")
    # A whole batch in evaluation mode: still the running statistics, never the batch's own.
    batch = torch.tensor([[3.0, -2.0, 0.5], [1.0, -1.5, 2.5], [-1.0, -2.5, 1.5]])
    running = (batch.numpy() - [1.0, -2.0, 0.5]) / np.sqrt(np.array([4.0, 0.25, 1.0]) + 1e-5)
    out = bn(batch).detach().numpy()
    assert np.allclose(out, [2.0, 1.0, -1.0] * running + [0.0, 1.0, 0.0], atol=1e-4), (
        "evaluation mode normalises every batch, of any size, with running_mean and running_var: "
        "a model's prediction for one image must not depend on the other images it is evaluated with"
    )


# PyTorch's normalisation operators, whichever Python name (torch.ops.aten..., torch._C...,
# F.layer_norm on a transpose, F.instance_norm, ...) they are reached by.
READY_MADE_NORM = re.compile(r"(batch|instance|layer|group)_norm")


def test_batchnorm_is_written_by_hand(no_torch_batchnorm):
    bn = BatchNorm(4)
    assert not any(isinstance(m, nn.modules.batchnorm._NormBase) for m in bn.modules()), (
        "BatchNorm must not wrap torch.nn.BatchNorm1d"
    )
    x = (torch.randn(8, 4, generator=torch.Generator().manual_seed(1)) * 2 - 1).requires_grad_(True)
    with profiler.profile() as prof:  # records every PyTorch operator that runs, forward and backward
        bn.train()
        out = bn(x)
        out.pow(2).sum().backward()
        bn.eval()
        bn(x)
        block = ResidualBlock(4)
        block.train()
        block(x).sum().backward()
    ready_made = sorted({e.name for e in prof.function_events if READY_MADE_NORM.search(e.name)})
    assert not ready_made, (
        f"your batch normalisation runs PyTorch's own normalisation ({', '.join(ready_made[:3])}): "
        "compute the mean, the variance and the normalised values with plain tensor operations"
    )
    np.testing.assert_allclose(out.detach().numpy(), np_batchnorm(x.detach().numpy().astype(np.float64), 1.0, 0.0),
                               atol=1e-4)
    assert not any(isinstance(m, nn.modules.batchnorm._NormBase) for m in block.modules())


def test_plain_block_matches_formula():
    block = hand_made(PlainBlock(2, batchnorm=False))
    x = torch.tensor(X)
    np.testing.assert_allclose(block.branch(x).detach().numpy(), BRANCH, atol=1e-6,
                               err_msg="branch: linear1 -> (bn1) -> relu -> linear2 -> (bn2)")
    np.testing.assert_allclose(block(x).detach().numpy(), PLAIN, atol=1e-6, err_msg="plain block: relu(F(x))")
    bn_block = PlainBlock(6, batchnorm=True)
    assert isinstance(bn_block.bn1, BatchNorm) and isinstance(bn_block.bn2, BatchNorm)
    bn_block.train()
    x = torch.randn(10, 6, generator=torch.Generator().manual_seed(4))
    np.testing.assert_allclose(bn_block(x).detach().numpy(), np_block(bn_block, x, shortcut=False), atol=1e-4)


def test_residual_block_matches_formula():
    block = hand_made(ResidualBlock(2, batchnorm=False))
    x = torch.tensor(X)
    np.testing.assert_allclose(block(x).detach().numpy(), RESIDUAL, atol=1e-6,
                               err_msg="residual block: relu(F(x) + x), the shortcut added before the last ReLU")

    # With batch normalisation, in training mode, against a NumPy version of the formula.
    torch.manual_seed(3)
    block = ResidualBlock(6, batchnorm=True)
    block.train()
    x = torch.randn(10, 6, generator=torch.Generator().manual_seed(4))
    np.testing.assert_allclose(block(x).detach().numpy(), np_block(block, x, shortcut=True), atol=1e-4)
