"""Milestone 5: aspect-based sentiment, which aspects a review is about and the polarity of each."""
import random

import torch

from sentiment import reviews
from sentiment.aspects import extract_aspects
from sentiment.data import ASPECTS, LABELS
from sentiment.model import Output
from sentiment.tokenizer import PAD
from tests.helpers import aspect_scores

F1_BAR = 0.90
POLARITY_BAR = 0.85
MIXED_BAR = 0.80  # a bag of words cannot tell which opinion belongs to which aspect: about 0.5


class FixedModel(torch.nn.Module):
    """Answers fixed logits for a 6-token input, whatever the ids (the test knows the answer)."""

    def __init__(self):
        super().__init__()
        L, A, P = 6, 1 + len(ASPECTS), len(LABELS)
        self.aspect = torch.full((1, L, A), -5.0)
        self.polarity = torch.zeros(1, L, P)
        self.aspect[0, :, 0] = 5.0                       # by default: no aspect
        self.aspect[0, 0, 1 + ASPECTS.index("price")] = 9  # [CLS]: must be ignored
        self.aspect[0, 2, 1 + ASPECTS.index("battery")] = 9
        self.aspect[0, 3, 1 + ASPECTS.index("battery")] = 9
        # Battery: the mean of the two tokens' logits is [0, 1.25, 2] -> positive. The first token
        # alone (or the largest logit) says negative, the last token alone says neutral.
        self.polarity[0, 2] = torch.tensor([3.0, 0.0, 2.0])
        self.polarity[0, 3] = torch.tensor([-3.0, 2.5, 2.0])
        self.aspect[0, 5, 1 + ASPECTS.index("sound")] = 9
        self.polarity[0, 5] = torch.tensor([0.0, 4.0, 1.0])  # sound: neutral, where position 5 is a real token

    def forward(self, ids):
        n, L = ids.shape
        return Output(torch.zeros(n, 3), self.aspect[:, :L].expand(n, -1, -1), self.polarity[:, :L].expand(n, -1, -1))


class FakeVocab:
    """Six ids for a text, except "short", whose last two positions are padding."""

    def encode(self, text, max_len=64):
        return [2, 5, 6, 7] if text == "short" else [2, 5, 6, 7, 8, 9]

    def encode_batch(self, texts, max_len=64):
        rows = [self.encode(t, max_len) for t in texts]
        return torch.tensor([r + [PAD] * (6 - len(r)) for r in rows])[:, :max_len]


def test_decoding_rules_on_a_model_the_test_builds():
    got = extract_aspects(FixedModel(), FakeVocab(), ["any text", "another", "short"])
    expected = [{"battery": "positive", "sound": "neutral"}] * 2 + [{"battery": "positive"}]
    assert got == expected, (
        f"expected {expected}: battery is positive (the MEAN of its two tokens' polarity logits is "
        "[0, 1.25, 2]), sound is neutral, [CLS] never names an aspect, and neither does padding (in \"short\", "
        f"position 5 is padding); got {got}"
    )


def test_aspect_polarity_on_heldout(trained, splits):
    data = trained()
    test = splits["test"]
    found = extract_aspects(data["model"], data["vocab"], [r.text for r in test])
    assert isinstance(found, list) and len(found) == len(test) and all(isinstance(f, dict) for f in found)
    f1, polarity, mixed = aspect_scores(found, test)
    assert f1 >= F1_BAR, f"aspect detection F1 on held-out reviews is {f1:.3f}, below {F1_BAR}"
    assert polarity >= POLARITY_BAR, f"aspect polarity accuracy on held-out reviews is {polarity:.3f}, below {POLARITY_BAR}"
    assert mixed >= MIXED_BAR, (
        f"on held-out reviews whose two opinions disagree, aspect polarity accuracy is {mixed:.3f}, below "
        f"{MIXED_BAR}: the token of an aspect must attend to the words about it"
    )


def _built_reviews(n=60, seed=7):
    """Two-sentence reviews in a shape the data never uses: 'The X <phrase>. The Y <phrase>.'"""
    from sentiment.data import Review

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a1, a2 = rng.sample(ASPECTS, 2)
        p1, p2 = rng.sample(LABELS, 2)
        phrase1 = rng.choice(reviews.PHRASES[a1][p1][:-1] + reviews.GENERIC[p1][:3])
        phrase2 = rng.choice(reviews.PHRASES[a2][p2][:-1] + reviews.GENERIC[p2][:3])
        text = f"The {reviews.TERMS[a1][0]} {phrase1}. The {reviews.TERMS[a2][0]} {phrase2}."
        out.append(Review(text, {a1: p1, a2: p2}, None))
    return out


def test_aspects_on_sentences_the_test_builds(trained):
    data = trained()
    built = _built_reviews()
    found = extract_aspects(data["model"], data["vocab"], [r.text for r in built])
    f1, polarity, _ = aspect_scores(found, built)
    assert f1 >= F1_BAR and polarity >= 0.75, (
        f"on reviews the test writes, aspect F1 is {f1:.3f} (bar {F1_BAR}) and polarity accuracy {polarity:.3f} "
        "(bar 0.75): the model must read the text, not look it up"
    )
