"""The losses of style transfer. Milestone 1.

Content: how far the generated image's activations are from the content image's, at the
content layers. Style: how far the **Gram matrices** (the correlations between channels,
wherever they occur in the image) are from the style image's, at the style layers. A Gram
matrix forgets *where* things are and keeps *which features go together*: that is the texture,
the brush strokes, the palette.
"""
from __future__ import annotations

import torch


def gram_matrix(features: torch.Tensor) -> torch.Tensor:
    """``[B, C, H, W]`` activations -> ``[B, C, C]`` Gram matrices.

    Flatten each channel to a row of ``H * W`` numbers, ``F`` of shape ``[B, C, H*W]``; the Gram
    matrix is ``F @ F^T`` divided by ``C * H * W``, so that layers of different sizes and images of
    different sizes give comparable numbers.
    """
    b, c, h, w = features.shape
    flat = features.reshape(b, c, h * w)
    return flat @ flat.transpose(1, 2) / (c * h * w)


def content_loss(generated: dict, target: dict, layers) -> torch.Tensor:
    """Sum over ``layers`` of the mean squared difference between ``generated[layer]`` and
    ``target[layer]`` (dicts of activations, as ``FeatureExtractor`` returns them)."""
    return sum(torch.mean((generated[name] - target[name]) ** 2) for name in layers)


def style_loss(generated: dict, target_grams: dict, layers, weights: dict | None = None) -> torch.Tensor:
    """Sum over ``layers`` of ``weights[layer]`` (1 when not given) times the mean squared
    difference between ``gram_matrix(generated[layer])`` and ``target_grams[layer]`` (computed once,
    from the style image)."""
    weights = weights or {}
    return sum(weights.get(name, 1.0) * torch.mean((gram_matrix(generated[name]) - target_grams[name]) ** 2)
               for name in layers)


def total_variation(image: torch.Tensor) -> torch.Tensor:
    """Smoothness penalty: the mean squared difference between vertically neighbouring pixels
    plus the mean squared difference between horizontally neighbouring pixels."""
    dy = image[..., 1:, :] - image[..., :-1, :]
    dx = image[..., :, 1:] - image[..., :, :-1]
    return torch.mean(dx ** 2)
