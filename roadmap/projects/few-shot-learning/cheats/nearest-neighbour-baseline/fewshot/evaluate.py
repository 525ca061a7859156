"""Evaluating a few-shot method: many episodes, a mean and a confidence interval.

One episode's accuracy depends a lot on which few support examples were drawn, so a single
episode says little. Few-shot papers report the mean accuracy over hundreds of episodes with
a 95 % confidence interval, where each *episode* counts as one sample.
"""
import math

import numpy as np
import torch

from .data import to_tensor
from .episodes import EpisodeSampler


def mean_ci(values):
    """``(mean, ci95)`` of per-episode accuracies: the mean and the half-width of a
    normal-approximation 95 % confidence interval (0 for a single value)."""
    x = np.asarray(values, dtype=float)
    if x.size < 2:
        return float(x.mean()), 0.0
    return float(x.mean()), float(1.96 * x.std(ddof=1) / math.sqrt(x.size))


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
    x_all = to_tensor(images)
    sampler = EpisodeSampler(labels, n_way, k_shot, n_query, classes=classes, seed=seed)
    accuracies = []
    for _ in range(episodes):
        ep = sampler.sample()
        pred = predict(x_all[ep.support], torch.as_tensor(ep.support_labels), x_all[ep.query], n_way)
        accuracies.append(float((np.asarray(pred) == ep.query_labels).mean()))
    mean, ci95 = mean_ci(accuracies)
    return {"accuracies": accuracies, "mean": mean, "ci95": ci95}


def raw_pixel_predictor():
    """The baseline every method must beat: nearest class mean on the raw pixels."""

    def predict(support_x, support_y, query_x, n_way):
        s = support_x.reshape(len(support_x), -1)
        q = query_x.reshape(len(query_x), -1)
        y = torch.as_tensor(support_y).long()
        # Lazy: the label of the single nearest support image, no class means at all.
        return y[torch.cdist(q, s).argmin(dim=1)]

    return predict
