"""The data set (GIVEN): 16 Gaussian features, 4 classes that no linear model can separate.

Two hidden directions ``u`` and ``v`` of the features decide the class: whether ``u * v > 0``
(an XOR, which a linear model cannot represent) and whether the point lies outside a circle in
the (u, v) plane. A majority-class guess or a linear model scores about 26 %.
"""
from __future__ import annotations

import torch
from torch.utils.data import TensorDataset

N_FEATURES = 16
N_CLASSES = 4
TRAIN_SEED = 0

_g = torch.Generator().manual_seed(1234)
_DIRECTIONS = torch.randn(N_FEATURES, 2, generator=_g)
_DIRECTIONS = _DIRECTIONS / _DIRECTIONS.norm(dim=0)


def make_tensors(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, N_FEATURES, generator=g)
    uv = X @ _DIRECTIONS
    y = 2 * (uv[:, 0] * uv[:, 1] > 0).long() + (uv.norm(dim=1) > 1.18).long()
    return X, y


def make_dataset(n: int, seed: int = TRAIN_SEED) -> TensorDataset:
    return TensorDataset(*make_tensors(n, seed))
