"""Milestone 4: train the transformer on the review sentences. Fill in the two TODOs.

One model learns three things at once (multi-task learning): the sentence polarity from the
``[CLS]`` position, which aspect each token names, and the polarity of each aspect token.
"""
from __future__ import annotations

import random  # noqa: F401

import torch
import torch.nn.functional as F  # noqa: F401

from .data import IGNORE, LABELS, token_tags
from .model import SentimentTransformer, device  # noqa: F401
from .tokenizer import CLS, MAX_LEN, PAD, tokenize


def make_tensors(reviews, vocab, max_len: int = MAX_LEN):
    """Pad a list of reviews into four tensors (GIVEN).

    Returns ``(input_ids [N, L], aspect_tags [N, L], polarity_tags [N, L], sentence_labels [N])``
    where ``L`` is the longest review (plus ``[CLS]``), capped at ``max_len``. Positions with no
    target (``[CLS]``, padding, and for polarity every token that names no aspect) hold
    ``IGNORE`` (-100), as do the sentence labels of reviews whose opinions disagree.
    """
    rows = []
    for r in reviews:
        tokens, aspect, polarity = token_tags(r, tokenize)
        ids = [CLS] + vocab.ids(tokens)
        rows.append((ids[:max_len], ([IGNORE] + aspect)[:max_len], ([IGNORE] + polarity)[:max_len],
                     IGNORE if r.label is None else LABELS.index(r.label)))
    longest = max(len(r[0]) for r in rows)

    def pad(i, value):
        return torch.tensor([r[i] + [value] * (longest - len(r[i])) for r in rows], dtype=torch.long)

    return pad(0, PAD), pad(1, IGNORE), pad(2, IGNORE), torch.tensor([r[3] for r in rows], dtype=torch.long)


def multitask_loss(out, aspect_tags, polarity_tags, sentence_labels):
    """The sum of three cross-entropies, each ignoring the positions labelled ``IGNORE``."""
    # TODO: the sentence loss on out.sentence, plus the token losses on out.aspect and
    #       out.polarity (flatten [B, L, C] to [B * L, C]). A batch may have no sentence label
    #       at all (every review in it mixed): then leave that term out.
    raise NotImplementedError("TODO: the multi-task loss")


def train_model(train_reviews, vocab, epochs: int = 12, batch_size: int = 64, lr: float = 8e-3,
                seed: int = 0, encoder: str = "own", log=None):
    """Train a ``SentimentTransformer`` on ``train_reviews``; returns ``(model, losses)``.

    ``losses`` holds the mean training loss of every epoch. Same seed, same model. The model
    is returned in eval mode, on the CPU.
    """
    # TODO: seed torch, build the model on device(), an AdamW optimizer and the tensors
    #       (make_tensors); then for every epoch shuffle (with a generator seeded once), cut
    #       mini-batches, trim each batch to its longest review, and take an optimizer step on
    #       multitask_loss. Record the mean loss of each epoch; call log(...) if it is given.
    raise NotImplementedError("TODO: the training loop")


@torch.no_grad()
def predict_sentences(model, vocab, texts, batch_size: int = 256) -> torch.Tensor:
    """Class probabilities ``[len(texts), 3]`` of the sentence head (GIVEN)."""
    model.eval()
    out = [torch.softmax(model(vocab.encode_batch(texts[i:i + batch_size])).sentence, dim=-1)
           for i in range(0, len(texts), batch_size)]
    return torch.cat(out)
