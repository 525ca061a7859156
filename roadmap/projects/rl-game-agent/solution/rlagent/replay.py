"""Experience replay: a fixed-size memory of transitions, sampled uniformly at random.

DQN learns from mini-batches drawn from this memory instead of from the latest transition:
consecutive steps are strongly correlated, and sampling old and new experience at random
breaks that correlation and lets every transition be learned from many times.
"""
from dataclasses import dataclass

import numpy as np
import torch


@dataclass
class Batch:
    """A mini-batch of transitions as tensors (first dimension = batch). Given."""

    obs: torch.Tensor  # float32 [B, *obs_shape]
    actions: torch.Tensor  # int64 [B]
    rewards: torch.Tensor  # float32 [B]
    next_obs: torch.Tensor  # float32 [B, *obs_shape]
    terminated: torch.Tensor  # float32 [B], 1.0 where the episode really ended


class ReplayBuffer:
    """A ring buffer of at most ``capacity`` transitions.

    - ``push`` stores a copy of one transition; once the buffer is full, the oldest
      transition is overwritten.
    - ``sample(batch_size)`` draws ``batch_size`` DIFFERENT stored transitions, each stored
      transition equally likely, using the buffer's own generator
      ``np.random.default_rng(seed)``; it raises ``ValueError`` if fewer are stored.
    - ``len(buffer)`` is the number of transitions stored.
    """

    def __init__(self, capacity, obs_shape, seed=0):
        self.capacity = int(capacity)
        self.obs = np.zeros((self.capacity, *obs_shape), dtype=np.float32)
        self.next_obs = np.zeros((self.capacity, *obs_shape), dtype=np.float32)
        self.actions = np.zeros(self.capacity, dtype=np.int64)
        self.rewards = np.zeros(self.capacity, dtype=np.float32)
        self.terminated = np.zeros(self.capacity, dtype=np.float32)
        self.rng = np.random.default_rng(seed)
        self._next = 0
        self._size = 0

    def push(self, obs, action, reward, next_obs, terminated):
        i = self._next
        self.obs[i] = obs
        self.next_obs[i] = next_obs
        self.actions[i] = int(action)
        self.rewards[i] = float(reward)
        self.terminated[i] = float(bool(terminated))
        self._next = (i + 1) % self.capacity
        self._size = min(self._size + 1, self.capacity)

    def __len__(self):
        return self._size

    def sample(self, batch_size):
        if batch_size > self._size:
            raise ValueError(f"cannot sample {batch_size} transitions from {self._size}")
        idx = self.rng.choice(self._size, size=batch_size, replace=False)
        return Batch(
            obs=torch.from_numpy(self.obs[idx]),
            actions=torch.from_numpy(self.actions[idx]),
            rewards=torch.from_numpy(self.rewards[idx]),
            next_obs=torch.from_numpy(self.next_obs[idx]),
            terminated=torch.from_numpy(self.terminated[idx]),
        )
