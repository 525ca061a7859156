"""Milestone 2: sentences, content words and two sentence similarities."""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

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

_SENTENCE = re.compile(r'\S.*?(?:[.!?]+["\u201d\')]*(?=\s+["\u201c(]?[A-Z0-9])|$)', re.S)
_WORD = re.compile(r"[a-z0-9]+")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets right after it)
    when white space and then a capital letter, a digit or an opening quote follow, or at the end
    of the text. Sentences come back stripped, and there are never empty ones. "3.5 metres" and
    "e.g. this" do not end a sentence.
    """
    return [m.group(0).strip() for m in _SENTENCE.finditer(text.strip()) if m.group(0).strip()]


def content_words(sentence: str) -> list[str]:
    """Lower-cased ``[a-z0-9]+`` words of ``sentence`` that are not in ``STOPWORDS`` (in order)."""
    return [w for w in _WORD.findall(sentence.lower()) if w not in STOPWORDS]


def overlap_similarity(a: str, b: str) -> float:
    """TextRank's similarity (Mihalcea and Tarau, 2004) of two sentences.

    The number of distinct content words the two share, divided by ``log(n_a) + log(n_b)``,
    where ``n_a`` and ``n_b`` count each sentence's distinct content words. It is 0 when either
    sentence has fewer than two distinct content words (the log would be 0).
    """
    return _overlap(set(content_words(a)), set(content_words(b)))


def _overlap(wa: set, wb: set) -> float:
    if len(wa) < 2 or len(wb) < 2:
        return 0.0
    return len(wa & wb) / (math.log(len(wa)) + math.log(len(wb)))


def similarity_matrix(sentences: list[str]) -> np.ndarray:
    """``[n, n]`` matrix of ``overlap_similarity``, with 0 on the diagonal.

    Work out each sentence's content words once, not once per pair: a 200-sentence document has
    about 20,000 pairs.
    """
    sets = [set(content_words(s)) for s in sentences]
    n = len(sentences)
    m = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = m[j, i] = _overlap(sets[i], sets[j])
    return m


def tfidf_matrix(sentences: list[str]) -> np.ndarray:
    """One L2-normalised TF-IDF row per sentence (scikit-learn does the counting and the weights)."""
    if not any(content_words(s) for s in sentences):
        return np.zeros((len(sentences), 0))
    return TfidfVectorizer(analyzer=content_words).fit_transform(sentences).toarray()


def cosine_matrix(sentences: list[str]) -> np.ndarray:
    """``[n, n]`` cosine similarities of the TF-IDF rows (1 on the diagonal of non-empty rows)."""
    m = tfidf_matrix(sentences)
    return m @ m.T
