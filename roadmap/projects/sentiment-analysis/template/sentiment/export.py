"""Milestone 7: export to ONNX, with the tokenizer spelled out beside it. Fill in ``export_onnx``."""
from __future__ import annotations

import json

import torch  # noqa: F401

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
    # TODO: torch.onnx.export the model (in eval mode, on the CPU) with an example batch of
    #       ids that has some padding, the names above, dynamic_axes and opset_version=opset.
    raise NotImplementedError("TODO: export to ONNX")


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
