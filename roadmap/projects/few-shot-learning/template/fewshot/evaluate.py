"""Evaluating a few-shot method: many episodes, a mean and a confidence interval.

One episode's accuracy depends a lot on which few support examples were drawn, so a single
episode says little. Few-shot papers report the mean accuracy over hundreds of episodes with
a 95 % confidence interval, where each *episode* counts as one sample.
"""
import math  # noqa: F401

import numpy as np  # noqa: F401
import torch  # noqa: F401

from .data import to_tensor  # noqa: F401
from .episodes import EpisodeSampler  # noqa: F401


def mean_ci(values):
    """``(mean, ci95)`` of per-episode accuracies: the mean and the half-width of a
    normal-approximation 95 % confidence interval (0 for a single value)."""
    # TODO
    raise NotImplementedError("TODO: mean_ci")


def evaluate_episodes(predict, images, labels, classes, n_way=5, k_shot=5, n_query=15,
                      episodes=300, seed=0):
    """Score ``predict`` on ``episodes`` episodes of ``classes`` drawn from ``(images, labels)``.

    ``predict(support_x, support_y, query_x, n_way)`` gets float tensors ``[S, 1, 28, 28]``
    and ``[Q, 1, 28, 28]`` and the support's episode labels (int64 ``[S]``), and returns the
    predicted episode labels of the queries. Episodes come from
    ``EpisodeSampler(labels, n_way, k_shot, n_query, classes, seed)`` in order; the query
    labels are never shown to ``predict``. Returns a dict with ``accuracies`` (one per
    episode), ``mean`` and ``ci95`` (see ``mean_ci``).
    """
    # TODO: convert the images once; one predict call per episode.
    raise NotImplementedError("TODO: evaluate_episodes")


def raw_pixel_predictor():
    """The baseline every method must beat: nearest class mean on the raw pixels."""
    # TODO: return a predict function.
    raise NotImplementedError("TODO: raw_pixel_predictor")
