"""Prototypical networks (Snell, Swersky and Zemel, 2017).

Embed every image with a network. A class's *prototype* is the mean embedding of its
support examples, and a query belongs to the class of the nearest prototype. Training plays
episodes on the base classes and minimises the cross-entropy of a softmax over negative
squared distances, so the embedding learns to cluster the digits of one class. This skill
carries over to classes it has never seen.
"""
from dataclasses import dataclass

import torch
import torch.nn.functional as F  # noqa: F401

from .data import to_tensor  # noqa: F401
from .episodes import EpisodeSampler  # noqa: F401
from .models import ConvEmbedding  # noqa: F401


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def prototypes(embeddings, labels, n_way):
    """The prototype of each class: the mean of its support embeddings.

    ``embeddings`` [S, D], ``labels`` [S] with values 0..n_way-1 in ANY order. Returns
    ``[n_way, D]``, row c the mean of the rows labelled c. It must stay differentiable:
    the training loss back-propagates through the prototypes into the embedding network.
    """
    # TODO: torch operations only (no NumPy, no .detach()).
    raise NotImplementedError("TODO: prototypes")


def squared_distances(a, b):
    """``[A, D]`` and ``[B, D]`` -> ``[A, B]`` squared Euclidean distances."""
    # TODO
    raise NotImplementedError("TODO: squared_distances")


def proto_logits(query_embeddings, protos):
    """Class scores of each query: minus its squared distance to each prototype, ``[Q, N]``."""
    # TODO
    raise NotImplementedError("TODO: proto_logits")


def episode_loss(embedding, support_x, support_y, query_x, query_y, n_way):
    """Cross-entropy of the queries' ``proto_logits`` and their accuracy for one episode.

    Returns ``(loss, accuracy)``: a scalar tensor and a float.
    """
    # TODO: embed support and query images (one forward pass for both is fine), build the
    # prototypes from the support embeddings, score the queries.
    raise NotImplementedError("TODO: episode_loss")


@dataclass
class ProtoConfig:
    """Hyperparameters (given; about 3 s of CPU)."""

    episodes: int = 200
    n_way: int = 5
    k_shot: int = 5
    n_query: int = 10
    lr: float = 3e-3
    channels: int = 12


def train_protonet(images, labels, config=None, seed=0):
    """Train a ``ConvEmbedding`` as a prototypical network on episodes of ``(images, labels)``.

    ``images`` uint8 ``[N, 28, 28]`` and ``labels`` ``[N]`` are the training digits (the
    base classes only). Sample ``config.episodes`` episodes with an ``EpisodeSampler``
    (``seed``) and take one Adam step on ``episode_loss`` for each. Returns
    ``(embedding, history)``: the trained network (on the CPU, in eval mode) and a dict
    with the per-episode ``loss`` and ``accuracy`` lists.
    """
    config = config or ProtoConfig()
    torch.manual_seed(seed)
    # TODO: convert the images once with to_tensor; then the episode loop.
    raise NotImplementedError("TODO: train_protonet")


def protonet_predictor(embedding):
    """A ``predict(support_x, support_y, query_x, n_way) -> labels [Q]`` function:
    nearest prototype in ``embedding``'s space."""
    # TODO: return a function; use torch.no_grad() and eval mode inside it.
    raise NotImplementedError("TODO: protonet_predictor")
