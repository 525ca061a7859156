"""Export the detector to ONNX, the format mobile and edge runtimes load.

Milestone 6.
"""
from __future__ import annotations

import copy  # noqa: F401
from pathlib import Path

import torch  # noqa: F401


def export_onnx(model, path, input_size: int = 64, opset: int = 17) -> Path:
    """Write ``model`` as an ONNX graph and check it; returns the path.

    The graph has one input ``"images"`` of shape ``[batch, 3, input_size, input_size]``
    (floats in [0, 1]) and one output ``"grid"``, the raw ``[batch, 5 + C, S, S]`` map, with
    a dynamic batch dimension on both. It must pass ``onnx.checker.check_model``.
    """
    # TODO: export a CPU copy of the model in eval mode with torch.onnx.export, then load
    #       the file with onnx and check it.
    raise NotImplementedError("TODO: export_onnx")
