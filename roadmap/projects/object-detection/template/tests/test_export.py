"""Milestone 6: the ONNX export, run by a NumPy interpreter (there is no onnxruntime here)."""
import numpy as np
import onnx
import torch

from detector.export import export_onnx
from detector.model import TinyYolo, decode, preprocess
from onnx_numpy import run_onnx


def test_onnx_export_is_valid(tmp_path):
    torch.manual_seed(0)
    path = export_onnx(TinyYolo(num_classes=4).eval(), tmp_path / "detector.onnx")
    assert (tmp_path / "detector.onnx").exists(), "export_onnx writes the file it is given"
    model = onnx.load(str(tmp_path / "detector.onnx"))
    onnx.checker.check_model(model)
    opset = max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    assert opset <= 17, f"opset {opset}: mobile runtimes and this checker support up to 17"
    assert [i.name for i in model.graph.input] == ["images"], "one input, named 'images'"
    assert [o.name for o in model.graph.output] == ["grid"], "one output, named 'grid'"
    dims = model.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param and not dims[0].dim_value, "the batch dimension must be dynamic (dynamic_axes)"
    assert [d.dim_value for d in dims[1:]] == [3, 64, 64], "input shape [batch, 3, 64, 64]"
    assert path is not None


def test_onnx_boxes_match_torch(trained, held_out, tmp_path):
    model = trained()["model"].eval()
    export_onnx(model, tmp_path / "detector.onnx")
    images = held_out()[0][:6]
    x = preprocess(images)
    with torch.no_grad():
        expected = model(x).numpy()
    for batch in (1, 6):
        (grid,) = run_onnx(tmp_path / "detector.onnx", {"images": x[:batch].numpy()})
        assert grid.shape == expected[:batch].shape, f"ONNX output {grid.shape}, torch {expected[:batch].shape}"
        assert np.allclose(grid, expected[:batch], atol=1e-3), (
            f"the ONNX graph's outputs differ from your trained model's (max |diff| "
            f"{np.abs(grid - expected[:batch]).max():.4f}); export the trained model in eval mode"
        )
    onnx_dets = decode(torch.from_numpy(grid), conf_threshold=0.2)
    torch_dets = decode(torch.from_numpy(expected), conf_threshold=0.2)
    assert sum(len(d["boxes"]) for d in torch_dets) > 0, "the trained model should find something in 6 scenes"
    for a, b in zip(onnx_dets, torch_dets):
        assert a["labels"].tolist() == b["labels"].tolist()
        assert np.allclose(a["boxes"], b["boxes"], atol=0.05), "the ONNX boxes must match torch's"
