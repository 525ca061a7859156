"""The networks: a lesion classifier and a small U-Net.

Milestones 3 (``ConvBNReLU``, ``Down``, ``LesionNet``) and 4 (``DoubleConv``, ``UNet``).
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401


class ConvBNReLU(nn.Module):
    """3x3 convolution (no bias, padding 1: same size), batch norm, ReLU."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        # TODO: the three layers, as attributes.
        raise NotImplementedError("TODO: ConvBNReLU.__init__")

    def forward(self, x):
        # TODO
        raise NotImplementedError("TODO: ConvBNReLU.forward")


class Down(nn.Module):
    """Halve the resolution: 2x2 convolution with stride 2 (no bias), batch norm, ReLU.

    Each output cell sees exactly one 2x2 patch, so the feature map stays aligned with the
    image (a 3x3 kernel with stride 2 would shift it by a pixel at every level, and
    Grad-CAM maps with it).
    """

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: Down.__init__")

    def forward(self, x):
        # TODO
        raise NotImplementedError("TODO: Down.forward")


class LesionNet(nn.Module):
    """Slice -> one logit (lesion or not).

    ``features`` is an ``nn.Sequential`` of your blocks ending at 1/4 of the input resolution
    (16 x 16 for 64 x 64 slices: Grad-CAM looks at its last block), then global average
    pooling and a linear layer ``classifier``. Tens of thousands of parameters are plenty.
    """

    def __init__(self, width: int = 16):
        super().__init__()
        # TODO: self.features and self.classifier.
        raise NotImplementedError("TODO: LesionNet.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` is ``[B, 1, H, W]`` (windowed, in [0, 1]); returns logits ``[B]``."""
        # TODO: centre the input, features, average over the map, classifier, drop the last axis.
        raise NotImplementedError("TODO: LesionNet.forward")


class DoubleConv(nn.Module):
    """Two ConvBNReLU blocks at the same resolution."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: DoubleConv.__init__")

    def forward(self, x):
        # TODO
        raise NotImplementedError("TODO: DoubleConv.forward")


class UNet(nn.Module):
    """A two-level U-Net: encoder, bottleneck, decoder with skip connections, 1x1 output.

    ``[B, 1, H, W] -> [B, 1, H, W]`` logits, for H and W divisible by 4. ``width`` is the
    number of channels at full resolution; it doubles at each level down.
    """

    def __init__(self, width: int = 8):
        super().__init__()
        # TODO: two encoder DoubleConvs, a bottleneck DoubleConv, two upsampling layers, two
        #       decoder DoubleConvs and a 1x1 output convolution.
        raise NotImplementedError("TODO: UNet.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: encode (pooling between levels), decode (upsample, concatenate the encoder's
        #       map of the same size, DoubleConv), output.
        raise NotImplementedError("TODO: UNet.forward")
