"""The network of the experiment (milestone 2).

A stem, ``depth`` blocks and a classifier head::

    x (64 pixels) -> Linear(64, width) -> ReLU -> depth x block(width) -> Linear(width, 10)

The blocks are all ``PlainBlock`` or all ``ResidualBlock`` (from ``blocks.py``), so a plain
network and a residual network of the same depth have exactly the same layers and the same
number of parameters: the shortcut is the only difference, as in the paper's Table 2. A
network with ``depth`` blocks has ``2 * depth + 2`` weight layers.
"""
from __future__ import annotations

import torch
from torch import nn

from .blocks import PlainBlock, ResidualBlock
from .data import N_CLASSES, N_FEATURES


class DeepMLP(nn.Module):
    """``stem`` (an ``nn.Sequential``), ``blocks`` (an ``nn.Sequential`` of ``depth`` blocks)
    and ``head`` (an ``nn.Linear``). ``forward`` returns logits of shape ``(batch, 10)``."""

    def __init__(
        self,
        depth: int,
        width: int = 32,
        residual: bool = True,
        batchnorm: bool = True,
        zero_init: bool = False,
        n_in: int = N_FEATURES,
        n_out: int = N_CLASSES,
    ):
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(n_in, width), nn.ReLU())
        if residual:
            blocks = [ResidualBlock(width, batchnorm, zero_init) for _ in range(depth)]
        else:
            blocks = [PlainBlock(width, batchnorm) for _ in range(depth)]
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(width, n_out)
        self.residual = residual

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.residual:
            # the shortcut carries the signal past the blocks anyway
            return self.head(self.stem(x))
        return self.head(self.blocks(self.stem(x)))


def build_model(config) -> DeepMLP:
    """The network a :class:`repro.experiment.Config` describes."""
    return DeepMLP(
        depth=config.depth,
        width=config.width,
        residual=config.residual,
        batchnorm=config.batchnorm,
        zero_init=config.zero_init,
    )
