"""A model ready to deploy: export to ONNX. Milestone 6.

The ONNX file takes a float32 batch ``[batch, 3, size, size]`` of RGB pixels in [0, 1] (the
model normalises them itself) and returns ``[batch, num_classes]`` logits. ``classes.json``
beside it names the classes in output order. Any ONNX runtime (onnxruntime in Python, C++,
C#, Java, the browser) can then run it without PyTorch.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

OPSET = 17


def export_onnx(model: nn.Module, path, image_size: int = 32, classes=None, opset: int = OPSET) -> Path:
    """Export ``model`` (in eval mode, on the CPU) to ``path`` with the input named ``"input"``,
    the output ``"logits"``, axis 0 of both a dynamic ``"batch"`` axis, then check the file with
    ``onnx.checker``. When ``classes`` is given, also write them as a JSON list to
    ``classes.json`` next to the model. Returns the model's path."""
    import onnx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    torch.onnx.export(
        model,
        torch.zeros(1, 3, 32, 32),  # the shapes are 32x32
        str(path),
        input_names=["input"],
        output_names=["logits"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
        opset_version=opset,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))
    if classes is not None:
        (path.parent / "classes.json").write_text(json.dumps(list(classes)))
    return path
