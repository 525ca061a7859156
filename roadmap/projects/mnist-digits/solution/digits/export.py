"""Export a trained model to ONNX. Milestone 6.

The exported file is what the project lab scores on its own 2,000 held-out digits and what the
extension's demo gallery ("Your model") runs in the browser. So it must take **one float32
input of shape [batch, 1, 28, 28]** with pixels in [0, 1] and a **dynamic batch axis** (any
number of digits per call), and return **10 logits per digit**, ``[batch, 10]``.
"""
from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

OPSET = 17  # the newest opset Debian's onnx 1.12 checks; onnxruntime-web runs it too


def export_onnx(model: nn.Module, path, opset: int = OPSET) -> Path:
    """Write ``model`` to ``path`` as ONNX and check the file with ``onnx.checker``.

    Name the input ``"input"`` and the output ``"logits"``, mark axis 0 of both as the dynamic
    ``"batch"`` axis, export in eval mode on the CPU, and leave the model in eval mode.
    Returns the path.
    """
    import onnx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    dummy = torch.zeros(1, 1, 28, 28)
    torch.onnx.export(
        model,
        dummy,
        str(path),
        input_names=["input"],
        output_names=["logits"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
        opset_version=opset,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))
    return path
