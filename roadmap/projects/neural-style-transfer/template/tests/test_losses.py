"""Milestone 1: the feature extractor, the Gram matrix and the three losses."""
import pytest
import torch
from torch import nn

from stylize.features import FeatureExtractor
from stylize.losses import content_loss, gram_matrix, style_loss, total_variation


def test_gram_matrix_by_hand():
    f = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [0.0, 1.0]]]])  # [1, 2, 2, 2]
    f = torch.cat([f, 2 * f])  # a batch of two
    g = gram_matrix(f)
    # Channel rows: (1, 2, 3, 4) and (0, 1, 0, 1); F F^T = [[30, 6], [6, 2]]; C * H * W = 8.
    expected = torch.tensor([[3.75, 0.75], [0.75, 0.25]])
    assert tuple(g.shape) == (2, 2, 2), "one C x C Gram matrix per image of the batch"
    assert torch.allclose(g[0], expected), f"Gram matrix of the first image: expected {expected.tolist()}, got {g[0].tolist()}"
    assert torch.allclose(g[1], 4 * expected), "each image of the batch has its own Gram matrix"
    x = torch.randn(1, 3, 5, 7, requires_grad=True)
    gram_matrix(x).sum().backward()
    assert x.grad is not None and torch.isfinite(x.grad).all(), "the Gram matrix must be differentiable"


def test_losses_by_hand():
    a = {"x": torch.tensor([[1.0, 2.0, 3.0, 4.0]]), "y": torch.zeros(1, 2)}
    b = {"x": torch.tensor([[1.0, 0.0, 3.0, 0.0]]), "y": torch.ones(1, 2)}
    assert float(content_loss(a, b, ["x"])) == pytest.approx(5.0), "mean of (0, 4, 0, 16)"
    assert float(content_loss(a, b, ["x", "y"])) == pytest.approx(6.0), "summed over the layers"
    f = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [0.0, 1.0]]]])
    target = {"f": torch.zeros(1, 2, 2)}
    # gram = [[3.75, 0.75], [0.75, 0.25]]: mean of squares = (14.0625 + 0.5625 + 0.5625 + 0.0625) / 4
    assert float(style_loss({"f": f}, target, ["f"])) == pytest.approx(3.8125)
    assert float(style_loss({"f": f}, target, ["f"], weights={"f": 0.5})) == pytest.approx(1.90625), "weighted per layer"
    img = torch.tensor([[[[0.0, 1.0], [0.0, 1.0]]]]).repeat(1, 3, 1, 1)  # vertical edge
    # vertical neighbours: all equal -> 0; horizontal neighbours: differ by 1 everywhere -> 1
    assert float(total_variation(img)) == pytest.approx(1.0)
    img = torch.tensor([[[[0.0, 1.0], [2.0, 4.0]]]]).repeat(1, 3, 1, 1)
    # vertical neighbours differ by 2 and 3 -> mean of (4, 9) = 6.5; horizontal by 1 and 2 -> mean of (1, 4) = 2.5
    assert float(total_variation(img)) == pytest.approx(9.0), "both directions, squared differences, means"
    assert float(total_variation(torch.full((1, 3, 4, 4), 0.3))) == pytest.approx(0.0)


def test_extractor_returns_the_named_layers_and_stops_early():
    class Boom(nn.Module):
        def forward(self, x):
            raise AssertionError("FeatureExtractor ran a layer after the last one it needs")

    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(), Boom())
    ex = FeatureExtractor(net, {"a": 1, "b": 3}, content_layers=["b"], style_layers=["a", "b"])
    x = torch.rand(2, 3, 8, 8)
    out = ex(x)
    assert set(out) == {"a", "b"}, f"one entry per named layer, got {sorted(out)}"
    with torch.no_grad():
        a = net[1](net[0](x))
        b = net[3](net[2](a))
    assert torch.allclose(out["a"], a) and torch.allclose(out["b"], b)
    assert not any(p.requires_grad for p in ex.parameters()), "the network is frozen"
    norm = FeatureExtractor(net, {"a": 1}, ["a"], ["a"], mean=(0.5, 0.5, 0.5), std=(0.25, 0.25, 0.25))
    with torch.no_grad():
        assert torch.allclose(norm(x)["a"], net[1](net[0]((x - 0.5) / 0.25))), "normalise first when mean/std are given"
