"""Milestone 2: entity extraction, a token classifier with BIO tags. Fill in the TODOs."""
from __future__ import annotations

from .data import ENTITY_TYPES
from .features import FeatureSpace
from .softmax import SoftmaxRegression
from .text import bio_tags, tokenize  # noqa: F401

TAGS = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))


def token_features(tokens: list[str], i: int) -> list[str]:
    """The features of ``tokens[i]`` for the tagger: a list of distinct strings.

    Design them yourself. The checks only ask that the context matters ("for 4" and "at 4" give
    "4" different features) and that the shape does ("Okafor" and "okafor" differ). What helps
    here: the lower-cased word, its shape (digits, a time, a capital letter), the words around
    it, and a few combinations of those.
    """
    # TODO
    raise NotImplementedError("TODO: token features")


def bio_to_spans(tokens, tags) -> list[tuple[str, int, int]]:
    """``tokens`` as ``tokenize`` gives them (with offsets), ``tags`` one per token.

    A ``B-x`` starts an entity of type x; ``I-x`` continues an entity of type x, or starts one
    when the previous tag is not of type x (a lenient reading of a slightly wrong sequence).
    Returns ``[(type, start, end), ...]`` character spans, in order.
    """
    # TODO: walk the tags, keeping the entity that is open (if any).
    raise NotImplementedError("TODO: BIO tags to spans")


class EntityTagger:
    def __init__(self, epochs: int = 300, lr: float = 10.0, l2: float = 1e-5):
        self.space = FeatureSpace()
        self.model = SoftmaxRegression(len(TAGS), lr=lr, epochs=epochs, l2=l2)

    def fit(self, utterances) -> "EntityTagger":
        # TODO: one training row per token of every utterance (bio_tags gives the tokens and
        #       their tags), then fit the feature space and the model as for intents.
        raise NotImplementedError("TODO: fit the tagger")

    def predict(self, text: str) -> list[tuple[str, int, int]]:
        # TODO: tag every token with its most probable tag, then bio_to_spans.
        raise NotImplementedError("TODO: tag a text")
