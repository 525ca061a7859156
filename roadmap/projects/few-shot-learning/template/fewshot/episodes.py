"""N-way K-shot episodes: the unit of few-shot training and evaluation.

An episode is a tiny classification task. Pick N classes, then K labelled *support*
examples and Q unlabelled *query* examples of each. The model sees the support set and must
label the queries. The episode relabels its classes 0..N-1 in a random order, so a model
cannot memorise "class 3 is always label 3": it has to use the support set.
"""
from dataclasses import dataclass

import numpy as np  # noqa: F401


@dataclass
class Episode:
    """Indices into the dataset the sampler was built on, and the episode's labels. Given."""

    classes: np.ndarray  # [N] the original class of episode label 0, 1, ..., N-1
    support: np.ndarray  # [N*K] dataset indices, class-major: K of label 0, then K of label 1, ...
    support_labels: np.ndarray  # [N*K] episode labels 0..N-1
    query: np.ndarray  # [N*Q] dataset indices, class-major as well
    query_labels: np.ndarray  # [N*Q] episode labels 0..N-1


class EpisodeSampler:
    """Draws N-way K-shot episodes from a labelled dataset.

    ``labels`` are the labels of the whole dataset; ``classes`` (default: every label present)
    are the classes episodes may use. Every ``sample()``:

    - picks ``n_way`` different classes among ``classes``, in a random order;
    - for each, picks ``k_shot + n_query`` DIFFERENT examples of that class: the first
      ``k_shot`` go to the support set, the others to the query set, so no example is ever
      both a support and a query;
    - uses the sampler's own generator ``np.random.default_rng(seed)``.

    Raises ``ValueError`` at construction if fewer than ``n_way`` classes are available or a
    class has fewer than ``k_shot + n_query`` examples.
    """

    def __init__(self, labels, n_way, k_shot, n_query, classes=None, seed=0):
        # TODO: keep the arguments, the dataset indices of each allowed class and a generator;
        # check the two conditions above.
        raise NotImplementedError("TODO: EpisodeSampler.__init__")

    def sample(self):
        # TODO: return an Episode (see its fields for the layout).
        raise NotImplementedError("TODO: EpisodeSampler.sample")
