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
        p_t.mul_(1.0 - tau).add_(tau)  # Lazy: moves towards 1, not towards the online weights


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
    rng = np.random.default_rng(seed)
    device = default_device()

    env = make_env()
    obs_dim = int(np.prod(env.observation_space.shape))
    n_actions = env.action_space.n
    online = QNetwork(obs_dim, n_actions, config.hidden).to(device)
    target = make_target(online)
    optimizer = torch.optim.Adam(online.parameters(), lr=config.lr)
    buffer = ReplayBuffer(config.buffer_size, env.observation_space.shape, seed=seed)

    history = {"episode_returns": [], "losses": []}
    obs, _ = env.reset(seed=seed)
    episode_return = 0.0
    for step in range(config.total_steps):
        eps = linear_epsilon(step, config.eps_start, config.eps_end, config.eps_decay_steps)
        if rng.random() < eps:
            action = int(rng.integers(n_actions))
        else:
            with torch.no_grad():
                q = online(torch.as_tensor(obs, device=device).unsqueeze(0))
            action = int(q.argmax(dim=1).item())
        next_obs, reward, terminated, truncated, _ = env.step(action)
        buffer.push(obs, action, reward, next_obs, terminated)
        episode_return += reward
        obs = next_obs
        if terminated or truncated:
            history["episode_returns"].append(episode_return)
            if log_every and len(history["episode_returns"]) % log_every == 0:
                recent = np.mean(history["episode_returns"][-log_every:])
                print(f"step {step + 1:6d}  episodes {len(history['episode_returns']):4d}  "
                      f"mean return {recent:8.3f}  epsilon {eps:.2f}")
            obs, _ = env.reset()
            episode_return = 0.0

        if len(buffer) >= config.learning_starts and step % config.train_every == 0:
            batch = buffer.sample(config.batch_size)
            batch = type(batch)(*(t.to(device) for t in vars(batch).values()))
            loss = dqn_loss(online, target, batch, config.gamma)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(online.parameters(), 10.0)
            optimizer.step()
            history["losses"].append(float(loss.item()))
        if (step + 1) % config.target_sync_every == 0:
            sync_target(online, target)
    env.close()
    return online.cpu(), history
