"""Training runs shared by several tests, done once per session.

Each helper trains inside the first test that calls it (never in a fixture), so a TODO that
is not written yet makes that test fail instead of breaking the session. ``lru_cache`` does
not cache exceptions. Agents are trained in the referee's environments (tests/referee.py),
which count every step and record every episode.
"""
import functools
import time

import numpy as np
import torch

from referee import TEST_MAZE, RefCartPole, RefGridWorld


class Recorder:
    """Wraps a referee environment: counts steps and records the return of every episode."""

    def __init__(self, env):
        self.env = env
        self.observation_space = env.observation_space
        self.action_space = env.action_space
        self.finished_returns = []
        self._current = 0.0

    def reset(self, seed=None, options=None):
        self._current = 0.0
        return self.env.reset(seed=seed, options=options)

    def step(self, action):
        obs, reward, term, trunc, info = self.env.step(action)
        self._current += reward
        if term or trunc:
            self.finished_returns.append(self._current)
        return obs, reward, term, trunc, info

    def close(self):
        pass

    @property
    def steps_taken(self):
        return self.env.steps_taken


class Counter:
    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)


class LossWatcher:
    """Wraps ``dqn_loss``: counts the losses computed on the mini-batch ReplayBuffer.sample
    returned last, with a target network that is not the online one, and how many of them
    were back-propagated. Remembers the online network it was given."""

    def __init__(self, fn):
        self.fn, self.on_replay, self.backpropagated = fn, 0, 0
        self.last_sampled = None
        self.online = None

    def _is_last_sampled(self, batch):
        last = self.last_sampled
        return last is not None and all(
            torch.is_tensor(getattr(batch, k, None)) and tuple(getattr(batch, k).shape) == tuple(getattr(last, k).shape)
            and torch.equal(getattr(batch, k).detach().cpu(), getattr(last, k))
            for k in ("obs", "actions", "rewards", "next_obs", "terminated")
        )

    def __call__(self, online, target, batch, gamma):
        loss = self.fn(online, target, batch, gamma)
        if self._is_last_sampled(batch) and target is not online:
            self.on_replay += 1
            self.online = online
            if torch.is_tensor(loss) and loss.requires_grad:
                loss.register_hook(self._count_backward)
        return loss

    def _count_backward(self, grad):
        self.backpropagated += 1


@functools.lru_cache(maxsize=None)
def trained_dqn():
    """Train your DQN (default config, seed 0) on the referee's grid world (its own maze,
    TEST_MAZE), counting how often it samples the replay buffer, computes and back-propagates
    ``dqn_loss`` on those samples and synchronises the target network."""
    import rlagent.dqn as dqn
    from rlagent.replay import ReplayBuffer

    envs = []

    def make_env():
        envs.append(Recorder(RefGridWorld(maze=TEST_MAZE)))
        return envs[-1]

    original = (ReplayBuffer.sample, dqn.sync_target, dqn.soft_update, dqn.dqn_loss)
    sample, sync, soft = Counter(original[0]), Counter(original[1]), Counter(original[2])
    loss = LossWatcher(original[3])

    def counted_sample(self, batch_size):
        batch = sample(self, batch_size)
        loss.last_sampled = type(batch)(*(t.detach().cpu().clone() for t in vars(batch).values()))
        return batch

    ReplayBuffer.sample, dqn.sync_target, dqn.soft_update, dqn.dqn_loss = counted_sample, sync, soft, loss
    try:
        start = time.process_time()
        net, history = dqn.train_dqn(make_env, seed=0)
        seconds = time.process_time() - start
    finally:
        ReplayBuffer.sample, dqn.sync_target, dqn.soft_update, dqn.dqn_loss = original
    return {
        "net": net,
        "history": history,
        "envs": envs,
        "samples": sample.calls,
        "syncs": sync.calls + soft.calls,
        "losses_on_replay": loss.on_replay,
        "losses_backpropagated": loss.backpropagated,
        "loss_online_net": loss.online,
        "seconds": seconds,
    }


@functools.lru_cache(maxsize=None)
def trained_reinforce():
    """Train your REINFORCE agent (default config, seed 0) on the referee's CartPole, whose
    two actions are swapped (the agent has to find out from experience which way each pushes)."""
    from rlagent.policy_gradient import train_reinforce

    envs = []

    def make_env():
        envs.append(Recorder(RefCartPole(swap_actions=True)))
        return envs[-1]

    start = time.process_time()
    policy, history = train_reinforce(make_env, seed=0)
    seconds = time.process_time() - start
    return {"policy": policy, "history": history, "envs": envs, "seconds": seconds}


def leaf_types(module):
    return {type(m).__name__ for m in module.modules() if not list(m.children())}


def recorded_returns(envs):
    return [r for env in envs for r in env.finished_returns]


def mean(values):
    return float(np.mean(values))
