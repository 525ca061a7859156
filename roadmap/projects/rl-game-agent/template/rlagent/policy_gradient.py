"""REINFORCE with a learned baseline (the "vanilla policy gradient" of Spinning Up).

The policy network outputs action logits; the agent plays whole episodes by sampling from
them, then raises the log-probability of each action in proportion to its advantage: the
discounted reward that followed it minus what a value network expected from that state.
Subtracting the baseline does not bias the gradient but makes it much less noisy.
"""
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class PolicyNetwork(nn.Module):
    """An MLP mapping observations ``[B, obs_dim]`` to action logits ``[B, n_actions]``.

    Keep the arguments as attributes (``obs_dim``, ``n_actions``, ``hidden``).
    """

    def __init__(self, obs_dim, n_actions, hidden=(32,)):
        super().__init__()
        # TODO: like QNetwork: Linear layers with activations (tanh works well here).
        raise NotImplementedError("TODO: PolicyNetwork.__init__")

    def forward(self, obs):
        # TODO: raw logits.
        raise NotImplementedError("TODO: PolicyNetwork.forward")


class ValueNetwork(nn.Module):
    """An MLP mapping observations ``[B, obs_dim]`` to state values ``[B]``."""

    def __init__(self, obs_dim, hidden=(32,)):
        super().__init__()
        # TODO: one output unit.
        raise NotImplementedError("TODO: ValueNetwork.__init__")

    def forward(self, obs):
        # TODO: shape [B], not [B, 1].
        raise NotImplementedError("TODO: ValueNetwork.forward")


def discounted_returns(rewards, gamma):
    """Reward-to-go of one episode: element ``t`` is
    ``rewards[t] + gamma * rewards[t+1] + gamma**2 * rewards[t+2] + ...``.

    Returns a float32 NumPy array of the same length.
    """
    # TODO: one pass is enough.
    raise NotImplementedError("TODO: discounted_returns")


def reinforce_losses(policy, value_fn, obs, actions, returns, normalize=False):
    """The two losses of REINFORCE with a baseline, for a batch of visited states.

    ``obs`` [B, obs_dim], ``actions`` [B] (int64), ``returns`` [B] (the reward-to-go of each
    step). The advantage is ``returns - value_fn(obs)``, with the baseline treated as a
    constant; with ``normalize=True`` the advantages are standardised (mean 0, std 1) first.

    Returns ``(policy_loss, value_loss)``: the policy loss is minus the mean of
    ``log pi(a|s) * advantage``, the value loss the mean squared error between
    ``value_fn(obs)`` and ``returns``. Minimising the first must not change the value
    network, and minimising the second must not change the policy.
    """
    # TODO
    raise NotImplementedError("TODO: reinforce_losses")


def sample_action(policy, obs, rng, device=None):
    """Sample an action from ``softmax(policy(obs))`` with the NumPy generator ``rng``. Given."""
    device = device or next(policy.parameters()).device
    with torch.no_grad():
        logits = policy(torch.as_tensor(obs, dtype=torch.float32, device=device).unsqueeze(0))
        probs = torch.softmax(logits, dim=-1).squeeze(0).cpu().numpy().astype(np.float64)
    return int(rng.choice(len(probs), p=probs / probs.sum()))


def greedy_policy(policy):
    """A policy ``obs -> action`` that picks the most likely action. Given."""
    device = next(policy.parameters()).device

    def act(obs):
        with torch.no_grad():
            logits = policy(torch.as_tensor(obs, dtype=torch.float32, device=device).unsqueeze(0))
        return int(logits.argmax(dim=1).item())

    return act


@dataclass
class PGConfig:
    """Hyperparameters (given; these values balance the pole in about 2 s of CPU)."""

    episodes: int = 240
    episodes_per_update: int = 4
    gamma: float = 0.99
    lr: float = 1e-2
    value_lr: float = 1e-2
    hidden: tuple = field(default=(32,))
    normalize_advantages: bool = True


def train_reinforce(make_env, config=None, seed=0, log_every=0):
    """Train a policy with REINFORCE and a value baseline on ``make_env()``'s environment.

    Play ``config.episodes`` episodes in total, sampling actions from the policy; after
    every ``config.episodes_per_update`` episodes, take one optimizer step on each loss of
    ``reinforce_losses``. Returns ``(policy, history)``: the trained policy network (on the
    CPU) and a dict with at least ``episode_returns`` (one per training episode, in order).
    """
    config = config or PGConfig()
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)  # noqa: F841
    # TODO: build the two networks and two Adam optimizers; then for every episode:
    #   play it with sample_action, keeping the observations, actions and rewards;
    #   turn its rewards into reward-to-go with discounted_returns;
    # and after every config.episodes_per_update episodes, stack what was collected into
    # tensors, compute reinforce_losses and step both optimizers, then clear the lists.
    raise NotImplementedError("TODO: train_reinforce")
