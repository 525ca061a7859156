"""Verification: distances between pairs, and the threshold that separates same from different.

Milestone 3.
"""
from __future__ import annotations

import numpy as np


def make_pairs(labels: np.ndarray, n_different: int, rng: np.random.Generator):
    """Every same-identity pair ``i < j``, plus ``n_different`` random different-identity pairs.

    Returns ``(pairs int [M, 2], same bool [M])``. (Given.)
    """
    labels = np.asarray(labels)
    same = [(i, j) for i in range(len(labels)) for j in range(i + 1, len(labels)) if labels[i] == labels[j]]
    diff = set()
    while len(diff) < n_different:
        i, j = (int(v) for v in rng.integers(len(labels), size=2))
        if labels[i] != labels[j]:
            diff.add((min(i, j), max(i, j)))
    pairs = np.array(same + sorted(diff), dtype=np.int64).reshape(-1, 2)
    return pairs, np.array([True] * len(same) + [False] * len(diff))


def pair_distances(embeddings: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Euclidean distance of each pair of rows. (Given.)"""
    return np.linalg.norm(embeddings[pairs[:, 0]] - embeddings[pairs[:, 1]], axis=1)


def tune_threshold(distances: np.ndarray, same: np.ndarray) -> float:
    """The threshold ``t`` that maximises the accuracy of "same identity iff distance <= t".

    The candidates are the distances themselves; when several give the best accuracy, the
    smallest wins (the stricter one: fewer strangers let in).
    """
    # TODO: sort the distances; for every cut count the same pairs accepted and the
    #       different pairs rejected; keep the best (the smallest on ties). Equal distances
    #       cannot be split.
    raise NotImplementedError("TODO: tune_threshold")


def threshold_for_far(distances: np.ndarray, same: np.ndarray, far: float = 0.01) -> float:
    """The largest threshold whose false-accept rate on these pairs is at most ``far``.

    A false accept is a different-identity pair with ``distance <= threshold``; at most
    ``floor(far * number of different pairs)`` of them are allowed. The candidates are the
    distances themselves (of both kinds); if even the smallest lets too many in, the result
    is half the smallest distance.
    """
    # TODO: sort; count the false accepts up to each distance; keep the largest distance
    #       (at the end of a run of equal ones) that stays within the allowance.
    raise NotImplementedError("TODO: threshold_for_far")


def verification_accuracy(distances: np.ndarray, same: np.ndarray, threshold: float) -> float:
    """Share of pairs judged right by "same iff distance <= threshold". (Given.)"""
    return float(np.mean((np.asarray(distances) <= threshold) == np.asarray(same).astype(bool)))
