"""Milestone 1: the intent classifier. Fill in the TODOs."""
from __future__ import annotations

import numpy as np  # noqa: F401

from .data import INTENTS
from .features import FeatureSpace
from .softmax import SoftmaxRegression
from .text import tokenize  # noqa: F401


def intent_features(text: str) -> list[str]:
    """Features of an utterance: lower-cased words (any run of digits becomes ``<num>``, a time
    like 19:30 ``<time>``), ``w=<word>`` for each, and ``b=<w1>_<w2>`` for each pair of
    neighbours, with ``<s>`` and ``</s>`` at the two ends."""
    # TODO: use tokenize (it gives (token, start, end) triples).
    raise NotImplementedError("TODO: intent features")


class IntentClassifier:
    def __init__(self, epochs: int = 300, lr: float = 10.0, l2: float = 1e-5):
        self.space = FeatureSpace()
        self.model = SoftmaxRegression(len(INTENTS), lr=lr, epochs=epochs, l2=l2)

    def fit(self, texts, intents) -> "IntentClassifier":
        # TODO: features of every text -> fit self.space on them -> a sparse matrix -> fit
        #       self.model on it with the class ids INTENTS.index(intent).
        raise NotImplementedError("TODO: fit the intent classifier")

    def predict_proba(self, texts) -> np.ndarray:
        # TODO
        raise NotImplementedError("TODO: intent probabilities")

    def predict(self, texts) -> list[tuple[str, float]]:
        """``[(intent, confidence), ...]``: the most probable intent and its probability."""
        # TODO
        raise NotImplementedError("TODO: predict intents")
