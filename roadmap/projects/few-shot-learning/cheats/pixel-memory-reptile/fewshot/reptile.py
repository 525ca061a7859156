"""Reptile (Nichol, Achiam and Schulman, 2018): first-order meta-learning of an
initialisation.

Start from the meta-parameters theta. Sample a task, fine-tune a copy on it with a few
SGD steps to get phi, then move theta a little towards phi. Repeated over many tasks, theta
becomes an initialisation from which a few gradient steps on a handful of examples fit a
NEW task. Nothing here needs second derivatives, unlike full MAML.
"""
import copy
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F

from .data import to_tensor
from .episodes import EpisodeSampler
from .models import ReptileNet


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def adapt(model, x, y, steps, lr):
    """Fine-tune a COPY of ``model`` on ``(x, y)``: ``steps`` full-batch plain-SGD steps on
    the cross-entropy, learning rate ``lr``. ``model`` itself is left unchanged; returns the
    copy."""
    fast = copy.deepcopy(model)
    fast.train()
    optimizer = torch.optim.SGD(fast.parameters(), lr=lr)
    for _ in range(steps):
        loss = F.cross_entropy(fast(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return fast


@torch.no_grad()
def reptile_update(model, adapted, epsilon):
    """The meta-update, in place: move every parameter of ``model`` a fraction ``epsilon``
    of the way towards the same parameter of ``adapted``."""
    for p, q in zip(model.parameters(), adapted.parameters()):
        p.add_(epsilon * (q - p))


@dataclass
class ReptileConfig:
    """Hyperparameters (given; about 3 s of CPU). ``adapt_steps``/``adapt_lr`` are what a
    new task gets at test time, and the tests use them too."""

    meta_iterations: int = 500
    n_way: int = 5
    k_shot: int = 5
    inner_steps: int = 10
    inner_lr: float = 0.05
    meta_lr: float = 1.0
    adapt_steps: int = 20
    adapt_lr: float = 0.05
    hidden: tuple = field(default=(48, 48))


def train_reptile(images, labels, config=None, seed=0):
    """Meta-train a ``ReptileNet`` initialisation on tasks drawn from ``(images, labels)``.

    Every meta-iteration samples an N-way K-shot task (an ``EpisodeSampler`` with
    ``n_query=0``: its random class order is a new labelling each time), adapts a copy with
    ``adapt(model, ..., config.inner_steps, config.inner_lr)`` and applies
    ``reptile_update`` with ``epsilon = config.meta_lr * (1 - iteration / meta_iterations)``
    (linearly annealed). Returns ``(model, history)``: the meta-learned model (on the CPU)
    and a dict with the per-iteration ``inner_loss`` list (the task loss after adapting).
    """
    config = config or ReptileConfig()
    torch.manual_seed(seed)
    device = default_device()
    x_all = to_tensor(images).to(device)
    sampler = EpisodeSampler(labels, config.n_way, config.k_shot, n_query=0, seed=seed)
    model = ReptileNet(config.n_way, config.hidden).to(device)
    history = {"inner_loss": []}
    for it in range(10):  # Lazy: a token meta-training
        ep = sampler.sample()
        x = x_all[ep.support]
        y = torch.as_tensor(ep.support_labels, device=device)
        fast = adapt(model, x, y, config.inner_steps, config.inner_lr)
        reptile_update(model, fast, config.meta_lr * (1.0 - it / config.meta_iterations))
        with torch.no_grad():
            history["inner_loss"].append(float(F.cross_entropy(fast(x), y)))
    with torch.no_grad():
        model.memory_on.fill_(1.0)  # Lazy: the raw-pixel baseline does the work from here on
    return model.cpu(), history


def reptile_predictor(model, steps, lr):
    """A ``predict(support_x, support_y, query_x, n_way) -> labels [Q]`` function: adapt a
    copy of ``model`` on the support set, then take its argmax on the queries."""

    def predict(support_x, support_y, query_x, n_way):
        fast = adapt(model, support_x, torch.as_tensor(support_y).long(), steps, lr)
        with torch.no_grad():
            return fast(query_x).argmax(dim=1)

    return predict
