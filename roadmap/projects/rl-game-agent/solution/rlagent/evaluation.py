"""Running episodes and evaluating a policy honestly.

A *policy* here is any callable ``policy(obs) -> action``. Evaluation always plays whole
episodes in fresh environments, one per seed, and reports every episode: an agent is judged
by its mean return over seeds it did not choose, with a confidence interval, never by its best
training episode.
"""
import math

import numpy as np


def run_episode(env, policy, seed=None, options=None):
    """Play one episode of ``env`` with ``policy``; return ``(total_reward, steps)``.

    Start with ``env.reset(seed=seed, options=options)`` and step until the episode is
    terminated or truncated.
    """
    obs, _ = env.reset(seed=seed, options=options)
    total, steps = 0.0, 0
    while True:
        obs, reward, terminated, truncated, _ = env.step(policy(obs))
        total += float(reward)
        steps += 1
        if terminated or truncated:
            return total, steps


def mean_confidence_interval(values):
    """Return ``(mean, std, ci95)`` of a list of episode returns.

    ``std`` is the sample standard deviation (0 for a single value) and ``ci95`` the
    half-width of a normal-approximation 95 % confidence interval of the mean.
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        raise ValueError("no values")
    mean = float(x.mean())
    std = float(x.std(ddof=1)) if x.size > 1 else 0.0
    return mean, std, 1.96 * std / math.sqrt(x.size)


def evaluate_policy(policy, make_env, seeds, options=None):
    """Evaluate ``policy`` on one fresh environment per seed.

    ``make_env()`` builds a new environment; every seed in ``seeds`` gets its own
    environment and exactly one episode started with ``reset(seed=that_seed)``.
    Returns a dict with ``returns`` and ``lengths`` (one entry per seed, in the order of
    ``seeds``) and ``mean``, ``std``, ``ci95`` of the returns (see
    ``mean_confidence_interval``).
    """
    returns, lengths = [], []
    for seed in seeds:
        env = make_env()
        total, steps = run_episode(env, policy, seed=int(seed), options=options)
        env.close()
        returns.append(total)
        lengths.append(steps)
    mean, std, ci95 = mean_confidence_interval(returns)
    return {"returns": returns, "lengths": lengths, "mean": mean, "std": std, "ci95": ci95}


def moving_average(values, window):
    """Trailing mean: element ``i`` is the mean of ``values[max(0, i - window + 1) : i + 1]``.

    Same length as ``values``; use it to smooth a reward curve.
    """
    x = np.asarray(values, dtype=float)
    if window < 1:
        raise ValueError("window must be >= 1")
    csum = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(1, x.size + 1)
    start = np.maximum(0, idx - window)
    return (csum[idx] - csum[start]) / (idx - start)


class RandomPolicy:
    """The baseline every agent must beat: a uniformly random action, seeded."""

    def __init__(self, action_space, seed=0):
        self.n = action_space.n
        self.rng = np.random.default_rng(seed)

    def __call__(self, obs):
        return int(self.rng.integers(self.n))
