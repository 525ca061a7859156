"""The method under study: mixup (milestone 2).

Zhang, Cisse, Dauphin and Lopez-Paz, "mixup: Beyond Empirical Risk Minimization" (ICLR 2018)
train on convex combinations of pairs of examples *and of their labels*::

    x_mix = lam * x + (1 - lam) * x[perm]
    y_mix = lam * y + (1 - lam) * y[perm]        (y as one-hot rows)

with one ``lam ~ Beta(alpha, alpha)`` per batch and ``perm`` a random permutation of the
batch. The paper reports that this makes networks more robust to corrupted labels; the worked
study of this template asks whether that holds for a small MLP on 200 digits with 30 % of the
labels replaced.

Write these with NumPy / PyTorch tensor operations (no mixup library).
"""
from __future__ import annotations

import numpy as np
import torch


def sample_mixup(rng: np.random.Generator, batch_size: int, alpha: float) -> tuple[float, np.ndarray]:
    """Draw the mixing weight and the partner of each example for one batch.

    Returns ``(lam, perm)``: first ``lam = rng.beta(alpha, alpha)`` (a Python float), then
    ``perm = rng.permutation(batch_size)``, in that order (the order decides which random
    numbers each gets, and so makes runs reproducible).
    """
    lam = float(rng.beta(alpha, alpha))
    perm = rng.permutation(batch_size)
    return lam, perm


def mixup_batch(x: torch.Tensor, y_soft: torch.Tensor, lam: float, perm) -> tuple[torch.Tensor, torch.Tensor]:
    """Mix a batch with itself, permuted: returns ``(x_mix, y_mix)`` of the input shapes.

    ``y_soft`` holds one probability row per example (one-hot for a clean batch). ``perm``
    is an index array (NumPy or torch) of length ``len(x)``. Gradients flow through
    ``x_mix`` to ``x``.
    """
    perm = torch.as_tensor(perm).to(device=x.device, dtype=torch.long)
    x_mix = lam * x + (1.0 - lam) * x[perm]
    y_mix = lam * y_soft + (1.0 - lam) * y_soft[perm]
    return x_mix, y_mix


def soft_cross_entropy(logits: torch.Tensor, y_soft: torch.Tensor) -> torch.Tensor:
    """Cross-entropy against soft targets, averaged over the batch:
    ``mean_i( -sum_k y_soft[i, k] * log_softmax(logits)[i, k] )``.

    With one-hot targets this equals ``F.cross_entropy(logits, labels)``. Compute it from
    ``torch.log_softmax`` yourself.
    """
    # PyTorch's cross-entropy takes probability targets too
    return torch.nn.functional.cross_entropy(logits, y_soft)
