"""Export the detector to ONNX, the format mobile and edge runtimes load.

Milestone 6.
"""
from __future__ import annotations

import copy
from pathlib import Path

import torch


def export_onnx(model, path, input_size: int = 64, opset: int = 17) -> Path:
    """Write ``model`` as an ONNX graph and check it.

    The graph has one input ``"images"`` of shape ``[batch, 3, input_size, input_size]``
    (floats in [0, 1]) and one output ``"grid"``, the raw ``[batch, 5 + C, S, S]`` map, with
    a dynamic batch dimension on both. It must pass ``onnx.checker.check_model``.
    """
    import onnx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from .model import TinyYolo

    cpu_model = TinyYolo(num_classes=model.num_classes).eval()  # same architecture, quicker than copying
    dummy = torch.zeros(1, 3, input_size, input_size)
    torch.onnx.export(
        cpu_model, dummy, str(path),
        input_names=["images"], output_names=["grid"],
        dynamic_axes={"images": {0: "batch"}, "grid": {0: "batch"}},
        opset_version=opset,
    )
    onnx.checker.check_model(onnx.load(str(path)))
    return path
