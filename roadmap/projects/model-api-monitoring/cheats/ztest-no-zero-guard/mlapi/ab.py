"""A/B tests of model versions (milestone 5).

A user must see the same version on every request (otherwise their experience flips and the
experiment measures nothing), in every worker process and after every restart. So the
assignment is a pure function of the user id: hash it with a stable hash into a number in
[0, 1) and cut [0, 1) into one interval per version, in proportion to the weights.
"""
from __future__ import annotations

import hashlib
import math
from typing import Dict


class StaticRouter:
    """Sends everyone to one version (GIVEN; what the app uses when there is no experiment)."""

    def __init__(self, version: str):
        self.version = version
        self.weights = {version: 1.0}

    def assign(self, user_id: str) -> str:
        return self.version


class ABRouter:
    """Sticky, weighted assignment of user ids to model versions."""

    def __init__(self, weights: Dict[str, float], salt: str = "mlapi-ab-1"):
        if not weights:
            raise ValueError("an A/B split needs at least one version")
        if any(not math.isfinite(w) or w <= 0 for w in weights.values()):
            raise ValueError(f"weights must be positive numbers, got {weights}")
        total = float(sum(weights.values()))
        # Sorted names: the intervals do not depend on the order the dict was written in.
        self.weights = {name: weights[name] / total for name in sorted(weights)}
        self.salt = salt

    def bucket(self, user_id: str) -> float:
        """A stable number in [0, 1) for this user and this experiment's salt."""
        digest = hashlib.sha256(f"{self.salt}:{user_id}".encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") / 2.0**64

    def assign(self, user_id: str) -> str:
        point = self.bucket(user_id)
        edge = 0.0
        names = list(self.weights)
        for name in names:
            edge += self.weights[name]
            if point < edge:
                return name
        return names[-1]  # rounding of the last edge


def two_proportion_ztest(successes_a: int, n_a: int, successes_b: int, n_b: int) -> tuple[float, float]:
    """z statistic and two-sided p-value for "version A and B have the same success rate"."""
    if n_a <= 0 or n_b <= 0:
        raise ValueError("both groups need at least one trial")
    if not (0 <= successes_a <= n_a and 0 <= successes_b <= n_b):
        raise ValueError("successes must lie between 0 and the number of trials")
    p_a = successes_a / n_a
    p_b = successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    z = (p_a - p_b) / se
    p_value = math.erfc(abs(z) / math.sqrt(2.0))
    return z, p_value
