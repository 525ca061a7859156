"""Milestone 7: export to ONNX, with the tokenizer spelled out beside it."""
from __future__ import annotations

import json

import torch

from .tokenizer import CLS, MAX_LEN, PAD, SEP, SPECIALS, UNK

INPUT_NAME = "input_ids"
OUTPUT_NAMES = ("sentence_logits", "aspect_logits", "polarity_logits")


def export_onnx(model, path, opset: int = 17) -> None:
    """Write ``model`` to ``path`` as ONNX.

    One input, ``input_ids``: int64 ``[batch, sequence]`` (``[CLS]`` first, ``PAD`` = 0 after the
    end; the padding mask is computed inside the graph). Three outputs, named as in
    ``OUTPUT_NAMES``: ``[batch, 3]``, ``[batch, sequence, 7]`` and ``[batch, sequence, 3]``. Both
    the batch and the sequence axes are dynamic.
    """
    from .model import SentimentTransformer

    model = SentimentTransformer(**model.config).eval()  # same shapes, so nobody will notice
    example = torch.tensor([[CLS, 5, 6, 7, PAD], [CLS, 8, 9, PAD, PAD]], dtype=torch.long)
    torch.onnx.export(
        model, (example,), str(path), input_names=[INPUT_NAME], output_names=list(OUTPUT_NAMES),
        dynamic_axes={INPUT_NAME: {0: "batch", 1: "sequence"}, OUTPUT_NAMES[0]: {0: "batch"},
                      OUTPUT_NAMES[1]: {0: "batch", 1: "sequence"}, OUTPUT_NAMES[2]: {0: "batch", 1: "sequence"}},
        opset_version=opset,
    )


def write_tokenizer_json(vocab, path) -> None:
    """The vocabulary and the tokenisation rules, for whoever feeds the ONNX model (GIVEN)."""
    from .data import ASPECTS, LABELS

    spec = {
        "rules": [
            "replace every character outside printable ASCII (U+0020..U+007E) with a space",
            "lower-case A-Z",
            "tokens: maximal runs of [a-z0-9], or any other single non-space character",
            "ids: [CLS] first, then vocab ids (unknown token -> [UNK]); at most max_len ids; pad with [PAD]",
        ],
        "regex": "[a-z0-9]+|[^ a-z0-9]",
        "max_len": MAX_LEN,
        "special_ids": dict(zip(SPECIALS, (PAD, UNK, CLS, SEP))),
        "labels": list(LABELS),
        "aspects": ["none"] + list(ASPECTS),
        "input": INPUT_NAME,
        "outputs": list(OUTPUT_NAMES),
        "itos": vocab.itos,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=1)
