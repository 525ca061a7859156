"""A/B tests of model versions (milestone 5).

A user must see the same version on every request (otherwise their experience flips and the
experiment measures nothing), in every worker process and after every restart. So the
assignment is a pure function of the user id: hash it with a stable hash into a number in
[0, 1) and cut [0, 1) into one interval per version, in proportion to the weights.
"""
from __future__ import annotations

import hashlib  # noqa: F401
import math  # noqa: F401
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
        """TODO: refuse an empty split or a weight that is not a positive number (ValueError);
        keep ``self.weights`` normalised to sum to 1, in an order that does not depend on the
        order the dict was written in; keep ``self.salt``."""
        raise NotImplementedError("TODO: ABRouter.__init__")

    def bucket(self, user_id: str) -> float:
        """TODO: a number in [0, 1) that depends only on the salt and the user id, the same in
        every process (so not Python's built-in hash())."""
        raise NotImplementedError("TODO: ABRouter.bucket")

    def assign(self, user_id: str) -> str:
        """TODO: the version whose interval of [0, 1) contains ``self.bucket(user_id)``."""
        raise NotImplementedError("TODO: ABRouter.assign")


def two_proportion_ztest(successes_a: int, n_a: int, successes_b: int, n_b: int) -> tuple[float, float]:
    """z statistic and two-sided p-value for "version A and B have the same success rate".

    TODO: the pooled two-proportion z-test, written with ``math`` only. ValueError when a
    group has no trials; (0.0, 1.0) when the pooled rate is 0 or 1.
    """
    raise NotImplementedError("TODO: two_proportion_ztest")
