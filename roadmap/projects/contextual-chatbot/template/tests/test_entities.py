"""Milestone 2: entity extraction with BIO tags."""
import sys

import numpy as np

from chatbot.entities import TAGS, EntityTagger, bio_to_spans, token_features
from chatbot.softmax import SoftmaxRegression
from chatbot.text import tokenize

ENTITY_BAR = 0.88   # the regular expressions in chatbot/baselines.py get 0.76


def test_token_features_see_the_context():
    a = token_features(["table", "for", "4"], 2)
    b = token_features(["table", "at", "4"], 2)
    assert isinstance(a, list) and all(isinstance(f, str) for f in a) and len(a) == len(set(a))
    assert a != b, "the same token with different neighbours must get different features ('for 4' vs 'at 4')"
    assert token_features(["Okafor"], 0) != token_features(["okafor"], 0), "the shape (capital letter) is a feature"
    assert "B-people" in TAGS and "I-time" in TAGS and TAGS[0] == "O"


def test_bio_to_spans_hand_computed():
    text = "table for 4 at half past seven tomorrow"
    tokens = tokenize(text)
    tags = ["O", "O", "B-people", "O", "B-time", "I-time", "I-time", "B-date"]
    spans = bio_to_spans(tokens, tags)
    assert spans == [("people", 10, 11), ("time", 15, 30), ("date", 31, 39)], f"got {spans}"
    assert [text[s:e] for _, s, e in spans] == ["4", "half past seven", "tomorrow"]
    # Lenient: an I- after O starts an entity; a change of type starts a new one; B after B splits.
    text = "Grace Okafor at 7 pm"
    tokens = tokenize(text)
    assert bio_to_spans(tokens, ["I-name", "I-name", "O", "B-time", "I-time"]) == [("name", 0, 12), ("time", 16, 20)]
    assert bio_to_spans(tokens, ["B-name", "B-name", "O", "B-people", "I-time"]) == [
        ("name", 0, 5), ("name", 6, 12), ("people", 16, 17), ("time", 18, 20)]
    assert bio_to_spans(tokens, ["O"] * 5) == []


def _f1(gold, predicted):
    tp = sum(len(set(g) & set(p)) for g, p in zip(gold, predicted))
    fp = sum(len(set(p) - set(g)) for g, p in zip(gold, predicted))
    fn = sum(len(set(g) - set(p)) for g, p in zip(gold, predicted))
    return 2 * tp / max(1, 2 * tp + fp + fn)


def test_entity_f1_on_heldout(trained, splits):
    nlu = trained()["nlu"]
    test = splits["test"]
    predicted = [nlu.tagger.predict(u.text) for u in test]
    f1 = _f1([u.entities for u in test], predicted)
    assert f1 >= ENTITY_BAR, f"held-out entity F1 (exact spans and types) is {f1:.3f}, below {ENTITY_BAR} (regex: 0.76)"
    unseen = [(u, p) for u, p in zip(test, predicted) if any(k == "name" for k, _, _ in u.entities)]
    names = _f1([[e for e in u.entities if e[0] == "name"] for u, _ in unseen], [[e for e in p if e[0] == "name"] for _, p in unseen])
    assert names >= 0.7, f"F1 on names never seen in training is {names:.3f}: use the context and the shape"


def test_tagger_is_your_softmax_regression(monkeypatch, splits):
    for name in ("sklearn", "sklearn.linear_model", "torch", "scipy.optimize"):
        monkeypatch.setitem(sys.modules, name, None)  # the tagger is built on your own softmax regression
    tagger = EntityTagger(epochs=20).fit(splits["train"][:40])
    assert isinstance(tagger.model, SoftmaxRegression), "the entity tagger is your SoftmaxRegression"
    assert tagger.model.W is not None and tagger.model.W.shape[1] == len(TAGS), "fit trains that model"
    text = "table for 4 at 7 pm under Okafor"
    assert tagger.predict(text), "a table for 4 at 7 pm under Okafor has entities"

    def everything_is_a_name(X):
        P = np.zeros((X.shape[0], len(TAGS)))
        P[:, TAGS.index("B-name")] = 1.0
        return P

    monkeypatch.setattr(tagger.model, "predict_proba", everything_is_a_name)
    assert tagger.predict(text) == [("name", s, e) for _, s, e in tokenize(text)], (
        "the tags come from your model's probabilities"
    )
