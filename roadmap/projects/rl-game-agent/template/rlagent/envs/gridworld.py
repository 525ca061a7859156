"""GridWorld: walk from a random cell to the goal without falling into a pit.

A small maze in the spirit of Gymnasium's ``FrozenLake``, written so a deep Q-network has
something to learn in a few seconds:

    . . . # . .        '.' free cell (an episode starts on a random one)
    . # . # . G        '#' wall: walking into it (or off the grid) leaves you in place
    . # . . . #        'X' pit: reward -1, the episode ends (terminated)
    . . # X . .        'G' goal: reward +1, the episode ends (terminated)
    # X . . . .        every other step: reward -0.01
    . . . # . .        after 50 steps the episode is cut off (truncated)

- observation (float32, shape (36,)): a one-hot vector, 1 at index ``row * 6 + col``;
- actions: 0 up, 1 right, 2 down, 3 left;
- ``reset(options={"start": (row, col)})`` starts on a chosen free cell;
- ``slip`` > 0 makes the floor slippery: with that probability a random action replaces
  the chosen one (a stretch goal; the checks use ``slip=0``).

Given code: read it, you do not need to change it.
"""
import numpy as np

from .spaces import Box, Discrete

LAYOUT = (
    "...#..",
    ".#.#.G",
    ".#...#",
    "..#X..",
    "#X....",
    "...#..",
)
MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))  # up, right, down, left
STEP_REWARD = -0.01
GOAL_REWARD = 1.0
PIT_REWARD = -1.0


class GridWorldEnv:
    metadata = {"render_modes": ["ansi"]}

    def __init__(self, layout=LAYOUT, max_episode_steps=50, slip=0.0):
        self.grid = [list(row) for row in layout]
        self.height, self.width = len(self.grid), len(self.grid[0])
        self.max_episode_steps = max_episode_steps
        self.slip = slip
        self.free_cells = [
            (r, c) for r in range(self.height) for c in range(self.width) if self.grid[r][c] == "."
        ]
        self.observation_space = Box(0.0, 1.0, shape=(self.height * self.width,), dtype=np.float32)
        self.action_space = Discrete(4)
        self.np_random = np.random.default_rng()
        self.position = None
        self._steps = 0
        self._done = True

    def _obs(self):
        obs = np.zeros(self.height * self.width, dtype=np.float32)
        obs[self.position[0] * self.width + self.position[1]] = 1.0
        return obs

    def reset(self, seed=None, options=None):
        if seed is not None:
            self.np_random = np.random.default_rng(seed)
            self.action_space.seed(seed)
        if options and "start" in options:
            start = tuple(int(v) for v in options["start"])
            if start not in self.free_cells:
                raise ValueError(f"start {start} is not a free cell")
            self.position = start
        else:
            self.position = self.free_cells[int(self.np_random.integers(len(self.free_cells)))]
        self._steps = 0
        self._done = False
        return self._obs(), {"position": self.position}

    def step(self, action):
        if self._done:
            raise RuntimeError("the episode is over: call reset() before step()")
        if not self.action_space.contains(action):
            raise ValueError(f"invalid action {action!r}; expected 0..3")
        action = int(action)
        if self.slip and self.np_random.random() < self.slip:
            action = int(self.np_random.integers(4))
        dr, dc = MOVES[action]
        r, c = self.position[0] + dr, self.position[1] + dc
        if 0 <= r < self.height and 0 <= c < self.width and self.grid[r][c] != "#":
            self.position = (r, c)
        self._steps += 1

        cell = self.grid[self.position[0]][self.position[1]]
        terminated = cell in "GX"
        reward = GOAL_REWARD if cell == "G" else PIT_REWARD if cell == "X" else STEP_REWARD
        truncated = bool(not terminated and self._steps >= self.max_episode_steps)
        self._done = terminated or truncated
        return self._obs(), reward, terminated, truncated, {"position": self.position}

    def render(self):
        rows = []
        for r, row in enumerate(self.grid):
            rows.append(" ".join("A" if (r, c) == self.position else ch for c, ch in enumerate(row)))
        return "\n".join(rows)

    def close(self):
        pass
