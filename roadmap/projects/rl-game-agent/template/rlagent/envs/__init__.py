"""Environments with the Gymnasium API, and ``make`` to build one by name.

``make("CartPole-v1")`` returns this project's CartPole; ``make("CartPole-v1",
use_gymnasium=True)`` returns Gymnasium's own when it is installed (``pip install
gymnasium``). Every agent in this project only uses the Gymnasium interface:

    obs, info = env.reset(seed=0)
    obs, reward, terminated, truncated, info = env.step(action)
    env.observation_space.shape, env.action_space.n
"""
from .cartpole import CartPoleEnv
from .gridworld import GridWorldEnv
from .spaces import Box, Discrete

REGISTRY = {
    "CartPole-v1": CartPoleEnv,
    "GridWorld-v0": GridWorldEnv,
}
ALIASES = {"cartpole": "CartPole-v1", "gridworld": "GridWorld-v0"}


def make(name, use_gymnasium=False, **kwargs):
    """Build an environment by its id (or the short alias ``cartpole`` / ``gridworld``)."""
    name = ALIASES.get(name, name)
    if use_gymnasium:
        try:
            import gymnasium
        except ImportError as exc:  # pragma: no cover - depends on the machine
            raise RuntimeError("use_gymnasium=True needs `pip install gymnasium`") from exc
        if name == "GridWorld-v0":
            raise ValueError("GridWorld-v0 is this project's own; Gymnasium has FrozenLake-v1")
        return gymnasium.make(name, **kwargs)
    if name not in REGISTRY:
        raise KeyError(f"unknown environment {name!r}; known: {sorted(REGISTRY)}")
    return REGISTRY[name](**kwargs)


__all__ = ["make", "CartPoleEnv", "GridWorldEnv", "Box", "Discrete", "REGISTRY"]
