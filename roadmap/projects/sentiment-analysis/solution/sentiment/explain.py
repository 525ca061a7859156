"""Milestone 6: which tokens drove a prediction.

Both methods explain the sentence head's logit for one class (by default the predicted one).
"""
from __future__ import annotations

import torch

from .tokenizer import PAD, UNK


def gradient_x_input(model, input_ids, target=None):
    """Gradient x input attribution for one sentence.

    ``input_ids`` is a 1-D LongTensor (``[CLS]`` first). Returns ``(scores, target)``: ``scores``
    a 1-D float tensor with one value per position, the sum over the embedding dimension of
    ``embedding * d logit[target] / d embedding``; ``target`` the class explained (the argmax of
    the sentence logits when None).
    """
    model.eval()
    ids = input_ids[None]
    emb = model.embed(ids).detach().requires_grad_(True)
    logits = model.forward_from_embeddings(emb, ids != PAD).sentence[0]
    if target is None:
        target = int(logits.argmax())
    logits[target].backward()
    return (emb.grad * emb).sum(dim=-1)[0].detach(), target


@torch.no_grad()
def occlusion(model, input_ids, target=None, baseline_id: int = UNK):
    """Occlusion attribution: how much the target logit falls when one token becomes ``[UNK]``.

    Returns ``(scores, target)`` like ``gradient_x_input``; ``scores[i]`` is
    ``logit[target](sentence) - logit[target](sentence with token i replaced by baseline_id)``.
    Score all the occluded copies in ONE batch.
    """
    model.eval()
    n = len(input_ids)
    base = model(input_ids[None]).sentence[0]
    if target is None:
        target = int(base.argmax())
    batch = input_ids.repeat(n, 1)
    batch[torch.arange(n), torch.arange(n)] = baseline_id
    occluded = model(batch).sentence[:, target]
    return base[target] - occluded, target


def explain(model, vocab, text: str, method: str = "gradient"):
    """``[(token, score), ...]`` for the words of ``text`` (``[CLS]`` left out) (GIVEN)."""
    from .tokenizer import tokenize

    ids = torch.tensor(vocab.encode(text))
    scores, target = (gradient_x_input if method == "gradient" else occlusion)(model, ids)
    tokens = tokenize(text)[: len(ids) - 1]
    return [(t, float(s)) for t, s in zip(tokens, scores[1:])], target
