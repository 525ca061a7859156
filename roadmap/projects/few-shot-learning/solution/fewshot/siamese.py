"""A Siamese network trained with the contrastive loss (Hadsell, Chopra and LeCun, 2006;
Koch et al., 2015 used it for one-shot recognition).

Two copies of one embedding network, with shared weights, map two images to unit-length
vectors, and the distance between the vectors says how alike the images are. Training
shows pairs: it pulls same-class pairs together and pushes different-class pairs at least
``margin`` apart. A new class then needs no training at all: a query is labelled with the
class whose support examples are, on average, nearest to it.
"""
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .data import to_tensor
from .models import ConvEmbedding


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class SiameseNet(nn.Module):
    """One ``ConvEmbedding`` (``self.embedding``) shared by both branches.

    ``embed(x)`` returns L2-normalised embeddings ``[B, D]``; ``forward(a, b)`` returns the
    Euclidean distances ``[B]`` between ``embed(a)`` and ``embed(b)`` row by row. Keep
    ``channels`` as an attribute.
    """

    def __init__(self, channels=16):
        super().__init__()
        self.channels = channels
        self.embedding = ConvEmbedding(channels)

    def embed(self, x):
        return F.normalize(self.embedding(x), dim=-1)

    def forward(self, a, b):
        return (self.embed(a) - self.embed(b)).norm(dim=-1)


def contrastive_loss(distances, same, margin=1.0):
    """Mean over pairs of ``d^2`` for same-class pairs and ``max(0, margin - d)^2`` for
    different-class pairs (``same`` is 1.0 or 0.0 per pair)."""
    same = same.to(distances.dtype)
    return (same * distances**2 + (1 - same) * F.relu(margin - distances) ** 2).mean()


class PairSampler:
    """Random pairs of example indices: each pair is of the same class with probability 1/2.

    ``sample(batch_size)`` returns ``(a, b, same)``: two int arrays of dataset indices and a
    float32 array, 1.0 where ``labels[a] == labels[b]``. A same-class pair is two DIFFERENT
    examples; a different-class pair has a second example drawn from the other classes.
    Uses ``np.random.default_rng(seed)``.
    """

    def __init__(self, labels, seed=0):
        self.labels = np.asarray(labels)
        self.by_class = {c: np.flatnonzero(self.labels == c) for c in np.unique(self.labels)}
        self.others = {c: np.flatnonzero(self.labels != c) for c in self.by_class}
        self.rng = np.random.default_rng(seed)

    def sample(self, batch_size):
        a = self.rng.integers(len(self.labels), size=batch_size)
        same = self.rng.random(batch_size) < 0.5
        b = np.empty(batch_size, dtype=np.int64)
        for i, (ia, s) in enumerate(zip(a, same)):
            c = self.labels[ia]
            if s:
                pool = self.by_class[c]
                pick = pool[self.rng.integers(len(pool) - 1)]
                b[i] = pick if pick != ia else pool[-1]
            else:
                pool = self.others[c]
                b[i] = pool[self.rng.integers(len(pool))]
        return a, b, same.astype(np.float32)


@dataclass
class SiameseConfig:
    """Hyperparameters (given; about 3 s of CPU)."""

    steps: int = 150
    batch_pairs: int = 32
    lr: float = 3e-3
    margin: float = 1.0
    channels: int = 16


def train_siamese(images, labels, config=None, seed=0):
    """Train a ``SiameseNet`` with ``contrastive_loss`` on pairs from ``(images, labels)``.

    One Adam step per batch of ``config.batch_pairs`` pairs from a ``PairSampler(labels,
    seed)``, for ``config.steps`` steps. Returns ``(net, history)``: the network (on the CPU,
    in eval mode) and a dict with the per-step ``loss`` list.
    """
    config = config or SiameseConfig()
    torch.manual_seed(seed)
    device = default_device()
    x_all = to_tensor(images).to(device)
    sampler = PairSampler(labels, seed=seed)
    net = SiameseNet(config.channels).to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=config.lr)
    history = {"loss": []}
    net.train()
    for _ in range(config.steps):
        a, b, same = sampler.sample(config.batch_pairs)
        # One forward pass over both halves keeps batch norm's statistics shared.
        z = net.embed(torch.cat([x_all[a], x_all[b]]))
        d = (z[: len(a)] - z[len(a):]).norm(dim=-1)
        loss = contrastive_loss(d, torch.as_tensor(same, device=device), config.margin)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history["loss"].append(float(loss))
    return net.cpu().eval(), history


def siamese_predictor(net):
    """A ``predict(support_x, support_y, query_x, n_way) -> labels [Q]`` function: the class
    whose support examples have the smallest MEAN distance to the query."""

    @torch.no_grad()
    def predict(support_x, support_y, query_x, n_way):
        net.eval()
        d = torch.cdist(net.embed(query_x), net.embed(support_x))  # [Q, S]
        one_hot = F.one_hot(torch.as_tensor(support_y).long(), n_way).to(d.dtype)  # [S, N]
        mean_d = (d @ one_hot) / one_hot.sum(dim=0)
        return mean_d.argmin(dim=1)

    return predict
