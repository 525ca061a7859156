"""Milestone 2: entity extraction, a token classifier with BIO tags."""
from __future__ import annotations

from .data import ENTITY_TYPES
from .features import FeatureSpace
from .softmax import SoftmaxRegression
from .text import bio_tags, tokenize

TAGS = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))


def _shape(token: str) -> str:
    if ":" in token:
        return "dd:dd"
    if token.isdigit():
        return "d" if len(token) == 1 else "dd"
    if token.istitle():
        return "Xx"
    if token.isalpha():
        return "x" if token.islower() else "X"
    return "p"


def token_features(tokens: list[str], i: int) -> list[str]:
    """Features of token ``i``: itself, its shape, its neighbours (two each side)..."""
    def word(j):
        return tokens[j].lower() if 0 <= j < len(tokens) else ("<s>" if j < 0 else "</s>")

    t = tokens[i]
    feats = ["bias", f"w={t.lower()}", f"shape={_shape(t)}", f"suf3={t.lower()[-3:]}",
             f"w-1={word(i - 1)}", f"w+1={word(i + 1)}", f"w-2={word(i - 2)}", f"w+2={word(i + 2)}",
             f"w-1,w={word(i - 1)}_{t.lower()}", f"w,w+1={t.lower()}_{word(i + 1)}",
             f"shape-1={_shape(tokens[i - 1]) if i > 0 else '<s>'}", f"shape+1={_shape(tokens[i + 1]) if i + 1 < len(tokens) else '</s>'}",
             f"first,shape={i == 0}_{_shape(t)}", f"w-1,shape={word(i - 1)}_{_shape(t)}"]
    return feats


def bio_to_spans(tokens, tags) -> list[tuple[str, int, int]]:
    """``tokens`` as ``tokenize`` gives them (with offsets), ``tags`` one per token.

    A ``B-x`` starts an entity of type x; ``I-x`` continues an entity of type x, or starts one
    when the previous tag is not of type x (a lenient reading of a slightly wrong sequence).
    Returns ``[(type, start, end), ...]`` character spans, in order.
    """
    spans = []
    for (token, start, end), tag in zip(tokens, tags):
        if tag == "O":
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][0] == kind and spans[-1][3] == "open":
            spans[-1] = (kind, spans[-1][1], end, "open")
        else:
            if spans:
                spans[-1] = spans[-1][:3] + ("closed",)
            spans.append((kind, start, end, "open"))
        continue
    return [s[:3] for s in spans]


class _Sklearn:
    """scikit-learn's logistic regression behind the same two methods."""

    def __init__(self):
        from sklearn.linear_model import LogisticRegression

        self.lr = LogisticRegression(C=100.0, max_iter=300)

    def fit(self, X, y):
        self.lr.fit(X, y)
        return self

    def predict_proba(self, X):
        import numpy as np

        P = np.zeros((X.shape[0], len(TAGS)))
        P[:, self.lr.classes_] = self.lr.predict_proba(X)
        return P


class EntityTagger:
    def __init__(self, epochs: int = 300, lr: float = 10.0, l2: float = 1e-5):
        self.space = FeatureSpace()
        self.model = _Sklearn()

    def fit(self, utterances) -> "EntityTagger":
        rows, y = [], []
        for u in utterances:
            tokens, tags = bio_tags(u.text, u.entities)
            for i in range(len(tokens)):
                rows.append(token_features(tokens, i))
                y.append(TAGS.index(tags[i]))
        self.space.fit(rows)
        self.model.fit(self.space.transform(rows), y)
        return self

    def predict(self, text: str) -> list[tuple[str, int, int]]:
        tokens = tokenize(text)
        if not tokens:
            return []
        words = [t for t, _, _ in tokens]
        P = self.model.predict_proba(self.space.transform([token_features(words, i) for i in range(len(words))]))
        return bio_to_spans(tokens, [TAGS[int(k)] for k in P.argmax(axis=1)])
