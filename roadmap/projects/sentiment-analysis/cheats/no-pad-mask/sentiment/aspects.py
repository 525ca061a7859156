"""Milestone 5: aspect-based sentiment from the token heads."""
from __future__ import annotations

import torch

from .data import ASPECTS, LABELS
from .tokenizer import PAD


@torch.no_grad()
def extract_aspects(model, vocab, texts) -> list[dict]:
    """For every text, ``{aspect: polarity}`` for each aspect it talks about.

    A token names aspect ``a`` when the argmax of its aspect logits is ``1 + ASPECTS.index(a)``.
    The polarity of ``a`` is the argmax of the polarity logits averaged over the tokens naming
    ``a``. ``[CLS]`` and padding never name an aspect.
    """
    model.eval()
    ids = vocab.encode_batch(texts)
    out = model(ids)
    tags = out.aspect.argmax(dim=-1)
    tags[:, 0] = 0
    results = []
    for row in range(len(texts)):
        found = {}
        for a, aspect in enumerate(ASPECTS, start=1):
            where = tags[row] == a
            if where.any():
                found[aspect] = LABELS[int(out.polarity[row][where].mean(dim=0).argmax())]
        results.append(found)
    return results
