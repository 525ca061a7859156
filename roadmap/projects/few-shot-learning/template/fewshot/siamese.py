"""A Siamese network trained with the contrastive loss (Hadsell, Chopra and LeCun, 2006;
Koch et al., 2015 used it for one-shot recognition).

Two copies of one embedding network, with shared weights, map two images to unit-length
vectors, and the distance between the vectors says how alike the images are. Training
shows pairs: it pulls same-class pairs together and pushes different-class pairs at least
``margin`` apart. A new class then needs no training at all: a query is labelled with the
class whose support examples are, on average, nearest to it.
"""
from dataclasses import dataclass

import numpy as np  # noqa: F401
import torch
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401

from .data import to_tensor  # noqa: F401
from .models import ConvEmbedding  # noqa: F401


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
        # TODO
        raise NotImplementedError("TODO: SiameseNet.__init__")

    def embed(self, x):
        # TODO
        raise NotImplementedError("TODO: SiameseNet.embed")

    def forward(self, a, b):
        # TODO
        raise NotImplementedError("TODO: SiameseNet.forward")


def contrastive_loss(distances, same, margin=1.0):
    """Mean over pairs of ``d^2`` for same-class pairs and ``max(0, margin - d)^2`` for
    different-class pairs (``same`` is 1.0 or 0.0 per pair)."""
    # TODO
    raise NotImplementedError("TODO: contrastive_loss")


class PairSampler:
    """Random pairs of example indices: each pair is of the same class with probability 1/2.

    ``sample(batch_size)`` returns ``(a, b, same)``: two int arrays of dataset indices and a
    float32 array, 1.0 where ``labels[a] == labels[b]``. A same-class pair is two DIFFERENT
    examples; a different-class pair has a second example drawn from the other classes.
    Uses ``np.random.default_rng(seed)``.
    """

    def __init__(self, labels, seed=0):
        # TODO: index the examples of each class (and of every other class) once, here.
        raise NotImplementedError("TODO: PairSampler.__init__")

    def sample(self, batch_size):
        # TODO
        raise NotImplementedError("TODO: PairSampler.sample")


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
    # TODO: like train_protonet, with pairs instead of episodes.
    raise NotImplementedError("TODO: train_siamese")


def siamese_predictor(net):
    """A ``predict(support_x, support_y, query_x, n_way) -> labels [Q]`` function: the class
    whose support examples have the smallest MEAN distance to the query."""
    # TODO
    raise NotImplementedError("TODO: siamese_predictor")
