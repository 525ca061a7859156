"""Milestone 6: interpolation and latent arithmetic."""
import math

import pytest
import torch

from conftest import trained_cgan
from gan.latent import attribute_direction, interpolate, lerp, slerp


def test_lerp_and_slerp():
    a, b = torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])
    assert lerp(a, b, 0.25).tolist() == pytest.approx([0.75, 0.25])
    mid = slerp(a, b, 0.5)
    assert mid.tolist() == pytest.approx([math.sqrt(0.5), math.sqrt(0.5)], abs=1e-6), "slerp keeps to the circle"
    third = slerp(a * 2, b * 2, 1 / 3)
    assert third.tolist() == pytest.approx([2 * math.cos(math.pi / 6), 2 * math.sin(math.pi / 6)], abs=1e-5)
    assert torch.allclose(slerp(a, b, 0.0), a) and torch.allclose(slerp(a, b, 1.0), b)
    assert torch.allclose(slerp(a, a * 3, 0.5), lerp(a, a * 3, 0.5)), "parallel vectors: fall back to lerp"


def test_interpolate_runs_from_end_to_end():
    torch.manual_seed(0)
    z0, z1 = torch.randn(16), torch.randn(16)
    path = interpolate(z0, z1, steps=7)
    assert tuple(path.shape) == (7, 16)
    assert torch.allclose(path[0], z0, atol=1e-6) and torch.allclose(path[-1], z1, atol=1e-6)
    straight = interpolate(z0, z1, steps=5, method="lerp")
    assert torch.allclose(straight[2], (z0 + z1) / 2, atol=1e-6)
    norms = path.norm(dim=1)
    assert float(norms[3]) > float(straight.norm(dim=1)[2]), "slerp does not cut through the middle of the sphere"


def test_attribute_direction():
    z = torch.tensor([[0.0, 1.0], [2.0, 0.0], [4.0, 1.0], [6.0, 3.0], [8.0, 2.0]])
    scores = torch.tensor([5.0, 1.0, 3.0, 9.0, 7.0])
    d = attribute_direction(z, scores, fraction=0.4)  # top 2: rows 3, 4; bottom 2: rows 1, 2
    assert d.tolist() == pytest.approx([7.0 - 3.0, 2.5 - 0.5])


def test_latent_arithmetic_adds_ink():
    g = trained_cgan()["generator"].eval()
    torch.manual_seed(11)
    z, labels = torch.randn(600, g.latent_dim), torch.arange(10).repeat(60)
    with torch.no_grad():
        ink = g(z, labels).flatten(1).mean(1)
    d = attribute_direction(z, ink)
    torch.manual_seed(12)
    z_new = torch.randn(500, g.latent_dim)
    new_labels = torch.arange(10).repeat(50)
    with torch.no_grad():
        means = [float(g(z_new + s * d, new_labels).mean()) for s in (-1.5, 0.0, 1.5)]
    assert means[0] < means[1] < means[2], (
        f"moving along the 'ink' direction should add ink to NEW samples: mean ink {means}"
    )
