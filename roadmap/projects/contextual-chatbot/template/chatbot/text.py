"""Tokens with their character offsets, and turning entity spans into BIO tags (GIVEN)."""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\d{1,2}:\d{2}|[A-Za-z]+|\d+|[^\sA-Za-z\d]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``[(token, start, end), ...]``: times like ``19:30``, runs of letters, runs of digits, and
    single other characters (``"I'd"`` -> ``I``, ``'``, ``d``; ``"7pm"`` -> ``7``, ``pm``)."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def bio_tags(text: str, entities) -> tuple[list[str], list[str]]:
    """``(tokens, tags)`` with tags ``O``, ``B-<type>`` (first token of an entity), ``I-<type>``."""
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    for kind, start, end in entities:
        inside = [i for i, (_, s, e) in enumerate(tokens) if s >= start and e <= end]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + kind
    return [t for t, _, _ in tokens], tags
