"""Milestone 5: the DCGAN and its ONNX export."""
import numpy as np
import onnx
import torch
import torch.nn as nn

import onnx_eval
from gan.export import export_generator
from gan.models import DCDiscriminator, DCGenerator
from gan.spectral import SNConv2d


def test_dcgan_networks():
    g, d = DCGenerator(latent_dim=12, ch=8), DCDiscriminator(ch=8)
    g.eval()
    x = g(torch.randn(3, 12))
    assert tuple(x.shape) == (3, 1, 28, 28) and float(x.min()) >= 0 and float(x.max()) <= 1
    assert tuple(d(x).shape) == (3,), "one logit per image"
    tconvs = [m for m in g.modules() if isinstance(m, nn.ConvTranspose2d)]
    assert len(tconvs) == 2 and all(m.stride == (2, 2) for m in tconvs), "two stride-2 transposed convolutions"
    assert any(isinstance(m, nn.BatchNorm2d) for m in g.modules()), "DCGAN's generator uses batch norm"
    convs = [m for m in d.modules() if isinstance(m, nn.Conv2d)]
    assert len(convs) == 2 and all(isinstance(m, SNConv2d) and m.stride == (2, 2) for m in convs), (
        "the discriminator: two stride-2 spectrally normalised convolutions"
    )
    assert (g.latent_dim, g.ch, d.ch) == (12, 8, 8)


def test_generator_exports_to_onnx(tmp_path):
    torch.manual_seed(0)
    g = DCGenerator(latent_dim=16, ch=8)
    g.train()
    with torch.no_grad():  # give batch norm non-trivial running statistics
        for _ in range(3):
            g(torch.randn(64, 16) * 2 + 0.5)
    g.eval()
    path = export_generator(g, tmp_path / "generator.onnx")
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    assert [i.name for i in model.graph.input] == ["latent"] and [o.name for o in model.graph.output] == ["image"]
    dims = model.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param and dims[1].dim_value == 16, "input latent [batch, latent_dim] with a dynamic batch"
    assert {p.key: p.value for p in model.metadata_props}.get("latent_dim") == "16"
    assert model.opset_import[0].version <= 17
    for batch in (1, 5):
        z = torch.randn(batch, 16)
        with torch.no_grad():
            expected = g(z).numpy()
        out = onnx_eval.run(model, {"latent": z.numpy()})[0]
        assert out.shape == (batch, 1, 28, 28)
        assert np.abs(out - expected).max() < 1e-4, "the ONNX graph must compute what the generator computes"
        assert out.min() >= 0.0 and out.max() <= 1.0, "pixels in [0, 1]"
