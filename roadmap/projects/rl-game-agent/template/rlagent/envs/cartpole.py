"""CartPole: balance a pole on a cart by pushing the cart left or right.

The classic control task of Barto, Sutton and Anderson (1983), with the same physics,
constants, observation, reward and episode rules as Gymnasium's ``CartPole-v1``:

- observation (float32, shape (4,)): cart position x, cart velocity, pole angle theta
  (radians, 0 = upright), pole angular velocity;
- actions: 0 pushes the cart to the left, 1 to the right (a force of 10 N for 0.02 s);
- reward: +1 for every step, including the one that ends the episode;
- terminated: the pole leans more than 12 degrees or the cart leaves [-2.4, 2.4];
- truncated: 500 steps have passed (the time limit; the pole did NOT fall).

Given code: read it, you do not need to change it.
"""
import math

import numpy as np

from .spaces import Box, Discrete


class CartPoleEnv:
    metadata = {"render_modes": ["ansi"]}

    gravity = 9.8
    mass_cart = 1.0
    mass_pole = 0.1
    half_length = 0.5  # half the pole's length (m)
    force_mag = 10.0
    tau = 0.02  # seconds per step (explicit Euler integration)
    theta_threshold = 12 * 2 * math.pi / 360
    x_threshold = 2.4

    def __init__(self, max_episode_steps=500):
        self.max_episode_steps = max_episode_steps
        high = np.array(
            [self.x_threshold * 2, np.inf, self.theta_threshold * 2, np.inf], dtype=np.float32
        )
        self.observation_space = Box(-high, high, dtype=np.float32)
        self.action_space = Discrete(2)
        self.np_random = np.random.default_rng()
        self.state = None
        self._steps = 0
        self._done = True

    def reset(self, seed=None, options=None):
        """Start an episode. ``seed`` re-seeds the environment's random generator."""
        if seed is not None:
            self.np_random = np.random.default_rng(seed)
            self.action_space.seed(seed)
        self.state = self.np_random.uniform(-0.05, 0.05, size=4)
        self._steps = 0
        self._done = False
        return self.state.astype(np.float32), {}

    def step(self, action):
        if self._done:
            raise RuntimeError("the episode is over: call reset() before step()")
        if not self.action_space.contains(action):
            raise ValueError(f"invalid action {action!r}; expected 0 or 1")
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if int(action) == 1 else -self.force_mag
        cos, sin = math.cos(theta), math.sin(theta)
        total_mass = self.mass_cart + self.mass_pole
        pole_mass_length = self.mass_pole * self.half_length
        temp = (force + pole_mass_length * theta_dot**2 * sin) / total_mass
        theta_acc = (self.gravity * sin - cos * temp) / (
            self.half_length * (4.0 / 3.0 - self.mass_pole * cos**2 / total_mass)
        )
        x_acc = temp - pole_mass_length * theta_acc * cos / total_mass
        x = x + self.tau * x_dot
        x_dot = x_dot + self.tau * x_acc
        theta = theta + self.tau * theta_dot
        theta_dot = theta_dot + self.tau * theta_acc
        self.state = np.array([x, x_dot, theta, theta_dot])
        self._steps += 1

        terminated = bool(abs(x) > self.x_threshold or abs(theta) > self.theta_threshold)
        truncated = bool(not terminated and self._steps >= self.max_episode_steps)
        self._done = terminated or truncated
        return self.state.astype(np.float32), 1.0, terminated, truncated, {}

    def render(self):
        x, _, theta, _ = self.state
        pos = int(round((x + self.x_threshold) / (2 * self.x_threshold) * 40))
        return " " * pos + f"[cart] pole {math.degrees(theta):+5.1f} deg"

    def close(self):
        pass
