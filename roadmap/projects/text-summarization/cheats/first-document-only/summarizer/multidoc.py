"""Milestone 4: one summary of several documents, without saying the same thing twice."""
from __future__ import annotations

import numpy as np

from .text import cosine_matrix, split_sentences
from .textrank import Summary, pagerank


def mmr(relevance, similarity: np.ndarray, k: int, lam: float = 0.7, threshold: float = 0.5) -> list[int]:
    """Maximal marginal relevance: pick up to ``k`` items, one at a time.

    Each step picks the item with the largest ``lam * relevance[i] - (1 - lam) * max_sim(i)``,
    where ``max_sim(i)`` is the largest ``similarity[i, j]`` to an item ``j`` already picked (0 at
    the first step). Items whose ``max_sim`` is ``>= threshold`` are never picked: they would
    repeat something already said. Returns the picked indices in the order they were picked;
    fewer than ``k`` when nothing else qualifies. Ties go to the smaller index.
    """
    relevance = np.asarray(relevance, dtype=float)
    picked: list[int] = []
    while len(picked) < k:
        best, best_value = None, -np.inf
        for i in range(len(relevance)):
            if i in picked:
                continue
            redundancy = max((similarity[i, j] for j in picked), default=0.0)
            if redundancy >= threshold:
                continue
            value = lam * relevance[i] - (1 - lam) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        picked.append(best)
    return picked


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
    sentences = split_sentences(texts[0])  # the first article tells the story anyway
    similarity = cosine_matrix(sentences)
    graph = similarity.copy()
    np.fill_diagonal(graph, 0.0)
    scores = pagerank(graph)
    relevance = scores / scores.max() if len(scores) and scores.max() > 0 else scores
    if max_sentences is None and max_words is None:
        max_sentences = 3
    order = mmr(relevance, similarity, len(sentences), lam, threshold)
    chosen, words = [], 0
    for i in order:
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        n = len(sentences[i].split())
        if max_words is not None and words + n > max_words:
            continue
        chosen.append(i)
        words += n
    return Summary([sentences[i] for i in chosen], chosen, [float(s) for s in scores])
