"""Milestone 2: scaled dot-product attention, multi-head self-attention, positional encoding.

Write these with plain tensor operations (matmul, softmax, masked_fill, view/transpose). The
checks block ``torch.nn.MultiheadAttention`` and ``F.multi_head_attention_forward`` while they
run: the point is to build attention yourself.
"""
from __future__ import annotations

import math

import torch
from torch import nn


def scaled_dot_product_attention(q, k, v, mask=None):
    """Attention of queries ``q [..., Lq, d]`` over keys ``k [..., Lk, d]`` and values ``v [..., Lk, dv]``.

    ``mask`` is a boolean tensor that broadcasts to ``[..., Lq, Lk]``: True where the query may
    attend to the key, False where it may not (a padded key). Returns ``(output, weights)``:
    ``output [..., Lq, dv]`` and the attention ``weights [..., Lq, Lk]`` (each row sums to 1, with
    exactly 0 on masked keys).
    """
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights


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
        B, L, _ = x.shape
        head = self.d_model // self.n_heads

        def split(t):  # [B, L, d_model] -> [B, heads, L, head]
            return t.view(B, L, self.n_heads, head).transpose(1, 2)

        mask = None if keep is None else keep[:, None, None, :]
        out, weights = scaled_dot_product_attention(split(self.q_proj(x)), split(self.k_proj(x)),
                                                    split(self.v_proj(x)), mask)
        self.last_weights = weights.detach()
        return self.out_proj(out.transpose(1, 2).reshape(B, L, self.d_model))


def positional_encoding(max_len: int, d_model: int) -> torch.Tensor:
    """The sinusoidal encoding of "Attention is all you need", a ``[max_len, d_model]`` tensor.

    Even columns ``2i`` hold ``sin(pos / 10000^(2i/d_model))``, odd columns ``2i+1`` the cosine
    of the same angle.
    """
    pos = torch.arange(max_len, dtype=torch.float32)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)
    angle = pos / torch.pow(10000.0, two_i / d_model)
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle[:, : d_model // 2])
    return pe
