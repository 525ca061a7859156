"""Milestone 1: softmax regression written by hand, and the intent classifier built on it."""
import sys

import numpy as np
import pytest

from chatbot.data import INTENTS
from chatbot.intents import IntentClassifier, intent_features
from chatbot.softmax import SoftmaxRegression, softmax

INTENT_BAR = 0.90   # the keyword matcher in chatbot/baselines.py gets 0.79, the majority class 0.39

# Utterances written for this test: none of them comes from the data generator.
WRITTEN = [
    ("hey hello", "greet"), ("good evening to you", "greet"), ("bye, see you soon", "goodbye"),
    ("thanks a lot, that's kind", "thanks"), ("yes, that's right", "affirm"), ("no, that's wrong", "deny"),
    ("I would like to book a table for five tomorrow", "book_table"),
    ("can I reserve a table for two people at 8 pm", "book_table"),
    ("do you have a table for six on saturday", "book_table"), ("we would like a table for 3 tonight", "book_table"),
    ("I want to book a table for Silva at 7 pm", "book_table"), ("please book us a table for four", "book_table"),
    ("can I change my reservation to 9 pm", "change_booking"), ("please move the booking to sunday", "change_booking"),
    ("make it six people instead", "change_booking"), ("could you change the time of my booking", "change_booking"),
    ("switch it to friday instead", "change_booking"), ("can we change the booking to 7 pm instead", "change_booking"),
    ("please cancel my reservation", "cancel_booking"), ("I need to cancel the booking for tomorrow", "cancel_booking"),
    ("we can't make it on friday, please cancel", "cancel_booking"), ("cancel the table under Chen", "cancel_booking"),
    ("four people", "inform"), ("at half past seven", "inform"), ("tomorrow at 8 pm", "inform"),
    ("my name is Kim", "inform"), ("under Patel please", "inform"), ("for two", "inform"),
    ("what time do you open", "ask_hours"), ("are you open on sunday", "ask_hours"),
    ("when does the kitchen close", "ask_hours"), ("tell me a joke about cats", "out_of_scope"),
]


def test_softmax_regression_first_step_by_hand():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = [0, 1, 1]
    model = SoftmaxRegression(n_classes=2, lr=1.0, epochs=1, l2=0.0).fit(X, y)
    # From zeros every probability is 1/2, so P - Y = [[-.5, .5], [.5, -.5], [.5, -.5]] and, divided by n = 3,
    # dW = X^T (P - Y) / 3 = [[0, 0], [1/3, -1/3]] and db = [1/6, -1/6]. One step with lr 1 goes the other way.
    assert np.allclose(model.W, [[0, 0], [-1 / 3, 1 / 3]]), f"W after one step: {model.W.tolist()}"
    assert np.allclose(model.b, [-1 / 6, 1 / 6]), f"b after one step: {model.b.tolist()}"
    assert model.losses == pytest.approx([np.log(2)]), "the first loss, from zeros, is ln 2"
    assert np.allclose(softmax(np.array([[1000.0, 1000.0], [0.0, np.log(3)]])), [[0.5, 0.5], [0.25, 0.75]]), (
        "softmax must be stable for large values"
    )
    l2 = SoftmaxRegression(n_classes=2, lr=1.0, epochs=2, l2=0.5).fit(X, y)
    plain = SoftmaxRegression(n_classes=2, lr=1.0, epochs=2, l2=0.0).fit(X, y)
    assert np.abs(l2.W).sum() < np.abs(plain.W).sum(), "the L2 penalty must shrink the weights"


def test_softmax_regression_learns_and_is_your_own(monkeypatch):
    for name in ("sklearn", "sklearn.linear_model", "torch", "scipy.optimize"):
        monkeypatch.setitem(sys.modules, name, None)  # write the gradient descent yourself
    rng = np.random.default_rng(0)
    centers = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    y = rng.integers(0, 3, size=300)
    X = centers[y] + rng.normal(size=(300, 2))
    model = SoftmaxRegression(n_classes=3, lr=0.5, epochs=200, l2=1e-4).fit(X, y)
    assert len(model.losses) == 200 and all(b <= a + 1e-12 for a, b in zip(model.losses, model.losses[1:])), (
        "full-batch gradient descent with a small step: the loss must never go up"
    )
    P = model.predict_proba(X)
    assert P.shape == (300, 3) and np.allclose(P.sum(1), 1)
    assert (P.argmax(1) == y).mean() > 0.9
    clf = IntentClassifier().fit(["hello there", "book a table", "hi", "table for two"],
                                 ["greet", "book_table", "greet", "book_table"])
    assert isinstance(clf.model, SoftmaxRegression), "the intent classifier is your SoftmaxRegression"


def test_softmax_regression_reaches_the_penalised_optimum_and_reports_its_real_loss():
    rng = np.random.default_rng(1)
    centers = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    y = rng.integers(0, 3, size=60)
    X = centers[y] + rng.normal(size=(60, 2))
    Y = np.eye(3)[y]

    def objective_and_gradients(W, b, l2):
        P = softmax(X @ W + b)
        G = (P - Y) / len(y)
        loss = -np.log(P[np.arange(len(y)), y]).mean() + l2 / 2 * (W ** 2).sum()
        return loss, X.T @ G + l2 * W, G.sum(axis=0)

    # With a strong L2 penalty the objective is strictly convex: where gradient descent stops, the
    # gradient of mean cross-entropy + l2/2 ||W||^2 (b not penalised) must be zero.
    model = SoftmaxRegression(n_classes=3, lr=0.5, epochs=300, l2=0.5).fit(X, y)
    _, gW, gb = objective_and_gradients(model.W, model.b, 0.5)
    assert np.abs(gW).max() < 1e-6 and np.abs(gb).max() < 1e-6, (
        f"the fit stops where the penalised loss still slopes (|dW| {np.abs(gW).max():.2g}, |db| {np.abs(gb).max():.2g}): "
        "the gradient of l2/2 ||W||^2 is l2 W, and b is not penalised"
    )
    # losses[k] is the loss of the weights after k steps: the test recomputes one from those weights.
    before = SoftmaxRegression(n_classes=3, lr=0.5, epochs=9, l2=0.5).fit(X, y)
    after = SoftmaxRegression(n_classes=3, lr=0.5, epochs=10, l2=0.5).fit(X, y)
    loss, _, _ = objective_and_gradients(before.W, before.b, 0.5)
    assert after.losses[-1] == pytest.approx(loss, rel=1e-6), (
        f"losses[9] is {after.losses[-1]:.6f}, but the weights after 9 steps have loss {loss:.6f}: record the real loss"
    )


def test_intent_features():
    feats = intent_features("Table for 4 at 19:30")
    for f in ("w=table", "w=for", "w=<num>", "w=at", "w=<time>", "b=<s>_table", "b=for_<num>", "b=<time>_</s>"):
        assert f in feats, f"{f} missing from {feats}"
    assert intent_features("table for 4") == intent_features("TABLE for 8"), "case and the exact number do not matter"


def test_intent_accuracy_on_heldout(trained, splits):
    nlu = trained()["nlu"]
    test = splits["test"]
    predicted = nlu.intents.predict([u.text for u in test])
    assert all(i in INTENTS and 0 <= c <= 1 for i, c in predicted), "predict returns (intent, confidence) pairs"
    accuracy = sum(p == u.intent for (p, _), u in zip(predicted, test)) / len(test)
    assert accuracy >= INTENT_BAR, f"held-out intent accuracy {accuracy:.3f} is below {INTENT_BAR} (keywords: 0.79)"
    confident = [c for (p, c), u in zip(predicted, test) if p == u.intent]
    assert np.mean(confident) > 0.7, "a well-trained classifier is confident when it is right"


def test_intents_on_utterances_the_test_writes(trained):
    nlu = trained()["nlu"]
    predicted = nlu.intents.predict([t for t, _ in WRITTEN])
    misses = [(t, want, got) for (t, want), (got, _) in zip(WRITTEN, predicted) if got != want]
    accuracy = 1 - len(misses) / len(WRITTEN)
    assert accuracy >= 0.85, f"on utterances the test wrote, accuracy is {accuracy:.3f} (bar 0.85); misses: {misses[:4]}"


def test_training_never_reads_the_heldout_split(trained):
    reads = trained()["heldout_reads"]
    assert not reads, f"training read the held-out split ({sorted(set(reads))}): train on what you are given"
