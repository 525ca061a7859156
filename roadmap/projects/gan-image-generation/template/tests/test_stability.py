"""Milestone 2: spectral normalisation and the two time-scale update rule."""
import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from gan.models import CondMLPDiscriminator, DCDiscriminator, MLPDiscriminator
from gan.spectral import SNConv2d, SNLinear, power_iteration
from gan.train import GANConfig, make_optimizers


def test_power_iteration_matches_the_hand_computation():
    W = torch.tensor([[3.0, 1.0, 0.0], [1.0, 2.0, 1.0]])
    u0 = torch.tensor([1.0, 0.0])
    sigma, u, v = power_iteration(W, u0, n_iter=1)
    w, u_np = W.numpy().astype(float), u0.numpy().astype(float)
    v_ref = w.T @ u_np
    v_ref /= np.linalg.norm(v_ref)
    u_ref = w @ v_ref
    u_ref /= np.linalg.norm(u_ref)
    assert v.numpy() == pytest.approx(v_ref, abs=1e-5) and u.numpy() == pytest.approx(u_ref, abs=1e-5)
    assert float(sigma) == pytest.approx(u_ref @ w @ v_ref, rel=1e-5), (
        "ONE step from the given u: v = normalize(W^T u), u = normalize(W v), sigma = u . W v"
    )
    torch.manual_seed(0)
    A = torch.randn(20, 12)
    s, _, _ = power_iteration(A, torch.randn(20), n_iter=200)
    assert float(s) == pytest.approx(float(np.linalg.svd(A.numpy(), compute_uv=False)[0]), rel=1e-4)


def test_sn_linear_has_unit_spectral_norm():
    torch.manual_seed(1)
    layer = SNLinear(30, 20)
    assert isinstance(layer, nn.Linear)
    with torch.no_grad():
        layer.weight.mul_(5.0)
    layer.train()
    x = torch.randn(4, 30)
    for _ in range(30):
        layer(x)
    w_sn = layer.normalized_weight().detach().numpy()
    assert np.linalg.svd(w_sn, compute_uv=False)[0] == pytest.approx(1.0, abs=1e-2)
    expected = x @ torch.from_numpy(w_sn).T + layer.bias.detach()
    assert torch.allclose(layer(x), expected, atol=1e-4), "forward uses weight / sigma"
    layer.eval()
    u = layer.u.clone()
    layer(x)
    assert torch.equal(layer.u, u), "in eval mode the power-iteration vector must not change"
    layer.train()
    layer(x).sum().backward()
    assert layer.weight.grad is not None and layer.weight.grad.abs().sum() > 0


def test_sn_conv_normalises_the_reshaped_kernel():
    torch.manual_seed(2)
    conv = SNConv2d(3, 8, 4, stride=2, padding=1)
    assert isinstance(conv, nn.Conv2d)
    conv.train()
    x = torch.randn(2, 3, 8, 8)
    for _ in range(30):
        y = conv(x)
    assert tuple(y.shape) == (2, 8, 4, 4)
    w = conv.normalized_weight().detach().reshape(8, -1).numpy()
    assert np.linalg.svd(w, compute_uv=False)[0] == pytest.approx(1.0, abs=1e-2)


def test_sn_layers_take_one_power_step_per_training_pass():
    torch.manual_seed(3)
    for layer, x, apply in ((SNLinear(6, 4), torch.randn(3, 6), F.linear),
                            (SNConv2d(2, 4, 3), torch.randn(2, 2, 5, 5), F.conv2d)):
        w = layer.weight.detach().reshape(4, -1).double().numpy()
        u0 = np.array([1.0, 0.0, 0.0, 0.0])
        with torch.no_grad():
            layer.u.copy_(torch.tensor(u0))
        v1 = w.T @ u0
        v1 /= np.linalg.norm(v1)
        u1 = w @ v1
        u1 /= np.linalg.norm(u1)
        sigma1 = float(u1 @ w @ v1)
        exact = float(np.linalg.svd(w, compute_uv=False)[0])
        assert abs(sigma1 - exact) > 0.01 * exact  # the case tells one power step from the exact sigma
        layer.train()
        y = layer(x)
        name = type(layer).__name__
        assert layer.u.double().numpy() == pytest.approx(u1, abs=1e-5), (
            f"{name}: one training pass refines u by ONE power step from the stored u"
        )
        expected = apply(x, layer.weight.detach() / sigma1, layer.bias.detach())
        assert torch.allclose(y, expected, atol=1e-5), (
            f"{name}: the weight is divided by the power-iteration estimate u . W v, not by the exact "
            "largest singular value (no SVD, no matrix norm)"
        )


def test_discriminators_use_spectral_norm():
    discriminators = (MLPDiscriminator(2, (16, 16), spectral_norm=True), CondMLPDiscriminator(10, (32, 16)),
                      DCDiscriminator(8))
    for d in discriminators:
        layers = [m for m in d.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
        assert layers and all(isinstance(m, (SNLinear, SNConv2d)) for m in layers), (
            f"every Linear/Conv2d of {type(d).__name__} must be spectrally normalised"
        )
    plain = MLPDiscriminator(2, (16, 16), spectral_norm=False)
    assert not any(isinstance(m, SNLinear) for m in plain.modules())


def test_two_time_scale_optimizers():
    g, d = nn.Linear(2, 2), nn.Linear(2, 1)
    cfg = GANConfig(lr_g=1e-4, lr_d=4e-4, betas=(0.0, 0.9))
    opt_g, opt_d = make_optimizers(g, d, cfg)
    assert isinstance(opt_g, torch.optim.Adam) and isinstance(opt_d, torch.optim.Adam)
    assert opt_g.param_groups[0]["lr"] == 1e-4 and opt_d.param_groups[0]["lr"] == 4e-4
    assert tuple(opt_g.param_groups[0]["betas"]) == (0.0, 0.9)
    assert {id(p) for p in opt_g.param_groups[0]["params"]} == {id(p) for p in g.parameters()}
    assert {id(p) for p in opt_d.param_groups[0]["params"]} == {id(p) for p in d.parameters()}
    default = GANConfig()
    assert default.lr_d > default.lr_g, "TTUR: the discriminator's learning rate is the larger one"
