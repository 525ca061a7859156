"""Milestone 1: a word-level tokenizer and vocabulary.

The rules are simple on purpose: the exported ONNX model takes token ids, so anything that feeds
it (a web page, the VS Code demo gallery) must tokenise exactly as this file does. They are:

1. every character outside printable ASCII (space ``' '`` to ``'~'``) becomes a space;
2. ASCII ``A``-``Z`` become lower case;
3. a token is a maximal run of ``[a-z0-9]``, or any other single character that is not a space
   (so ``"isn't!"`` gives ``isn``, ``'``, ``t``, ``!``).

Token ids: 0 ``[PAD]``, 1 ``[UNK]``, 2 ``[CLS]``, 3 ``[SEP]``, then the training words, most
frequent first (ties in alphabetical order).
"""
from __future__ import annotations

import json
import re
from collections import Counter

import torch

PAD, UNK, CLS, SEP = 0, 1, 2, 3
SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]")
MAX_LEN = 64

_NOT_PRINTABLE = re.compile(r"[^\x20-\x7e]")
_TOKEN = re.compile(r"[a-z0-9]+|[^ a-z0-9]")


def normalise(text: str) -> str:
    """Rules 1 and 2: non-printable-ASCII characters become spaces, A-Z become lower case."""
    return _NOT_PRINTABLE.sub(" ", text).lower()


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` (rule 3, after ``normalise``)."""
    return _TOKEN.findall(normalise(text))


class Vocab:
    """Maps tokens to ids and back; ``itos[i]`` is the token with id ``i``."""

    def __init__(self, itos: list[str]):
        if tuple(itos[: len(SPECIALS)]) != SPECIALS:
            raise ValueError(f"the vocabulary must start with {SPECIALS}")
        self.itos = list(itos)
        self.stoi = {token: i for i, token in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    @classmethod
    def build(cls, texts, min_freq: int = 1) -> "Vocab":
        """Count the tokens of ``texts``; keep those seen at least ``min_freq`` times."""
        counts = Counter(token for text in texts for token in tokenize(text))
        kept = [t for t, n in counts.most_common() if n >= min_freq and t not in SPECIALS]
        return cls(list(SPECIALS) + kept)

    def ids(self, tokens) -> list[int]:
        """Token ids, ``UNK`` for a token outside the vocabulary."""
        return [self.stoi.get(token, UNK) for token in tokens]

    def encode(self, text: str, max_len: int = MAX_LEN) -> list[int]:
        """``[CLS]`` followed by the ids of ``tokenize(text)``, at most ``max_len`` ids in all."""
        return ([CLS] + self.ids(tokenize(text)))[:max_len]

    def encode_batch(self, texts, max_len: int = MAX_LEN) -> torch.Tensor:
        """A ``LongTensor [len(texts), longest]``: each row ``encode(text)`` padded with ``PAD``."""
        rows = [self.encode(text, max_len) for text in texts]
        longest = max(len(row) for row in rows)
        return torch.tensor([row + [PAD] * (longest - len(row)) for row in rows], dtype=torch.long)

    # Saving (GIVEN) ------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"itos": self.itos}

    @classmethod
    def from_json(cls, data: dict) -> "Vocab":
        return cls(data["itos"])

    def save(self, path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_json(), f)
