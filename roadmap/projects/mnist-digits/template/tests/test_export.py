"""Milestone 6: the ONNX export the lab and the demo gallery run."""
import numpy as np
import onnx
import torch

from digits.export import export_onnx
from digits.models import CNN, MLP
from onnx_numpy import run as run_onnx

from conftest import as_float


def _warm_up(model):
    """Give batch-norm layers (if any) non-trivial running statistics, then eval mode."""
    model.train()
    with torch.no_grad():
        model(torch.rand(64, 1, 28, 28))
    return model.eval()


def test_onnx_has_one_image_input_with_a_dynamic_batch(tmp_path):
    torch.manual_seed(0)
    path = export_onnx(_warm_up(CNN()), tmp_path / "cnn.onnx")
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    assert max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")) <= 17, "use opset 17 or lower"
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initializers]
    assert len(inputs) == 1, f"exactly one input, got {[i.name for i in inputs]}"
    tensor = inputs[0].type.tensor_type
    assert tensor.elem_type == onnx.TensorProto.FLOAT, "the input must be float32"
    dims = tensor.shape.dim
    assert len(dims) == 4, "the input must be [batch, 1, 28, 28]"
    assert dims[0].dim_param and not dims[0].dim_value, (
        "axis 0 of the input must be a dynamic batch axis (dynamic_axes={'input': {0: 'batch'}, ...})"
    )
    assert [d.dim_value for d in dims[1:]] == [1, 28, 28], "the input must be [batch, 1, 28, 28]"
    out = model.graph.output[0].type.tensor_type.shape.dim
    assert len(out) == 2 and out[1].dim_value == 10, "the output must be [batch, 10] logits"
    assert out[0].dim_param and not out[0].dim_value, "axis 0 of the output must be dynamic too"


def test_onnx_outputs_match_torch(tmp_path, mnist):
    images, _ = mnist("train")
    for cls in (CNN, MLP):
        torch.manual_seed(1)
        model = _warm_up(cls())
        path = export_onnx(model, tmp_path / f"{cls.__name__}.onnx")
        for n in (3, 11):
            x = as_float(images[100:100 + n])
            with torch.no_grad():
                expected = model(x).numpy()
            got = run_onnx(str(path), x.numpy())[0]
            assert got.shape == (n, 10), f"{cls.__name__}: ONNX output shape {got.shape} for a batch of {n}"
            assert np.allclose(got, expected, atol=1e-4), (
                f"{cls.__name__}: the ONNX outputs differ from torch's by up to {np.abs(got - expected).max():.2e}"
            )
