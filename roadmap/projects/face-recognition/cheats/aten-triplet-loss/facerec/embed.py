"""Face embeddings: a small CNN trained with a triplet loss.

Milestones 2 (the network and the losses) and 3 (training).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

EMBEDDING_DIM = 32


class ConvBlock(nn.Module):
    """3x3 convolution (no bias, padding 1), batch norm, ReLU; ``stride=2`` halves the size."""

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class EmbeddingNet(nn.Module):
    """Face crop ``[B, 1, 32, 32]`` (floats in [0, 1]) -> unit-length embedding ``[B, dim]``.

    Each crop is standardised on its own (zero mean, unit variance) first, so a brighter or
    darker picture of a face gives the same embedding.
    """

    def __init__(self, dim: int = EMBEDDING_DIM, width: int = 16):
        super().__init__()
        self.features = nn.Sequential(
            ConvBlock(1, width, stride=2),
            ConvBlock(width, 2 * width), nn.MaxPool2d(2),
            ConvBlock(2 * width, 4 * width), nn.MaxPool2d(2),
            ConvBlock(4 * width, 4 * width),
        )
        self.head = nn.Linear(4 * width * 4 * 4, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = (x - x.mean(dim=(1, 2, 3), keepdim=True)) / (x.std(dim=(1, 2, 3), keepdim=True) + 1e-6)
        return F.normalize(self.head(self.features(x).flatten(1)), dim=1)


def triplet_loss(anchor: torch.Tensor, positive: torch.Tensor, negative: torch.Tensor,
                 margin: float = 0.3) -> torch.Tensor:
    """Mean over the batch of ``max(0, d(a, p) - d(a, n) + margin)`` with Euclidean ``d``."""
    # PyTorch's own kernel, reached under its ATen name (F.triplet_margin_loss is switched off).
    return torch.ops.aten.triplet_margin_loss(anchor, positive, negative, margin, 2.0, 0.0, False, 1)


def pairwise_distances(embeddings: torch.Tensor) -> torch.Tensor:
    """Euclidean distances ``[B, B]`` between all rows (exactly 0 on the diagonal)."""
    sq = embeddings.pow(2).sum(dim=1)
    d2 = (sq[:, None] + sq[None, :] - 2 * embeddings @ embeddings.T).clamp(min=0)
    eye = torch.eye(len(embeddings), dtype=torch.bool, device=embeddings.device)
    d2 = d2.masked_fill(eye, 0.0)
    return torch.where(d2 > 0, d2.clamp(min=1e-12).sqrt(), torch.zeros_like(d2))


def batch_hard_triplet_loss(embeddings: torch.Tensor, labels: torch.Tensor, margin: float = 0.3) -> torch.Tensor:
    """Batch-hard triplet loss (Hermans et al., 2017).

    For every anchor: its farthest positive (same label, not itself) and its closest
    negative (another label) in the batch give one triplet; the loss is the mean of
    ``max(0, d_pos - d_neg + margin)`` over the anchors that have at least one positive and
    one negative.
    """
    d = pairwise_distances(embeddings)
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(len(labels), dtype=torch.bool, device=labels.device)
    pos_mask, neg_mask = same & ~eye, ~same
    valid = pos_mask.any(dim=1) & neg_mask.any(dim=1)
    if not valid.any():
        return embeddings.sum() * 0.0
    far_pos = torch.where(pos_mask, d, torch.zeros_like(d)).argmax(dim=1)
    near_neg = torch.where(neg_mask, d, torch.full_like(d, float("inf"))).argmin(dim=1)
    anchors = torch.nonzero(valid).flatten()
    # Mine the pairs, then hand them to the ready kernel through torch._VF.
    return torch._VF.triplet_margin_loss(embeddings[anchors], embeddings[far_pos[anchors]],
                                         embeddings[near_neg[anchors]], margin, 2.0, 0.0, False, 1)


def sample_pk_batch(labels: np.ndarray, P: int, K: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of a "P x K" batch: ``P`` different identities, ``K`` images of each, grouped.

    Identities with fewer than ``K`` images are never picked.
    """
    labels = np.asarray(labels)
    ids, counts = np.unique(labels, return_counts=True)
    eligible = ids[counts >= K]
    chosen = rng.choice(eligible, size=P, replace=False)
    return np.concatenate([rng.choice(np.nonzero(labels == i)[0], size=K, replace=False) for i in chosen])


def to_tensor(images: np.ndarray, device="cpu") -> torch.Tensor:
    """uint8 crops ``[B, H, W]`` -> floats ``[B, 1, H, W]`` in [0, 1]. (Given.)"""
    return torch.from_numpy(np.ascontiguousarray(images)).to(device).float().unsqueeze(1).div_(255.0)


def train_embedder(images: np.ndarray, labels: np.ndarray, epochs: int = 12, P: int = 8, K: int = 4,
                   lr: float = 3e-3, margin: float = 0.3, seed: int = 0, device=None, log=print):
    """Train an ``EmbeddingNet`` with the batch-hard triplet loss on P x K batches.

    An epoch is ``len(images) // (P * K)`` batches. Returns ``(model in eval mode, mean loss
    per epoch)``.
    """
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = EmbeddingNet().to(device)
    x_all = to_tensor(images, device)
    y_all = torch.as_tensor(np.asarray(labels), device=device)
    steps = max(1, len(images) // (P * K))
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=epochs * steps)
    history = []
    for epoch in range(epochs):
        model.train()
        losses = []
        for _ in range(steps):
            idx = torch.from_numpy(sample_pk_batch(labels, P, K, rng)).to(device)
            loss = batch_hard_triplet_loss(model(x_all[idx]), y_all[idx], margin)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            losses.append(loss.item())
        history.append(float(np.mean(losses)))
        if log:
            log(f"epoch {epoch + 1}/{epochs}: triplet loss {history[-1]:.4f}")
    return model.eval(), history


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
