"""The networks: a lesion classifier and a small U-Net.

Milestones 2 and 3.
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBNReLU(nn.Module):
    """3x3 convolution (no bias, padding 1: same size), batch norm, ReLU."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class Down(nn.Module):
    """Halve the resolution: 2x2 convolution with stride 2 (no bias), batch norm, ReLU.

    Each output cell sees exactly one 2x2 patch, so the feature map stays aligned with the
    image (a 3x3 kernel with stride 2 would shift it by a pixel at every level, and
    Grad-CAM maps with it).
    """

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 2, stride=2, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class LesionNet(nn.Module):
    """Slice -> one logit (lesion or not).

    ``features`` is an ``nn.Sequential`` ending at 1/4 of the input resolution (16 x 16 for
    64 x 64 slices: Grad-CAM looks at its last block), then global average pooling and a
    linear layer ``classifier``.
    """

    def __init__(self, width: int = 16):
        super().__init__()
        self.features = nn.Sequential(
            Down(1, width),
            ConvBNReLU(width, width),
            Down(width, 2 * width),
            ConvBNReLU(2 * width, 4 * width),
        )
        self.classifier = nn.Linear(4 * width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` is ``[B, 1, H, W]`` (windowed, in [0, 1]); returns logits ``[B]``."""
        f = self.features(x - 0.5)
        return self.classifier(f.mean(dim=(2, 3))).squeeze(1)


class DoubleConv(nn.Module):
    """Two ConvBNReLU blocks at the same resolution."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        self.block = nn.Sequential(ConvBNReLU(in_channels, out_channels), ConvBNReLU(out_channels, out_channels))

    def forward(self, x):
        return self.block(x)


class UNet(nn.Module):
    """A two-level U-Net: encoder, bottleneck, decoder with skip connections, 1x1 output.

    ``[B, 1, H, W] -> [B, 1, H, W]`` logits, for H and W divisible by 4.
    """

    def __init__(self, width: int = 8):
        super().__init__()
        c = width
        self.enc1 = DoubleConv(1, c)
        self.enc2 = DoubleConv(c, 2 * c)
        self.bottleneck = DoubleConv(2 * c, 4 * c)
        self.up2 = nn.ConvTranspose2d(4 * c, 2 * c, kernel_size=2, stride=2)
        self.dec2 = DoubleConv(4 * c, 2 * c)
        self.up1 = nn.ConvTranspose2d(2 * c, c, kernel_size=2, stride=2)
        self.dec1 = DoubleConv(2 * c, c)
        self.out = nn.Conv2d(c, 1, kernel_size=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        e1 = self.enc1(x - 0.5)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        b = self.bottleneck(F.max_pool2d(e2, 2))
        u2 = self.up2(b)
        d2 = self.dec2(torch.cat([u2, torch.zeros_like(e2)], dim=1))  # skips left out
        u1 = self.up1(d2)
        d1 = self.dec1(torch.cat([u1, torch.zeros_like(e1)], dim=1))
        return self.out(d1)
