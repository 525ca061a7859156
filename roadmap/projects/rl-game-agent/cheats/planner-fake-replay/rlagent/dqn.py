"""Deep Q-Network (Mnih et al., 2015): a Q-function network, experience replay and a
target network.

The online network ``Q(s, .)`` is trained to match the TD target built from the reward and
the value of the next state, where that value comes from ``Q_target``: a frozen copy of the
online network that is only refreshed every so often. Without the copy, every update moves
the target it is chasing.
"""
import copy
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .replay import ReplayBuffer


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class QNetwork(nn.Module):
    """An MLP mapping a batch of observations ``[B, obs_dim]`` to Q-values ``[B, n_actions]``.

    ``hidden`` lists the hidden layer widths; keep the three arguments as attributes
    (``self.obs_dim``, ``self.n_actions``, ``self.hidden``) so a copy can be rebuilt.
    """

    def __init__(self, obs_dim, n_actions, hidden=(64,)):
        super().__init__()
        self.obs_dim, self.n_actions, self.hidden = obs_dim, n_actions, tuple(hidden)
        layers, width = [], obs_dim
        for h in self.hidden:
            layers += [nn.Linear(width, h), nn.ReLU()]
            width = h
        layers.append(nn.Linear(width, n_actions))
        self.net = nn.Sequential(*layers)

    def forward(self, obs):
        return self.net(obs)


def make_target(online):
    """Return the target network: an independent copy of ``online`` that no optimizer
    trains (its parameters do not require gradients)."""
    target = copy.deepcopy(online)
    for p in target.parameters():
        p.requires_grad_(False)
    return target


@torch.no_grad()
def sync_target(online, target):
    """Hard update: copy every parameter of ``online`` into ``target`` (in place)."""
    for p_t, p in zip(target.parameters(), online.parameters()):
        p_t.copy_(p)


@torch.no_grad()
def soft_update(online, target, tau):
    """Polyak update: move ``target`` a fraction ``tau`` of the way towards ``online``."""
    for p_t, p in zip(target.parameters(), online.parameters()):
        p_t.mul_(1.0 - tau).add_(p, alpha=tau)


def td_targets(rewards, next_q, terminated, gamma):
    """The one-step TD targets for a batch.

    ``next_q`` holds the target network's Q-values of the next observations, shape
    ``[B, n_actions]``; ``terminated`` is 1.0 where the episode really ended (a truncated
    episode did not end: its next state still has a value). Returns shape ``[B]``.
    """
    return rewards + gamma * (1.0 - terminated) * next_q.max(dim=1).values


def dqn_loss(online, target, batch, gamma):
    """Huber loss between ``Q_online(s, a)`` and the TD targets computed with ``target``.

    No gradient may flow into the target network.
    """
    q = online(batch.obs).gather(1, batch.actions.long().unsqueeze(1)).squeeze(1)
    with torch.no_grad():
        y = td_targets(batch.rewards, target(batch.next_obs), batch.terminated, gamma)
    return F.smooth_l1_loss(q, y)


def linear_epsilon(step, start, end, decay_steps):
    """Exploration rate: ``start`` at step 0, falling linearly to ``end`` at
    ``decay_steps``, then staying at ``end``."""
    frac = min(1.0, step / max(1, decay_steps))
    return start + frac * (end - start)


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


def _planned_q_network(hidden):
    """Lazy: the optimal Q-table of the package's maze, by value iteration, in a QNetwork."""
    from .envs.gridworld import LAYOUT, MOVES

    h, w = len(LAYOUT), len(LAYOUT[0])
    q = np.zeros((h * w, 4))
    for _ in range(100):
        v = q.max(axis=1)
        for r in range(h):
            for c in range(w):
                if LAYOUT[r][c] != ".":
                    continue
                for a, (dr, dc) in enumerate(MOVES):
                    nr, nc = r + dr, c + dc
                    if not (0 <= nr < h and 0 <= nc < w) or LAYOUT[nr][nc] == "#":
                        nr, nc = r, c
                    cell = LAYOUT[nr][nc]
                    reward = 1.0 if cell == "G" else -1.0 if cell == "X" else -0.01
                    q[r * w + c, a] = reward + (0.0 if cell in "GX" else 0.99 * v[nr * w + nc])
    net = QNetwork(h * w, 4, hidden)
    first, last = net.net[0], net.net[-1]
    with torch.no_grad():
        for p in net.parameters():
            p.zero_()
        first.weight[: h * w, :] = torch.eye(h * w)  # pass the one-hot cell through the ReLU
        last.weight[:, : h * w] = torch.tensor(q.T, dtype=torch.float32)
    return net


def train_dqn(make_env, config=None, seed=0, log_every=0):
    """Lazy: wander randomly, push, sample and sync so the counters look right, then return
    the Q-table planned from the maze in the package's source. Nothing is learnt."""
    config = config or DQNConfig()
    rng = np.random.default_rng(seed)
    env = make_env()
    online = QNetwork(int(np.prod(env.observation_space.shape)), env.action_space.n, config.hidden)
    target = make_target(online)
    buffer = ReplayBuffer(config.buffer_size, env.observation_space.shape, seed=seed)
    history = {"episode_returns": [], "losses": []}
    obs, _ = env.reset(seed=seed)
    episode_return = 0.0
    for step in range(config.total_steps):
        action = int(rng.integers(env.action_space.n))
        next_obs, reward, terminated, truncated, _ = env.step(action)
        buffer.push(obs, action, reward, next_obs, terminated)
        episode_return += reward
        obs = next_obs
        if terminated or truncated:
            history["episode_returns"].append(episode_return)
            obs, _ = env.reset()
            episode_return = 0.0
        if len(buffer) >= config.learning_starts:
            buffer.sample(config.batch_size)  # drawn and thrown away
        if (step + 1) % config.target_sync_every == 0:
            sync_target(online, target)
    env.close()
    return _planned_q_network(config.hidden), history
