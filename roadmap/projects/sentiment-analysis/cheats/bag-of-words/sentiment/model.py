"""Milestone 3: a small transformer encoder with a sentence head and two token heads.

``SentimentTransformer`` reads ``[CLS] w1 w2 ...`` and answers three questions at once:

- ``sentence [B, 3]``: the polarity of the whole sentence (negative / neutral / positive), read
  from the mean of the final states of its real tokens;
- ``aspect [B, L, 7]``: for every token, which aspect it names (0 = none, else
  ``1 + ASPECTS.index(aspect)``);
- ``polarity [B, L, 3]``: for every token, the polarity of the opinion about the aspect it names
  (only trained on aspect tokens).

Swap in a pretrained encoder online: see "Plugging in BERT" in the README.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import torch
from torch import nn
import torch.nn.functional as F

from .attention import MultiHeadSelfAttention, positional_encoding
from .data import ASPECTS, LABELS
from .tokenizer import MAX_LEN, PAD


class Output(NamedTuple):
    sentence: torch.Tensor   # [B, 3]
    aspect: torch.Tensor     # [B, L, 1 + len(ASPECTS)]
    polarity: torch.Tensor   # [B, L, 3]


class EncoderBlock(nn.Module):
    """One post-norm transformer encoder layer, the same computation as
    ``nn.TransformerEncoderLayer(d_model, n_heads, d_ff, dropout, batch_first=True)``:

        x = norm1(x + dropout(self_attention(x)))
        x = norm2(x + dropout(linear2(dropout(relu(linear1(x))))))
    """

    def __init__(self, d_model: int, n_heads: int, d_ff: int, dropout: float = 0.1):
        super().__init__()
        self.attn = MultiHeadSelfAttention(d_model, n_heads)
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, keep=None):
        """``x [B, L, d_model]``, ``keep [B, L]`` (True = real token). Returns ``[B, L, d_model]``."""
        x = self.norm1(x + self.dropout(self.attn(x, keep)))
        return self.norm2(x + self.dropout(self.linear2(self.dropout(F.relu(self.linear1(x))))))


class SentimentTransformer(nn.Module):
    """Token embedding + sinusoidal positions, ``n_layers`` encoder blocks, three heads.

    ``encoder="own"`` uses your ``EncoderBlock`` (in ``self.blocks``); ``encoder="torch"`` uses
    PyTorch's ``nn.TransformerEncoder`` (in ``self.encoder``) with the same sizes.
    """

    def __init__(self, vocab_size: int, d_model: int = 32, n_heads: int = 2, n_layers: int = 2,
                 d_ff: int = 64, dropout: float = 0.0, max_len: int = MAX_LEN, encoder: str = "own"):
        super().__init__()
        self.config = dict(vocab_size=vocab_size, d_model=d_model, n_heads=n_heads, n_layers=n_layers,
                           d_ff=d_ff, dropout=dropout, max_len=max_len, encoder=encoder)
        self.embedding = nn.Embedding(vocab_size, d_model, padding_idx=PAD)
        # Small embeddings at the start, so the positions (values in [-1, 1]) are not drowned.
        nn.init.normal_(self.embedding.weight, std=0.3)
        with torch.no_grad():
            self.embedding.weight[PAD].zero_()
        self.register_buffer("positions", positional_encoding(max_len, d_model))
        self.dropout = nn.Dropout(dropout)
        if encoder == "own":
            self.blocks = nn.ModuleList(EncoderBlock(d_model, n_heads, d_ff, dropout) for _ in range(n_layers))
        elif encoder == "torch":
            layer = nn.TransformerEncoderLayer(d_model, n_heads, d_ff, dropout, batch_first=True)
            self.encoder = nn.TransformerEncoder(layer, n_layers, enable_nested_tensor=False)
        else:
            raise ValueError(f"encoder must be 'own' or 'torch', got {encoder!r}")
        self.sentence_head = nn.Linear(d_model, len(LABELS))
        self.aspect_head = nn.Linear(d_model, 1 + len(ASPECTS))
        self.polarity_head = nn.Linear(d_model, len(LABELS))

    def embed(self, input_ids):
        """The token embeddings ``[B, L, d_model]`` (no positions yet): what attributions explain."""
        return self.embedding(input_ids)

    def forward_from_embeddings(self, emb, keep) -> Output:
        """Add the positional encoding, run the encoder with ``keep`` as the padding mask, apply
        the heads. ``emb [B, L, d_model]``, ``keep [B, L]`` True for real tokens.

        The sentence head reads the MEAN of the final states of the real (kept) tokens.
        """
        # No attention: every token sees itself plus the average of the sentence (a bag of words).
        k = keep[..., None].to(emb.dtype)
        bag = (emb * k).sum(1, keepdim=True) / k.sum(1, keepdim=True)
        block = self.blocks[0]
        x = block.norm1(emb + bag)
        x = block.norm2(x + block.linear2(F.relu(block.linear1(x))))
        pooled = (x * k).sum(1) / k.sum(1)
        return Output(self.sentence_head(pooled), self.aspect_head(x), self.polarity_head(x))

    def forward(self, input_ids) -> Output:
        """``input_ids [B, L]`` (``[CLS]`` first, ``PAD`` = 0 after the end)."""
        return self.forward_from_embeddings(self.embed(input_ids), input_ids != PAD)


# GIVEN helpers --------------------------------------------------------------------------------

def copy_from_torch_layer(block: EncoderBlock, layer: nn.TransformerEncoderLayer) -> None:
    """Copy the weights of a PyTorch encoder layer into your ``EncoderBlock`` (GIVEN).

    PyTorch keeps the query, key and value projections in one ``in_proj_weight [3d, d]``.
    """
    d = block.attn.d_model
    with torch.no_grad():
        w, b = layer.self_attn.in_proj_weight, layer.self_attn.in_proj_bias
        for i, proj in enumerate((block.attn.q_proj, block.attn.k_proj, block.attn.v_proj)):
            proj.weight.copy_(w[i * d:(i + 1) * d])
            proj.bias.copy_(b[i * d:(i + 1) * d])
        block.attn.out_proj.weight.copy_(layer.self_attn.out_proj.weight)
        block.attn.out_proj.bias.copy_(layer.self_attn.out_proj.bias)
        for name in ("linear1", "linear2", "norm1", "norm2"):
            getattr(block, name).load_state_dict(getattr(layer, name).state_dict())


def save_model(model: SentimentTransformer, vocab, path) -> None:
    """Save the weights, the configuration and the vocabulary in one file (GIVEN)."""
    torch.save({"config": model.config, "state_dict": model.state_dict(), "itos": vocab.itos}, path)


def load_model(path):
    """``(model, vocab)`` from a file written by ``save_model`` (GIVEN); the model is in eval mode."""
    from .tokenizer import Vocab

    saved = torch.load(path, map_location="cpu")
    model = SentimentTransformer(**saved["config"])
    model.load_state_dict(saved["state_dict"])
    return model.eval(), Vocab(saved["itos"])


def device() -> torch.device:
    """``cuda`` when a GPU is available, else ``cpu``."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
