"""The tests' own environments and rollouts: the referee.

Agents are graded here, in environment instances the tests build, with seeds the tests
pick, and with actions the tests compute from the agent's network outputs. Nothing an
agent reports about itself is trusted. These classes follow the same rules as
``rlagent.envs`` (written independently, so changing the package's environments changes
nothing here).
"""
import math

import numpy as np
import torch


class RefCartPole:
    """CartPole-v1's physics and rules (see rlagent/envs/cartpole.py for the description).

    With ``swap_actions=True``, action 0 pushes the cart to the right and 1 to the left: the
    same task, but a controller written by hand for CartPole-v1's actions pushes the wrong way.
    """

    def __init__(self, max_episode_steps=500, swap_actions=False):
        self.max_episode_steps = max_episode_steps
        self.right = 0 if swap_actions else 1
        self.rng = np.random.default_rng()
        self.observation_space = type("Box", (), {"shape": (4,)})()
        self.action_space = type("Discrete", (), {"n": 2})()
        self.steps_taken = 0  # counted over the whole life of the instance

    def reset(self, seed=None, options=None):
        if seed is not None:
            self.rng = np.random.default_rng(seed)
        self.s = self.rng.uniform(-0.05, 0.05, size=4)
        self.t = 0
        self.over = False
        return self.s.astype(np.float32), {}

    def step(self, action):
        assert not self.over, "step() after the episode ended"
        assert int(action) in (0, 1), f"invalid action {action!r}"
        x, xd, th, thd = self.s
        f = 10.0 if int(action) == self.right else -10.0
        c, s = math.cos(th), math.sin(th)
        tmp = (f + 0.05 * thd * thd * s) / 1.1
        tha = (9.8 * s - c * tmp) / (0.5 * (4.0 / 3.0 - 0.1 * c * c / 1.1))
        xa = tmp - 0.05 * tha * c / 1.1
        self.s = np.array([x + 0.02 * xd, xd + 0.02 * xa, th + 0.02 * thd, thd + 0.02 * tha])
        self.t += 1
        self.steps_taken += 1
        term = bool(abs(self.s[0]) > 2.4 or abs(self.s[2]) > 12 * 2 * math.pi / 360)
        trunc = bool(not term and self.t >= self.max_episode_steps)
        self.over = term or trunc
        return self.s.astype(np.float32), 1.0, term, trunc, {}

    def close(self):
        pass


MAZE = ("...#..", ".#.#.G", ".#...#", "..#X..", "#X....", "...#..")
# The maze the DQN is trained and graded on: GridWorld-v0's maze upside down (the same task,
# with the goal, the pits and the walls in other cells). An agent that learns from its own
# experience solves it just as well; a Q-table worked out from the package's maze does not.
TEST_MAZE = MAZE[::-1]


class RefGridWorld:
    """GridWorld-v0's rules (see rlagent/envs/gridworld.py for the description), on
    GridWorld-v0's maze or on another 6x6 ``maze`` the test picks."""

    def __init__(self, max_episode_steps=50, maze=MAZE):
        self.max_episode_steps = max_episode_steps
        self._maze = tuple(maze)
        self.cells = [(r, c) for r in range(6) for c in range(6) if self._maze[r][c] == "."]
        self.rng = np.random.default_rng()
        self.observation_space = type("Box", (), {"shape": (36,)})()
        self.action_space = type("Discrete", (), {"n": 4})()
        self.steps_taken = 0

    def _obs(self):
        o = np.zeros(36, dtype=np.float32)
        o[self.pos[0] * 6 + self.pos[1]] = 1.0
        return o

    def reset(self, seed=None, options=None):
        if seed is not None:
            self.rng = np.random.default_rng(seed)
        if options and "start" in options:
            self.pos = tuple(options["start"])
        else:
            self.pos = self.cells[int(self.rng.integers(len(self.cells)))]
        self.t = 0
        self.over = False
        return self._obs(), {"position": self.pos}

    def step(self, action):
        assert not self.over, "step() after the episode ended"
        assert int(action) in (0, 1, 2, 3), f"invalid action {action!r}"
        dr, dc = ((-1, 0), (0, 1), (1, 0), (0, -1))[int(action)]
        r, c = self.pos[0] + dr, self.pos[1] + dc
        if 0 <= r < 6 and 0 <= c < 6 and self._maze[r][c] != "#":
            self.pos = (r, c)
        self.t += 1
        self.steps_taken += 1
        cell = self._maze[self.pos[0]][self.pos[1]]
        term = cell in "GX"
        reward = 1.0 if cell == "G" else -1.0 if cell == "X" else -0.01
        trunc = bool(not term and self.t >= self.max_episode_steps)
        self.over = term or trunc
        return self._obs(), reward, term, trunc, {"position": self.pos}

    def close(self):
        pass


def shortest_paths(maze=MAZE):
    """Steps from every free cell of ``maze`` to the goal (breadth-first search, avoiding pits)."""
    goal = next((r, c) for r in range(6) for c in range(6) if maze[r][c] == "G")
    dist, frontier = {goal: 0}, [goal]
    while frontier:
        nxt = []
        for r, c in frontier:
            for dr, dc in ((-1, 0), (0, 1), (1, 0), (0, -1)):
                n = (r + dr, c + dc)
                if 0 <= n[0] < 6 and 0 <= n[1] < 6 and maze[n[0]][n[1]] == "." and n not in dist:
                    dist[n] = dist[(r, c)] + 1
                    nxt.append(n)
        frontier = nxt
    return {cell: d for cell, d in dist.items() if cell != goal}


def network_policy(net):
    """Greedy actions computed by the referee from the network's raw outputs."""
    net = net.eval()

    def act(obs):
        with torch.no_grad():
            out = net(torch.as_tensor(obs, dtype=torch.float32).unsqueeze(0))
        return int(torch.argmax(out.reshape(-1)).item())

    return act


def play(env, policy, seed=None, options=None):
    """One episode; returns (total reward, steps, last reward)."""
    obs, _ = env.reset(seed=seed, options=options)
    total, steps = 0.0, 0
    while True:
        obs, reward, term, trunc, _ = env.step(policy(obs))
        total += reward
        steps += 1
        if term or trunc:
            return total, steps, reward
