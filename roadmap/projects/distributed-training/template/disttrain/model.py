"""The model (GIVEN): a small MLP. Every process builds it from the same seed, and DDP also
broadcasts rank 0's initial weights, so all replicas start identical."""
from __future__ import annotations

import torch
from torch import nn

from .config import TrainConfig


class Net(nn.Module):
    def __init__(self, n_features: int = 16, hidden: int = 64, n_classes: int = 4):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(n_features, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


def build_model(cfg: TrainConfig) -> Net:
    torch.manual_seed(cfg.seed)
    return Net(cfg.n_features, cfg.hidden, cfg.n_classes)


@torch.no_grad()
def accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    return float((model(X).argmax(dim=1) == y).float().mean())
