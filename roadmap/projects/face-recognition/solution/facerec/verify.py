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
    distances = np.asarray(distances, dtype=np.float64)
    same = np.asarray(same).astype(bool)
    order = np.argsort(distances, kind="stable")
    d, s = distances[order], same[order]
    # accepting everything up to and including position k: TP = same in [0..k], TN = diff after k
    tp = np.cumsum(s)
    tn = (~s).sum() - np.cumsum(~s)
    acc = (tp + tn) / len(d)
    # only the last position of a run of equal distances is a real cut
    last = np.r_[d[1:] != d[:-1], True]
    k = np.flatnonzero(last)[np.argmax(acc[last])]
    return float(d[k])


def threshold_for_far(distances: np.ndarray, same: np.ndarray, far: float = 0.01) -> float:
    """The largest threshold whose false-accept rate on these pairs is at most ``far``.

    A false accept is a different-identity pair with ``distance <= threshold``; at most
    ``floor(far * number of different pairs)`` of them are allowed. The candidates are the
    distances themselves (of both kinds); if even the smallest lets too many in, the result
    is half the smallest distance.
    """
    distances = np.asarray(distances, dtype=np.float64)
    same = np.asarray(same).astype(bool)
    allowed = int(np.floor(far * (~same).sum()))
    order = np.argsort(distances, kind="stable")
    d, s = distances[order], same[order]
    false_accepts = np.cumsum(~s)
    last = np.r_[d[1:] != d[:-1], True]  # only whole runs of equal distances can be accepted
    ok = np.flatnonzero(last & (false_accepts <= allowed))
    return float(d[ok[-1]]) if len(ok) else float(d[0] / 2)


def verification_accuracy(distances: np.ndarray, same: np.ndarray, threshold: float) -> float:
    """Share of pairs judged right by "same iff distance <= threshold". (Given.)"""
    return float(np.mean((np.asarray(distances) <= threshold) == np.asarray(same).astype(bool)))
