"""Milestone 1: a word-level tokenizer and vocabulary. Fill in the functions marked TODO.

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
from collections import Counter  # noqa: F401

import torch

PAD, UNK, CLS, SEP = 0, 1, 2, 3
SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]")
MAX_LEN = 64

_NOT_PRINTABLE = re.compile(r"[^\x20-\x7e]")
_TOKEN = re.compile(r"[a-z0-9]+|[^ a-z0-9]")


def normalise(text: str) -> str:
    """Rules 1 and 2: non-printable-ASCII characters become spaces, A-Z become lower case."""
    # TODO: rules 1 and 2 (the two compiled patterns above are there to help).
    raise NotImplementedError("TODO: normalise the text")


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` (rule 3, after ``normalise``)."""
    # TODO: rule 3, applied to normalise(text).
    raise NotImplementedError("TODO: split the text into tokens")


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
        # TODO: count with collections.Counter, keep the tokens seen >= min_freq times, order
        #       them (most frequent first, ties alphabetical) and put SPECIALS in front.
        raise NotImplementedError("TODO: build the vocabulary")

    def ids(self, tokens) -> list[int]:
        """Token ids, ``UNK`` for a token outside the vocabulary."""
        # TODO
        raise NotImplementedError("TODO: map tokens to ids")

    def encode(self, text: str, max_len: int = MAX_LEN) -> list[int]:
        """``[CLS]`` followed by the ids of ``tokenize(text)``, at most ``max_len`` ids in all."""
        # TODO
        raise NotImplementedError("TODO: encode one text")

    def encode_batch(self, texts, max_len: int = MAX_LEN) -> torch.Tensor:
        """A ``LongTensor [len(texts), longest]``: each row ``encode(text)`` padded with ``PAD``."""
        # TODO: encode every text, pad each row with PAD up to the longest, return a LongTensor.
        raise NotImplementedError("TODO: encode and pad a batch")

    # Saving (GIVEN) ------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"itos": self.itos}

    @classmethod
    def from_json(cls, data: dict) -> "Vocab":
        return cls(data["itos"])

    def save(self, path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_json(), f)
