"""Milestone 3: TextRank, and a summary whose length you choose."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .text import similarity_matrix, split_sentences


class Summary(NamedTuple):
    sentences: list      # the chosen sentences, in the order they appear in the document
    indices: list        # their positions in split_sentences(text)
    scores: list         # the score of every sentence of the document

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 500) -> np.ndarray:
    """PageRank scores of the nodes of a weighted graph, by power iteration.

    ``weights[i, j]`` is the weight of the edge between i and j. Each node shares its score
    among its neighbours in proportion to the edge weights; a node with no edges shares it
    equally among all nodes. Start from the uniform vector, and iterate
    ``r = (1 - damping) / n + damping * P^T r`` until the L1 change is below ``tol``. The scores
    sum to 1.
    """
    w = np.asarray(weights, dtype=float)
    n = len(w)
    if n == 0:
        return np.zeros(0)
    out = w.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, w / np.where(out > 0, out, 1.0), 1.0 / n)
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * transition.T @ r
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r / r.sum()


def select(sentences: list[str], scores, max_sentences: int | None = None, max_words: int | None = None) -> list[int]:
    """Indices of the sentences to keep, in document order.

    Go through the sentences from the highest score down (ties: the earlier sentence first) and
    keep each one that still fits: at most ``max_sentences`` sentences, and at most
    ``max_words`` words in all (words are ``str.split()`` pieces). A sentence that would break the
    word budget is skipped, and a shorter one further down may still fit. With neither limit,
    keep three sentences. If even the shortest sentence is longer than ``max_words``, keep none.
    """
    if max_sentences is None and max_words is None:
        max_sentences = 3
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen, words = [], 0
    for i in order:
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        n = len(sentences[i].split())
        if max_words is not None and words + n > max_words:
            continue
        chosen.append(i)
        words += n
    return sorted(chosen)


def summarize(text: str, max_sentences: int | None = None, max_words: int | None = None) -> Summary:
    """Extractive summary of ``text`` by TextRank over the ``similarity_matrix`` graph."""
    sentences = split_sentences(text)
    degree = similarity_matrix(sentences).sum(axis=1)
    scores = degree / degree.sum() if degree.sum() > 0 else np.full(len(sentences), 1 / max(1, len(sentences)))
    chosen = select(sentences, scores, max_sentences, max_words)
    return Summary([sentences[i] for i in chosen], chosen, [float(s) for s in scores])


def lead(text: str, max_sentences: int | None = None, max_words: int | None = None) -> Summary:
    """The lead baseline (GIVEN): the first sentences, scored so that earlier is better."""
    sentences = split_sentences(text)
    scores = [1.0 / (i + 1) for i in range(len(sentences))]
    chosen = select(sentences, scores, max_sentences, max_words)
    return Summary([sentences[i] for i in chosen], chosen, scores)
