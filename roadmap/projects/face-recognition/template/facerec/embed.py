"""Face embeddings: a small CNN trained with a triplet loss.

Milestones 2 (the network and the losses) and 3 (training).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401

EMBEDDING_DIM = 32


class ConvBlock(nn.Module):
    """3x3 convolution (no bias, padding 1), batch norm, ReLU; ``stride=2`` halves the size."""

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1):
        super().__init__()
        # TODO: the three layers.
        raise NotImplementedError("TODO: ConvBlock.__init__")

    def forward(self, x):
        # TODO
        raise NotImplementedError("TODO: ConvBlock.forward")


class EmbeddingNet(nn.Module):
    """Face crop ``[B, 1, 32, 32]`` (floats in [0, 1]) -> unit-length embedding ``[B, dim]``.

    Each crop is standardised on its own (zero mean, unit variance) first, so a brighter or
    darker picture of a face gives the same embedding. A few ConvBlocks (some with stride 2
    or max pooling) down to 4 x 4, then a linear layer to ``dim`` numbers.
    """

    def __init__(self, dim: int = EMBEDDING_DIM, width: int = 16):
        super().__init__()
        # TODO: self.features and self.head.
        raise NotImplementedError("TODO: EmbeddingNet.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: standardise each crop, features, flatten, head, normalise to unit length.
        raise NotImplementedError("TODO: EmbeddingNet.forward")


def triplet_loss(anchor: torch.Tensor, positive: torch.Tensor, negative: torch.Tensor,
                 margin: float = 0.3) -> torch.Tensor:
    """Mean over the batch of ``max(0, d(a, p) - d(a, n) + margin)`` with Euclidean ``d``."""
    # TODO: Euclidean distances of the rows, the hinge, the mean.
    raise NotImplementedError("TODO: triplet_loss")


def pairwise_distances(embeddings: torch.Tensor) -> torch.Tensor:
    """Euclidean distances ``[B, B]`` between all rows (exactly 0 on the diagonal)."""
    # TODO: all pairwise distances at once; the square root of 0 has an infinite
    #       gradient, so keep the diagonal (and any zero) out of it.
    raise NotImplementedError("TODO: pairwise_distances")


def batch_hard_triplet_loss(embeddings: torch.Tensor, labels: torch.Tensor, margin: float = 0.3) -> torch.Tensor:
    """Batch-hard triplet loss (Hermans et al., 2017).

    For every anchor: its farthest positive (same label, not itself) and its closest
    negative (another label) in the batch give one triplet; the loss is the mean of
    ``max(0, d_pos - d_neg + margin)`` over the anchors that have at least one positive and
    one negative.
    """
    # TODO: masks of same-label pairs (without the diagonal) and different-label pairs;
    #       hardest positive = max over the positives, hardest negative = min over the
    #       negatives; the hinge; the mean over the valid anchors.
    raise NotImplementedError("TODO: batch_hard_triplet_loss")


def sample_pk_batch(labels: np.ndarray, P: int, K: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of a "P x K" batch: ``P`` different identities, ``K`` images of each, grouped.

    Identities with fewer than ``K`` images are never picked.
    """
    # TODO: the identities with at least K images; P of them without replacement; K images
    #       of each without replacement; concatenate.
    raise NotImplementedError("TODO: sample_pk_batch")


def to_tensor(images: np.ndarray, device="cpu") -> torch.Tensor:
    """uint8 crops ``[B, H, W]`` -> floats ``[B, 1, H, W]`` in [0, 1]. (Given.)"""
    return torch.from_numpy(np.ascontiguousarray(images)).to(device).float().unsqueeze(1).div_(255.0)


def train_embedder(images: np.ndarray, labels: np.ndarray, epochs: int = 12, P: int = 8, K: int = 4,
                   lr: float = 3e-3, margin: float = 0.3, seed: int = 0, device=None, log=print):
    """Train an ``EmbeddingNet`` with the batch-hard triplet loss on P x K batches.

    An epoch is ``len(images) // (P * K)`` batches. Returns ``(model in eval mode, mean loss
    per epoch)``.
    """
    # TODO: seed; build the model; an optimizer (and a one-cycle schedule); each step:
    #       a P x K batch, embed it, batch-hard loss, step. Record each epoch's mean loss.
    raise NotImplementedError("TODO: train_embedder")


@torch.no_grad()
def embed(model, images: np.ndarray, batch_size: int = 64) -> np.ndarray:
    """Embeddings ``[B, dim]`` (float32 NumPy) of uint8 face crops ``[B, H, W]``. (Given.)"""
    model.eval()
    device = next(model.parameters()).device
    out = [model(to_tensor(images[i:i + batch_size], device)).cpu() for i in range(0, len(images), batch_size)]
    return torch.cat(out).numpy().astype(np.float32) if out else np.zeros((0, EMBEDDING_DIM), np.float32)


def save_embedder(model, path) -> Path:
    """Save the weights. (Given.)"""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), path)
    return path


def load_embedder(path, device="cpu") -> EmbeddingNet:
    """Rebuild an ``EmbeddingNet`` saved by ``save_embedder``, in eval mode. (Given.)"""
    model = EmbeddingNet()
    model.load_state_dict(torch.load(path, map_location=device))
    return model.to(device).eval()
