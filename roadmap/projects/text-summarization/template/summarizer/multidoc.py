"""Milestone 4: one summary of several documents, without saying the same thing twice.

Fill in ``mmr`` and ``summarize_many``.
"""
from __future__ import annotations

import numpy as np

from .text import cosine_matrix, split_sentences  # noqa: F401
from .textrank import Summary, pagerank  # noqa: F401


def mmr(relevance, similarity: np.ndarray, k: int, lam: float = 0.7, threshold: float = 0.5) -> list[int]:
    """Maximal marginal relevance: pick up to ``k`` items, one at a time.

    Each step picks the item with the largest ``lam * relevance[i] - (1 - lam) * max_sim(i)``,
    where ``max_sim(i)`` is the largest ``similarity[i, j]`` to an item ``j`` already picked (0 at
    the first step). Items whose ``max_sim`` is ``>= threshold`` are never picked: they would
    repeat something already said. Returns the picked indices in the order they were picked;
    fewer than ``k`` when nothing else qualifies. Ties go to the smaller index.
    """
    # TODO
    raise NotImplementedError("TODO: maximal marginal relevance")


def summarize_many(texts: list[str], max_sentences: int | None = None, max_words: int | None = None,
                   lam: float = 0.7, threshold: float = 0.5) -> Summary:
    """Multi-document summary: TextRank over all the sentences of all ``texts``, then MMR.

    Relevance is the PageRank score of each sentence in the graph of TF-IDF cosine similarities
    (diagonal set to 0) between all sentences of all documents, divided by the largest score.
    MMR uses the same cosine similarities for redundancy. Keep picking in MMR order while the
    limits allow (``max_sentences``, ``max_words`` as in ``textrank.select``; three sentences
    with neither), skipping a sentence that would break the word budget. The result lists the
    sentences in the order they were picked; ``indices`` count through the sentences of all
    documents, first document first.
    """
    # TODO
    raise NotImplementedError("TODO: multi-document summary")
