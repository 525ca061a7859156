"""Milestone 7: StyleGAN's mapping network and per-layer styles."""
import pytest
import torch
import torch.nn as nn

from gan.stylegan import AdaIN, MappingNetwork, StyleGenerator, pixel_norm


def test_pixel_norm_and_mapping_network():
    x = torch.tensor([[3.0, 4.0], [1.0, -1.0]])
    assert pixel_norm(x).tolist()[0] == pytest.approx([3 / 12.5 ** 0.5, 4 / 12.5 ** 0.5], rel=1e-5)
    m = MappingNetwork(z_dim=8, w_dim=12, n_layers=3)
    assert [lin.out_features for lin in m.modules() if isinstance(lin, nn.Linear)] == [12, 12, 12]
    z = torch.randn(4, 8)
    assert tuple(m(z).shape) == (4, 12)
    assert torch.allclose(m(z), m(3.0 * z), atol=1e-5), "z is pixel-normalised first, so its scale does not matter"


def test_adain_normalises_each_map_then_applies_the_style():
    torch.manual_seed(0)
    layer = AdaIN(channels=3, w_dim=5)
    with torch.no_grad():
        layer.style.weight.zero_()
        layer.style.bias.copy_(torch.tensor([0.5, -0.5, 1.0, 2.0, -1.0, 0.0]))  # s = (.5, -.5, 1), b = (2, -1, 0)
    x = torch.randn(2, 3, 6, 6) * torch.tensor([3.0, 0.2, 5.0]).view(1, 3, 1, 1) + 7.0
    y = layer(x, torch.randn(2, 5))
    assert y.mean(dim=(2, 3)).tolist()[0] == pytest.approx([2.0, -1.0, 0.0], abs=1e-4), "mean of map c = b_c"
    assert y.std(dim=(2, 3), unbiased=False).tolist()[1] == pytest.approx([1.5, 0.5, 2.0], abs=1e-3), (
        "standard deviation of map c = 1 + s_c"
    )
    w = torch.randn(2, 5)
    layer2 = AdaIN(3, 5)
    assert torch.allclose(layer2(x, w), layer2(4.0 * x - 2.0, w), atol=1e-3), "the input's own scale and offset vanish"


def test_style_generator_has_one_style_per_layer():
    torch.manual_seed(0)
    g = StyleGenerator(z_dim=8, w_dim=16, ch=8).eval()
    z = torch.randn(3, 8)
    x = g(z)
    assert tuple(x.shape) == (3, 1, 28, 28) and float(x.min()) >= 0 and float(x.max()) <= 1
    assert isinstance(g.const, nn.Parameter) and g.num_ws >= 3
    w = g.mapping(z)
    ws = w.unsqueeze(1).repeat(1, g.num_ws, 1)
    assert torch.allclose(g.synthesis(ws), x, atol=1e-6), "forward(z) = synthesis with the same w in every layer"
    for i in range(g.num_ws):
        other = ws.clone()
        other[:, i] = torch.randn(3, 16)
        assert not torch.allclose(g.synthesis(other), x, atol=1e-4), f"the style of layer {i} must matter"
    z2 = torch.randn(3, 8)
    assert torch.allclose(g.mix(z, z2, 0), g(z2), atol=1e-6) and torch.allclose(g.mix(z, z2, g.num_ws), x, atol=1e-6)
    mixed = g.mix(z, z2, 2)
    assert not torch.allclose(mixed, x, atol=1e-4) and not torch.allclose(mixed, g(z2), atol=1e-4)
    g.train()
    g(z).mean().backward()
    assert g.const.grad is not None and all(p.grad is not None for p in g.mapping.parameters()), (
        "gradients must reach the constant input and the mapping network"
    )
