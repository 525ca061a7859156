"""Running episodes and evaluating a policy honestly.

A *policy* here is any callable ``policy(obs) -> action``. Evaluation always plays whole
episodes in fresh environments, one per seed, and reports every episode: an agent is judged
by its mean return over seeds it did not choose, with a confidence interval, never by its best
training episode.
"""
import math  # noqa: F401  (you will want math.sqrt)

import numpy as np  # noqa: F401


def run_episode(env, policy, seed=None, options=None):
    """Play one episode of ``env`` with ``policy``; return ``(total_reward, steps)``.

    Start with ``env.reset(seed=seed, options=options)`` and step until the episode is
    terminated or truncated.
    """
    # TODO: reset, then loop: ask the policy for an action, step, add up the reward, and stop
    # when `terminated or truncated` is true.
    raise NotImplementedError("TODO: run_episode")


def mean_confidence_interval(values):
    """Return ``(mean, std, ci95)`` of a list of episode returns.

    ``std`` is the sample standard deviation (0 for a single value) and ``ci95`` the
    half-width of a normal-approximation 95 % confidence interval of the mean.
    """
    # TODO: three numbers; mind the single-value case.
    raise NotImplementedError("TODO: mean_confidence_interval")


def evaluate_policy(policy, make_env, seeds, options=None):
    """Evaluate ``policy`` on one fresh environment per seed.

    ``make_env()`` builds a new environment; every seed in ``seeds`` gets its own
    environment and exactly one episode started with ``reset(seed=that_seed)``.
    Returns a dict with ``returns`` and ``lengths`` (one entry per seed, in the order of
    ``seeds``) and ``mean``, ``std``, ``ci95`` of the returns (see
    ``mean_confidence_interval``).
    """
    # TODO: one run_episode per seed, in a new environment each time; keep every result.
    raise NotImplementedError("TODO: evaluate_policy")


def moving_average(values, window):
    """Trailing mean: element ``i`` is the mean of ``values[max(0, i - window + 1) : i + 1]``.

    Same length as ``values``; use it to smooth a reward curve.
    """
    # TODO: the first elements average fewer than `window` values.
    raise NotImplementedError("TODO: moving_average")


class RandomPolicy:
    """The baseline every agent must beat: a uniformly random action, seeded."""

    def __init__(self, action_space, seed=0):
        # TODO: remember the number of actions and create a NumPy generator from `seed`.
        raise NotImplementedError("TODO: RandomPolicy.__init__")

    def __call__(self, obs):
        # TODO: an int in 0 .. n-1, each equally likely, from your generator.
        raise NotImplementedError("TODO: RandomPolicy.__call__")
