"""Milestone 3: a GAN that covers the 8-Gaussian ring."""
import torch
import torch.nn as nn

from conftest import leaf_types, stray_state, trained_toy
from gan.models import MLPDiscriminator, MLPGenerator
from gan.train import GANConfig, train_gan
from referee import MixtureSampler, coverage

MODES_BAR = 7  # of 8
QUALITY_BAR = 0.2  # fraction of samples within 3 std of a mode
TIME_LIMIT_S = 20.0


def test_mlp_networks_have_the_right_shapes():
    g, d = MLPGenerator(3, 2, (16, 8)), MLPDiscriminator(2, (16, 8), spectral_norm=False)
    assert tuple(g(torch.randn(5, 3)).shape) == (5, 2)
    assert tuple(d(torch.randn(5, 2)).shape) == (5,), "the discriminator returns one logit per example"
    assert [m.out_features for m in g.modules() if isinstance(m, nn.Linear)] == [16, 8, 2]
    assert (g.latent_dim, g.out_dim, tuple(g.hidden)) == (3, 2, (16, 8))


def test_train_gan_alternates_both_players():
    torch.manual_seed(0)
    g, d = MLPGenerator(2, 2, (8,)), MLPDiscriminator(2, (8,), spectral_norm=True)
    g0 = [p.detach().clone() for p in g.parameters()]
    d0 = [p.detach().clone() for p in d.parameters()]
    calls = []
    sampler = MixtureSampler(seed=3)
    history = train_gan(g, d, sampler.sample, GANConfig(steps=6, batch_size=16, latent_dim=2, log_every=3),
                        callback=lambda step, gen: calls.append(step))
    assert len(history["d_loss"]) == 6 and len(history["g_loss"]) == 6, "one loss of each player per step"
    assert calls == [3, 6], "callback(step, generator) every log_every steps, counting from 1"
    assert sampler.drawn == 6 * 16, "one real batch per step"
    assert any(not torch.equal(p, q) for p, q in zip(g.parameters(), g0)), "the generator must be updated"
    assert any(not torch.equal(p, q) for p, q in zip(d.parameters(), d0)), "the discriminator must be updated"


def test_toy_gan_covers_the_mixture():
    run = trained_toy()
    g = run["generator"]
    assert type(g) is MLPGenerator, f"train_toy_gan must return your MLPGenerator, got {type(g).__name__}"
    assert leaf_types(g) <= {"Linear", "ReLU", "LeakyReLU", "Tanh", "ELU", "SiLU", "Identity"}
    assert not stray_state(g), (
        f"the generator keeps state of its own besides its layers' weights ({stray_state(g)}): "
        "its samples must come from the weights that the adversarial training learnt"
    )
    assert run["seconds"] <= TIME_LIMIT_S, f"training took {run['seconds']:.1f} s of CPU (limit {TIME_LIMIT_S})"
    assert run["drawn"] >= 20_000, f"train on the sampler you are given ({run['drawn']} points drawn)"
    fresh = MLPGenerator(g.latent_dim, g.out_dim, tuple(g.hidden))
    fresh.load_state_dict(g.state_dict())
    fresh.eval()
    torch.manual_seed(2024)
    with torch.no_grad():
        modes, quality = coverage(fresh(torch.randn(2000, g.latent_dim)).numpy())
    assert modes >= MODES_BAR, f"the generator covers {modes} of the 8 modes (bar {MODES_BAR})"
    assert quality >= QUALITY_BAR, f"only {quality:.0%} of the samples lie near a mode (bar {QUALITY_BAR:.0%})"
    torch.manual_seed(0)
    untrained = MLPGenerator(g.latent_dim, g.out_dim, tuple(g.hidden)).eval()
    with torch.no_grad():
        modes0, _ = coverage(untrained(torch.randn(2000, g.latent_dim)).numpy())
    assert modes0 <= 3, "an UNTRAINED MLPGenerator already covers the ring: the samples must come from training"
