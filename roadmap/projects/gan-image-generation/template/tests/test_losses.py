"""Milestone 1: the GAN losses."""
import math

import pytest
import torch

from gan.losses import discriminator_loss, generator_loss


def bce(logit, target):
    p = 1 / (1 + math.exp(-logit))
    return -(target * math.log(p) + (1 - target) * math.log(1 - p))


def test_discriminator_loss_with_and_without_label_smoothing():
    real, fake = torch.tensor([0.0, 2.0, -1.0]), torch.tensor([0.0, -3.0])
    plain = (bce(0.0, 1) + bce(2.0, 1) + bce(-1.0, 1)) / 3 + (bce(0.0, 0) + bce(-3.0, 0)) / 2
    assert float(discriminator_loss(real, fake)) == pytest.approx(plain, rel=1e-5), (
        "mean BCE of the real logits against 1 plus mean BCE of the fake logits against 0"
    )
    smoothed = (bce(0.0, 0.9) + bce(2.0, 0.9) + bce(-1.0, 0.9)) / 3 + (bce(0.0, 0) + bce(-3.0, 0)) / 2
    assert float(discriminator_loss(real, fake, smooth=0.1)) == pytest.approx(smoothed, rel=1e-5), (
        "one-sided label smoothing: real targets become 1 - smooth, fake targets stay 0"
    )


def test_generator_loss_is_non_saturating():
    fake = torch.tensor([-4.0, 0.0, 1.0])
    expected = (bce(-4.0, 1) + bce(0.0, 1) + bce(1.0, 1)) / 3
    assert float(generator_loss(fake)) == pytest.approx(expected, rel=1e-5), (
        "the non-saturating loss is -log D(G(z)): BCE of the fake logits against 1"
    )
    x = torch.tensor([-6.0], requires_grad=True)
    generator_loss(x).backward()
    assert float(x.grad) < -0.99, "when D confidently rejects a fake, the generator still gets a strong gradient"


def test_losses_are_stable_for_extreme_logits():
    big = torch.tensor([100.0, -100.0], requires_grad=True)
    d = discriminator_loss(big, -big, smooth=0.1)
    g = generator_loss(big)
    assert torch.isfinite(d) and torch.isfinite(g), "work on logits (softplus / BCE-with-logits), not on probabilities"
    (d + g).backward()
    assert torch.isfinite(big.grad).all()
