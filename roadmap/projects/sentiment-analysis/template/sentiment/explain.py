"""Milestone 6: which tokens drove a prediction. Fill in the two methods.

Both methods explain the sentence head's logit for one class (by default the predicted one).
"""
from __future__ import annotations

import torch

from .tokenizer import PAD, UNK  # noqa: F401


def gradient_x_input(model, input_ids, target=None):
    """Gradient x input attribution for one sentence.

    ``input_ids`` is a 1-D LongTensor (``[CLS]`` first). Returns ``(scores, target)``: ``scores``
    a 1-D float tensor with one value per position, the sum over the embedding dimension of
    ``embedding * d logit[target] / d embedding``; ``target`` the class explained (the argmax of
    the sentence logits when None).
    """
    # TODO: embed the ids (model.embed), make that tensor a leaf that requires grad, run
    #       model.forward_from_embeddings, backpropagate the target logit, combine the gradient
    #       with the embedding.
    raise NotImplementedError("TODO: gradient x input")


@torch.no_grad()
def occlusion(model, input_ids, target=None, baseline_id: int = UNK):
    """Occlusion attribution: how much the target logit falls when one token becomes ``[UNK]``.

    Returns ``(scores, target)`` like ``gradient_x_input``; ``scores[i]`` is
    ``logit[target](sentence) - logit[target](sentence with token i replaced by baseline_id)``.
    Score all the occluded copies in ONE batch.
    """
    # TODO: score the sentence once; build an [n, n] batch where row i is the sentence with
    #       token i replaced by baseline_id; score it in one call.
    raise NotImplementedError("TODO: occlusion")


def explain(model, vocab, text: str, method: str = "gradient"):
    """``[(token, score), ...]`` for the words of ``text`` (``[CLS]`` left out) (GIVEN)."""
    from .tokenizer import tokenize

    ids = torch.tensor(vocab.encode(text))
    scores, target = (gradient_x_input if method == "gradient" else occlusion)(model, ids)
    tokens = tokenize(text)[: len(ids) - 1]
    return [(t, float(s)) for t, s in zip(tokens, scores[1:])], target
