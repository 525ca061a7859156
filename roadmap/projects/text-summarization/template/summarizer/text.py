"""Milestone 2: sentences, content words and two sentence similarities. Fill in the TODOs."""
from __future__ import annotations

import math  # noqa: F401
import re
from collections import Counter  # noqa: F401

import numpy as np

# Words too common to say what a sentence is about (GIVEN).
STOPWORDS = frozenset("""
a about after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says one two also like new
""".split())

_WORD = re.compile(r"[a-z0-9]+")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets right after it)
    when white space and then a capital letter, a digit or an opening quote follow, or at the end
    of the text. Sentences come back stripped, and there are never empty ones. "3.5 metres" and
    "e.g. this" do not end a sentence.
    """
    # TODO: one way is a regular expression that matches a whole sentence, used with finditer.
    raise NotImplementedError("TODO: split into sentences")


def content_words(sentence: str) -> list[str]:
    """Lower-cased ``[a-z0-9]+`` words of ``sentence`` that are not in ``STOPWORDS`` (in order)."""
    # TODO
    raise NotImplementedError("TODO: content words")


def overlap_similarity(a: str, b: str) -> float:
    """TextRank's similarity (Mihalcea and Tarau, 2004) of two sentences.

    The number of distinct content words the two share, divided by ``log(n_a) + log(n_b)``,
    where ``n_a`` and ``n_b`` count each sentence's distinct content words. It is 0 when either
    sentence has fewer than two distinct content words (the log would be 0).
    """
    # TODO
    raise NotImplementedError("TODO: TextRank's sentence similarity")


def similarity_matrix(sentences: list[str]) -> np.ndarray:
    """``[n, n]`` matrix of ``overlap_similarity``, with 0 on the diagonal.

    Work out each sentence's content words once, not once per pair: a 200-sentence document has
    about 20,000 pairs.
    """
    # TODO: a symmetric matrix; fill each pair once.
    raise NotImplementedError("TODO: the similarity matrix")


def tfidf_matrix(sentences: list[str]) -> np.ndarray:
    """One L2-normalised TF-IDF row per sentence, over the sorted content-word vocabulary.

    ``tf`` is the count of the word in the sentence, ``idf = log((1 + n) / (1 + df)) + 1`` with
    ``n`` sentences and ``df`` the number of sentences containing the word (scikit-learn's
    smoothed idf). A sentence with no content words is a row of zeros.
    """
    # TODO: count words per sentence, document frequencies, weight, then normalise each row
    #       (leave a zero row as it is).
    raise NotImplementedError("TODO: TF-IDF rows")


def cosine_matrix(sentences: list[str]) -> np.ndarray:
    """``[n, n]`` cosine similarities of the TF-IDF rows (1 on the diagonal of non-empty rows)."""
    # TODO
    raise NotImplementedError("TODO: cosine similarities")
