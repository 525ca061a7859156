"""Milestone 2: scaled dot-product attention, multi-head self-attention, positional encoding.

Write these with plain tensor operations (matmul, softmax, masked_fill, view/transpose). The
checks block ``torch.nn.MultiheadAttention`` and ``F.multi_head_attention_forward`` while they
run: the point is to build attention yourself.
"""
from __future__ import annotations

import math  # noqa: F401

import torch
from torch import nn


def scaled_dot_product_attention(q, k, v, mask=None):
    """Attention of queries ``q [..., Lq, d]`` over keys ``k [..., Lk, d]`` and values ``v [..., Lk, dv]``.

    ``mask`` is a boolean tensor that broadcasts to ``[..., Lq, Lk]``: True where the query may
    attend to the key, False where it may not (a padded key). Returns ``(output, weights)``:
    ``output [..., Lq, dv]`` and the attention ``weights [..., Lq, Lk]`` (each row sums to 1, with
    exactly 0 on masked keys).
    """
    # TODO: scores from q and k, masked keys set to -inf, a softmax over the keys, then the
    #       weighted sum of the values.
    raise NotImplementedError("TODO: scaled dot-product attention")


class MultiHeadSelfAttention(nn.Module):
    """Self-attention with ``n_heads`` heads of size ``d_model // n_heads``.

    Keep the four projections as ``q_proj``, ``k_proj``, ``v_proj`` and ``out_proj``
    (``nn.Linear(d_model, d_model)`` each): ``model.copy_from_torch_layer`` relies on the names.
    """

    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        if d_model % n_heads:
            raise ValueError("d_model must be divisible by n_heads")
        self.d_model, self.n_heads = d_model, n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.last_weights = None  # the attention weights of the last call, [B, heads, L, L]

    def forward(self, x, keep=None):
        """``x [B, L, d_model]``; ``keep [B, L]`` True for real tokens, False for padding."""
        # TODO: project x to queries, keys and values; split each into heads
        #       ([B, L, d_model] -> [B, heads, L, d_model // heads]); attend with a mask built from
        #       `keep` (it must broadcast to [B, heads, L, L]); merge the heads back and apply
        #       out_proj. Store the weights in self.last_weights (detached) for inspection.
        raise NotImplementedError("TODO: multi-head self-attention")


def positional_encoding(max_len: int, d_model: int) -> torch.Tensor:
    """The sinusoidal encoding of "Attention is all you need", a ``[max_len, d_model]`` tensor.

    Even columns ``2i`` hold ``sin(pos / 10000^(2i/d_model))``, odd columns ``2i+1`` the cosine
    of the same angle.
    """
    # TODO: build the [max_len, d_model] table without a Python loop over positions.
    raise NotImplementedError("TODO: sinusoidal positional encoding")
