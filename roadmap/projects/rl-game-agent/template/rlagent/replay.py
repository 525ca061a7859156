"""Experience replay: a fixed-size memory of transitions, sampled uniformly at random.

DQN learns from mini-batches drawn from this memory instead of from the latest transition:
consecutive steps are strongly correlated, and sampling old and new experience at random
breaks that correlation and lets every transition be learned from many times.
"""
from dataclasses import dataclass

import numpy as np  # noqa: F401
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
        # TODO: preallocate one NumPy array per field (obs, action, reward, next_obs,
        # terminated) with `capacity` rows, a write position, a size and a generator.
        raise NotImplementedError("TODO: ReplayBuffer.__init__")

    def push(self, obs, action, reward, next_obs, terminated):
        # TODO: write the transition at the write position, then advance it (wrapping around).
        raise NotImplementedError("TODO: ReplayBuffer.push")

    def __len__(self):
        # TODO: how many transitions are stored (never more than capacity).
        raise NotImplementedError("TODO: ReplayBuffer.__len__")

    def sample(self, batch_size):
        # TODO: choose row indices among the stored ones, then return a Batch of tensors.
        raise NotImplementedError("TODO: ReplayBuffer.sample")
