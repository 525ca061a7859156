"""Milestone 6: the ONNX export, ready to deploy."""
import json

import numpy as np
import onnx
import torch

from conftest import tensors_of
from imageclf.export import export_onnx
from imageclf.model import SmallCNN
from onnx_numpy import run as run_onnx


def _model():
    torch.manual_seed(0)
    model = SmallCNN(5, channels=(8, 16))
    model.train()
    with torch.no_grad():
        model(torch.rand(32, 3, 32, 32))  # non-trivial batch-norm statistics
    return model.eval()


def test_onnx_has_a_dynamic_batch_and_names_the_classes(tmp_path):
    classes = ["circle", "cross", "ring", "square", "triangle"]
    path = export_onnx(_model(), tmp_path / "model.onnx", image_size=32, classes=classes)
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initializers]
    assert len(inputs) == 1 and inputs[0].type.tensor_type.elem_type == onnx.TensorProto.FLOAT
    dims = inputs[0].type.tensor_type.shape.dim
    assert len(dims) == 4 and dims[0].dim_param and not dims[0].dim_value, "axis 0 must be a dynamic batch axis"
    assert [d.dim_value for d in dims[1:]] == [3, 32, 32], "input [batch, 3, 32, 32]"
    out = model.graph.output[0].type.tensor_type.shape.dim
    assert out[0].dim_param and [d.dim_value for d in out[1:]] == [5], "output [batch, 5] logits"
    assert json.loads((tmp_path / "classes.json").read_text()) == classes, "classes.json lists the classes in order"
    bigger = onnx.load(str(export_onnx(_model(), tmp_path / "big" / "model.onnx", image_size=48)))
    weights = {t.name for t in bigger.graph.initializer}
    dims = [i for i in bigger.graph.input if i.name not in weights][0].type.tensor_type.shape.dim
    assert [d.dim_value for d in dims[1:]] == [3, 48, 48], "image_size=48 must give an input [batch, 3, 48, 48]"


def test_onnx_outputs_match_torch(tmp_path, shapes):
    model = _model()
    path = export_onnx(model, tmp_path / "model.onnx", image_size=32)
    x, _, _ = tensors_of(shapes("tiny"))
    for n in (2, 7):
        with torch.no_grad():
            expected = model(x[:n]).numpy()
        got = run_onnx(str(path), x[:n].numpy())[0]
        assert got.shape == (n, 5)
        assert np.allclose(got, expected, atol=1e-4), f"ONNX and torch differ by {np.abs(got - expected).max():.2e}"
