"""Deep Q-Network (Mnih et al., 2015): a Q-function network, experience replay and a
target network.

The online network ``Q(s, .)`` is trained to match the TD target built from the reward and
the value of the next state, where that value comes from ``Q_target``: a frozen copy of the
online network that is only refreshed every so often. Without the copy, every update moves
the target it is chasing.
"""
import copy  # noqa: F401
from dataclasses import dataclass, field

import numpy as np  # noqa: F401
import torch
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401

from .replay import ReplayBuffer  # noqa: F401


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class QNetwork(nn.Module):
    """An MLP mapping a batch of observations ``[B, obs_dim]`` to Q-values ``[B, n_actions]``.

    ``hidden`` lists the hidden layer widths; keep the three arguments as attributes
    (``self.obs_dim``, ``self.n_actions``, ``self.hidden``) so a copy can be rebuilt.
    """

    def __init__(self, obs_dim, n_actions, hidden=(64,)):
        super().__init__()
        # TODO: store the arguments; build Linear layers (one per hidden width, each followed
        # by an activation) and a final Linear layer with n_actions outputs.
        raise NotImplementedError("TODO: QNetwork.__init__")

    def forward(self, obs):
        # TODO: raw Q-values, no activation on the output.
        raise NotImplementedError("TODO: QNetwork.forward")


def make_target(online):
    """Return the target network: an independent copy of ``online`` that no optimizer
    trains (its parameters do not require gradients)."""
    # TODO
    raise NotImplementedError("TODO: make_target")


def sync_target(online, target):
    """Hard update: copy every parameter of ``online`` into ``target`` (in place)."""
    # TODO
    raise NotImplementedError("TODO: sync_target")


def soft_update(online, target, tau):
    """Polyak update: move ``target`` a fraction ``tau`` of the way towards ``online``."""
    # TODO
    raise NotImplementedError("TODO: soft_update")


def td_targets(rewards, next_q, terminated, gamma):
    """The one-step TD targets for a batch.

    ``next_q`` holds the target network's Q-values of the next observations, shape
    ``[B, n_actions]``; ``terminated`` is 1.0 where the episode really ended (a truncated
    episode did not end: its next state still has a value). Returns shape ``[B]``.
    """
    # TODO
    raise NotImplementedError("TODO: td_targets")


def dqn_loss(online, target, batch, gamma):
    """Huber loss between ``Q_online(s, a)`` and the TD targets computed with ``target``.

    No gradient may flow into the target network.
    """
    # TODO: pick each row's Q-value of the action taken; build the targets without a graph.
    raise NotImplementedError("TODO: dqn_loss")


def linear_epsilon(step, start, end, decay_steps):
    """Exploration rate: ``start`` at step 0, falling linearly to ``end`` at
    ``decay_steps``, then staying at ``end``."""
    # TODO
    raise NotImplementedError("TODO: linear_epsilon")


def greedy_policy(q_net):
    """A policy ``obs -> action`` that picks the action with the largest Q-value. Given."""
    device = next(q_net.parameters()).device

    def act(obs):
        with torch.no_grad():
            q = q_net(torch.as_tensor(obs, dtype=torch.float32, device=device).unsqueeze(0))
        return int(q.argmax(dim=1).item())

    return act


@dataclass
class DQNConfig:
    """Hyperparameters (given; these values solve the grid world in about 3 s of CPU)."""

    total_steps: int = 3000
    buffer_size: int = 10_000
    batch_size: int = 64
    gamma: float = 0.99
    lr: float = 3e-3
    learning_starts: int = 500
    train_every: int = 1
    target_sync_every: int = 100
    eps_start: float = 1.0
    eps_end: float = 0.05
    eps_decay_steps: int = 1000
    hidden: tuple = field(default=(64,))


def train_dqn(make_env, config=None, seed=0, log_every=0):
    """Train a DQN agent on the environment ``make_env()`` builds.

    Use a ``ReplayBuffer`` for the transitions, ``make_target`` once, ``sync_target`` every
    ``config.target_sync_every`` steps, epsilon-greedy exploration with ``linear_epsilon``
    and ``dqn_loss`` for the updates. Returns ``(q_net, history)``: the trained online
    network (on the CPU) and a dict with at least ``episode_returns`` (the return of every
    finished training episode, in order).
    """
    config = config or DQNConfig()
    torch.manual_seed(seed)
    # TODO: the DQN loop, one environment step at a time, for config.total_steps steps:
    #   1. choose an action: random with probability epsilon, else the greedy one;
    #   2. step the environment, push the transition, keep the episode's return, and reset
    #      the environment when the episode ends;
    #   3. once the buffer holds config.learning_starts transitions, sample a mini-batch and
    #      take one optimizer step on dqn_loss;
    #   4. every config.target_sync_every steps, sync the target network.
    # Put the networks on default_device(); return the online network on the CPU.
    raise NotImplementedError("TODO: train_dqn")
