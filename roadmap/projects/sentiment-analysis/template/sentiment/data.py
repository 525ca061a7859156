"""The labelled review set: generated from the hand-written pieces in ``reviews.py`` (GIVEN).

Every sentence is a :class:`Review` with its text, the polarity of every aspect it mentions and,
when all its opinions agree, an overall label. Four kinds of sentence are generated:

- one clause about one aspect ("The screen is bright and sharp."),
- two clauses that agree ("The price is fair and the delivery arrived a day early."),
- two clauses that disagree ("The battery dies before lunch, but the sound is rich and full."):
  these have no overall label, only a label per aspect,
- a sentence about the tablet in general ("I regret buying this tablet."), with no aspect.

The split is honest: the last phrase of every list in ``reviews.py`` is held out, a held-out
sentence always contains at least one held-out phrase, and no training sentence contains one.
So the held-out split tests new phrasings and new combinations, never a sentence seen in
training. ``load_split("train")`` and ``load_split("test")`` are the only entry points.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import reviews
from .reviews import ASPECTS, POLARITIES

LABELS = POLARITIES                      # sentence-level classes, index = class id
ASPECT_LABELS = ("none",) + POLARITIES   # per-aspect classes: not mentioned, or its polarity
SEED = 13

# How many sentences of each kind each split gets.
COUNTS = {
    "train": {"single": 700, "general": 120, "agree": 220, "contrast": 520},
    "test": {"single": 170, "general": 40, "agree": 50, "contrast": 180},
}


@dataclass(frozen=True)
class Review:
    text: str
    aspects: dict = field(default_factory=dict)   # {aspect: polarity} for every aspect mentioned
    label: str | None = None                      # overall polarity, None when opinions disagree
    spans: tuple = ()                             # ((aspect, start, end), ...): where the words
    #                                               that name each aspect sit in the text

    @property
    def mixed(self) -> bool:
        return len(set(self.aspects.values())) > 1


def _pool(items: list, held_out: int, split: str) -> list:
    return items[-held_out:] if split == "test" else items[:-held_out]


def _predicates(aspect: str, polarity: str, split: str, held_out_only: bool = False) -> list[list[str]]:
    """Two lists to pick from (aspect-specific phrases, generic ones), for one split."""
    specific, generic = reviews.PHRASES[aspect][polarity], reviews.GENERIC[polarity]
    if held_out_only:
        return [specific[-1:], generic[-reviews.GENERIC_HELD_OUT:]]
    if split == "test":  # the other clause of a held-out sentence may use any phrase
        return [specific, generic]
    return [specific[:-1], generic[:-reviews.GENERIC_HELD_OUT]]


def _clause(rng: random.Random, aspect: str, polarity: str, preds: list[list[str]]) -> str:
    term = rng.choice(reviews.TERMS[aspect])
    subject = rng.choice(reviews.SUBJECTS).format(term=f"[{aspect}|{term}]")
    return f"{subject} {rng.choice(rng.choice(preds))}"


_MARK = re.compile(r"\[(\w+)\|([^\]]+)\]")


def _finish(rng: random.Random, body: str) -> tuple[str, tuple]:
    """Opener + body + ending, capitalised; returns the text and the spans of the marked terms."""
    opener = rng.choice(reviews.OPENERS if "[" in body else reviews.GENERAL_OPENERS)
    text = opener + body + rng.choice(reviews.ENDINGS)
    text = (" " + text + " ").replace(" i ", " I ").strip()
    out, spans, last = "", [], 0
    for m in _MARK.finditer(text):
        out += text[last:m.start()]
        spans.append((m.group(1), len(out), len(out) + len(m.group(2))))
        out += m.group(2)
        last = m.end()
    out += text[last:]
    return out[0].upper() + out[1:], tuple(spans)


def _make(rng: random.Random, kind: str, split: str) -> Review:
    if kind == "general":
        polarity = rng.choice(POLARITIES)
        sentence = rng.choice(_pool(reviews.GENERAL[polarity], reviews.GENERAL_HELD_OUT, split))
        text, spans = _finish(rng, sentence)
        return Review(text, {}, polarity, spans)
    if kind == "single":
        aspect, polarity = rng.choice(ASPECTS), rng.choice(POLARITIES)
        preds = _predicates(aspect, polarity, split, held_out_only=split == "test")
        text, spans = _finish(rng, _clause(rng, aspect, polarity, preds))
        return Review(text, {aspect: polarity}, polarity, spans)
    a1, a2 = rng.sample(ASPECTS, 2)
    if kind == "agree":
        p1 = p2 = rng.choice(POLARITIES)
        pattern = rng.choice(reviews.AGREE)
    else:
        p1, p2 = rng.sample(POLARITIES, 2)
        pattern = rng.choice(reviews.CONTRAST)
    preds1, preds2 = _predicates(a1, p1, split), _predicates(a2, p2, split)
    if split == "test":  # at least one clause uses a held-out phrase
        if rng.random() < 0.5:
            preds1 = _predicates(a1, p1, split, held_out_only=True)
        else:
            preds2 = _predicates(a2, p2, split, held_out_only=True)
    body = pattern.format(a=_clause(rng, a1, p1, preds1), b=_clause(rng, a2, p2, preds2))
    label = p1 if p1 == p2 else None
    text, spans = _finish(rng, body)
    return Review(text, {a1: p1, a2: p2}, label, spans)


@lru_cache(maxsize=None)
def _generate(split: str, seed: int) -> tuple:
    rng = random.Random(f"{seed}-{split}")
    out, seen = [], set()
    for kind, n in COUNTS[split].items():
        made, tries = 0, 0
        while made < n and tries < 50 * n:
            tries += 1
            review = _make(rng, kind, split)
            if review.text.lower() in seen:
                continue
            seen.add(review.text.lower())
            out.append(review)
            made += 1
    rng.shuffle(out)
    return tuple(out)


def load_split(split: str, seed: int = SEED) -> list[Review]:
    """The reviews of one split, ``"train"`` or ``"test"`` (the held-out one)."""
    if split not in COUNTS:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    return list(_generate(split, seed))


def sentence_examples(split_reviews: list[Review]) -> tuple[list[str], list[int]]:
    """(texts, class ids) for the sentence-level task: every review with an overall label."""
    texts = [r.text for r in split_reviews if r.label is not None]
    labels = [LABELS.index(r.label) for r in split_reviews if r.label is not None]
    return texts, labels


def aspect_examples(split_reviews: list[Review], seed: int = SEED, negatives: int = 1):
    """(texts, aspects, class ids) for the aspect task.

    One example per aspect a review mentions (its polarity) plus ``negatives`` aspects it does
    not mention (class ``"none"``), chosen with a fixed seed.
    """
    rng = random.Random(seed)
    texts, aspects, labels = [], [], []
    for r in split_reviews:
        for aspect, polarity in r.aspects.items():
            texts.append(r.text)
            aspects.append(aspect)
            labels.append(ASPECT_LABELS.index(polarity))
        absent = [a for a in ASPECTS if a not in r.aspects]
        for aspect in rng.sample(absent, min(negatives, len(absent))):
            texts.append(r.text)
            aspects.append(aspect)
            labels.append(0)
    return texts, aspects, labels


IGNORE = -100  # the label of a position that has no target (PyTorch's default ignore_index)


def token_tags(review: Review, tokenize) -> tuple[list[str], list[int], list[int]]:
    """Token-level targets for the aspect task, aligned with ``tokenize(review.text)``.

    Returns ``(tokens, aspect_tags, polarity_tags)``: ``aspect_tags[i]`` is 0 for a token that
    names no aspect and ``1 + ASPECTS.index(aspect)`` for one that does ("battery", "life" in
    "battery life"); ``polarity_tags[i]`` is that aspect's polarity id for those tokens and
    ``IGNORE`` everywhere else. ``tokenize`` is your tokenizer (milestone 1).
    """
    tokens = tokenize(review.text)
    aspect_tags = [0] * len(tokens)
    polarity_tags = [IGNORE] * len(tokens)
    for aspect, start, end in review.spans:
        first = len(tokenize(review.text[:start]))
        term = tokenize(review.text[start:end])
        if tokens[first:first + len(term)] != term:
            raise ValueError(f"tokenize() split {review.text!r} in a way that moves the aspect word {term}")
        for i in range(first, first + len(term)):
            aspect_tags[i] = 1 + ASPECTS.index(aspect)
            polarity_tags[i] = POLARITIES.index(review.aspects[aspect])
    return tokens, aspect_tags, polarity_tags
