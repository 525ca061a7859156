"""Milestone 1: ROUGE-1, ROUGE-2 and ROUGE-L, written from their definitions. Fill in the TODOs.

ROUGE compares a candidate summary with a reference summary by the words they share:

- ROUGE-N counts the n-grams the two have in common (each n-gram at most as often as it occurs
  in either: "clipped" counts). Recall divides by the reference's n-gram count, precision by the
  candidate's, and F1 is their harmonic mean.
- ROUGE-L uses the longest common subsequence (LCS) of the two word sequences: the longest list
  of words that appear in both in the same order, not necessarily next to each other.

Tokens: lower-cased runs of ``[a-z0-9]`` (``tokens``); no stemming and no stop-word removal.
A score with nothing to compare (an empty candidate or reference) is 0.
"""
from __future__ import annotations

import re
from collections import Counter  # noqa: F401
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")


class Score(NamedTuple):
    precision: float
    recall: float
    fmeasure: float


def tokens(text: str) -> list[str]:
    """The ROUGE tokens of ``text``: lower-cased runs of ``[a-z0-9]``."""
    return _WORD.findall(text.lower())


def ngrams(words: list[str], n: int) -> Counter:
    """A Counter of the n-grams (tuples of n words) of ``words``."""
    # TODO
    raise NotImplementedError("TODO: count the n-grams")


def _score(overlap: int, candidate_total: int, reference_total: int) -> Score:
    if overlap == 0 or candidate_total == 0 or reference_total == 0:
        return Score(0.0, 0.0, 0.0)
    p, r = overlap / candidate_total, overlap / reference_total
    return Score(p, r, 2 * p * r / (p + r))


def rouge_n(candidate: str, reference: str, n: int = 1) -> Score:
    """ROUGE-N of ``candidate`` against ``reference`` with clipped n-gram counts."""
    # TODO: the clipped overlap of the two n-gram Counters, then _score(...).
    raise NotImplementedError("TODO: ROUGE-N")


def lcs_length(a: list, b: list) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (dynamic programming)."""
    # TODO: fill a table where cell (i, j) is the LCS length of a[:i] and b[:j].
    raise NotImplementedError("TODO: longest common subsequence")


def rouge_l(candidate: str, reference: str) -> Score:
    """ROUGE-L: precision LCS / len(candidate), recall LCS / len(reference), and their F1."""
    # TODO
    raise NotImplementedError("TODO: ROUGE-L")


def rouge_scores(candidate: str, reference: str) -> dict:
    """``{"rouge1": Score, "rouge2": Score, "rougeL": Score}`` (GIVEN)."""
    return {"rouge1": rouge_n(candidate, reference, 1), "rouge2": rouge_n(candidate, reference, 2),
            "rougeL": rouge_l(candidate, reference)}
