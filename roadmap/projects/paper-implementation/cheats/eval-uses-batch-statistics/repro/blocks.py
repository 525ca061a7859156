"""The building blocks of the paper, written from scratch (milestones 1 and 4).

He et al. build a residual network from "basic blocks": two weight layers, each followed by
batch normalisation, with a ReLU between them. A *plain* block stacks them; a *residual*
block adds the block's input back before the last ReLU (the identity shortcut). Here the
weight layers are fully connected (``nn.Linear``) instead of 3x3 convolutions, so the same
idea runs in seconds on 8x8 digits.

You may use ``torch`` tensor operations and autograd, but NOT ``torch.nn.BatchNorm1d`` or
``torch.nn.functional.batch_norm``: writing batch normalisation yourself is the point (the
tests block both while your code runs).
"""
from __future__ import annotations

import torch
from torch import nn


class BatchNorm(nn.Module):
    """Batch normalisation over the batch axis of a ``(batch, features)`` tensor.

    Training mode (``self.training`` is True): normalise with the mean and the *biased*
    variance of the current batch, then scale by ``weight`` (gamma) and shift by ``bias``
    (beta). Also update the running estimates, as PyTorch does::

        running_mean <- (1 - momentum) * running_mean + momentum * batch_mean
        running_var  <- (1 - momentum) * running_var  + momentum * unbiased_batch_var

    Evaluation mode: normalise with ``running_mean`` and ``running_var`` instead and leave
    them unchanged. ``eps`` is added to the variance before the square root.
    """

    def __init__(self, num_features: int, momentum: float = 0.1, eps: float = 1e-5):
        super().__init__()
        self.num_features = num_features
        self.momentum = momentum
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(num_features))  # gamma
        self.bias = nn.Parameter(torch.zeros(num_features))  # beta
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training or x.shape[0] > 1:
            # a batch has statistics of its own; the running ones are only needed for one row
            mean = x.mean(dim=0)
            var = x.var(dim=0, unbiased=False)
        if self.training:
            with torch.no_grad():
                n = x.shape[0]
                unbiased = var * n / max(n - 1, 1)
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * unbiased)
        elif x.shape[0] == 1:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean) / torch.sqrt(var + self.eps)
        return self.weight * x_hat + self.bias


class PlainBlock(nn.Module):
    """Two weight layers without a shortcut: ``relu(F(x))``.

    ``F(x) = bn2(linear2(relu(bn1(linear1(x)))))`` is the *branch*. Without batch
    normalisation (``batchnorm=False``) ``bn1`` and ``bn2`` are identities.
    """

    def __init__(self, width: int, batchnorm: bool = True):
        super().__init__()
        self.linear1 = nn.Linear(width, width)
        self.bn1 = BatchNorm(width) if batchnorm else nn.Identity()
        self.linear2 = nn.Linear(width, width)
        self.bn2 = BatchNorm(width) if batchnorm else nn.Identity()

    def branch(self, x: torch.Tensor) -> torch.Tensor:
        """``F(x)``: linear1 -> bn1 -> relu -> linear2 -> bn2 (no ReLU at the end)."""
        return self.bn2(self.linear2(torch.relu(self.bn1(self.linear1(x)))))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.branch(x))


class ResidualBlock(PlainBlock):
    """The same two layers with an identity shortcut: ``relu(F(x) + x)`` (the paper's Eq. 1).

    ``zero_init=True`` is a later modification (Goyal et al., 2017, "Accurate, Large
    Minibatch SGD"): start the last layer of the branch at zero, so that at initialisation
    ``F(x) = 0`` and the block passes ``relu(x)`` through unchanged. With batch
    normalisation that means ``bn2.weight = 0``; without it, ``linear2``'s weight and bias.
    """

    def __init__(self, width: int, batchnorm: bool = True, zero_init: bool = False):
        super().__init__(width, batchnorm)
        self.zero_init = zero_init
        if zero_init:
            with torch.no_grad():
                if isinstance(self.bn2, BatchNorm):
                    self.bn2.weight.zero_()
                else:
                    self.linear2.weight.zero_()
                    self.linear2.bias.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.branch(x) + x)
