"""Milestone 4: a conditional GAN draws the digit it is asked for."""
import torch
import torch.nn as nn

from conftest import assert_no_data_opened, digits, judge, leaf_types, stray_state, trained_cgan
from gan.models import CondMLPGenerator
from referee import as_float, judged, within_class_spread

ACCURACY_BAR = 0.80  # the judge reads the requested digit (an untrained generator: ~0.10)
SPREAD_BAR = 0.25  # within-class spread of the samples, relative to real held-out digits
TIME_LIMIT_S = 30.0


def test_conditional_networks_take_labels():
    g = CondMLPGenerator(8, 10, (16, 32)).eval()
    x = g(torch.randn(4, 8), torch.tensor([0, 3, 9, 3]))
    assert tuple(x.shape) == (4, 1, 28, 28) and float(x.min()) >= 0 and float(x.max()) <= 1
    assert not torch.allclose(g(torch.zeros(1, 8), torch.tensor([1])), g(torch.zeros(1, 8), torch.tensor([2]))), (
        "the label must change the output"
    )
    assert [m.out_features for m in g.modules() if isinstance(m, nn.Linear)] == [16, 32, 784]


def rebuilt(g):
    fresh = CondMLPGenerator(g.latent_dim, g.n_classes, tuple(g.hidden))
    fresh.load_state_dict(g.state_dict())
    return fresh.eval()


def samples(g, per_class=100, seed=7):
    torch.manual_seed(seed)
    labels = torch.arange(10).repeat(per_class)
    with torch.no_grad():
        return g(torch.randn(len(labels), g.latent_dim), labels), labels


def test_conditional_gan_draws_the_requested_digits():
    run = trained_cgan()
    assert_no_data_opened()
    g = run["generator"]
    assert type(g) is CondMLPGenerator, (
        f"train_conditional_gan must return your CondMLPGenerator, got {type(g).__name__}"
    )
    assert leaf_types(g) <= {"Linear", "BatchNorm1d", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "ELU", "SiLU",
                             "Identity", "Dropout"}, f"the generator is an MLP, its layers are {leaf_types(g)}"
    assert [m.out_features for m in g.modules() if isinstance(m, nn.Linear)] == [*g.hidden, 784]
    assert not stray_state(g), (
        f"the generator keeps state of its own besides its layers' weights ({stray_state(g)}): "
        "its digits must come from the weights that the adversarial training learnt, not from stored images"
    )
    assert run["seconds"] <= TIME_LIMIT_S, f"training took {run['seconds']:.1f} s of CPU (limit {TIME_LIMIT_S})"
    images, labels = samples(rebuilt(g))
    pred, _ = judged(judge(), images)
    accuracy = float((pred == labels).float().mean())
    assert accuracy >= ACCURACY_BAR, (
        f"the referee's digit classifier reads the requested digit in {accuracy:.1%} of the samples "
        f"(bar {ACCURACY_BAR:.0%})"
    )
    torch.manual_seed(0)
    untrained, _ = samples(CondMLPGenerator(g.latent_dim, g.n_classes, tuple(g.hidden)).eval())
    pred0, _ = judged(judge(), untrained)
    assert float((pred0 == labels).float().mean()) < 0.3, (
        "an UNTRAINED CondMLPGenerator already draws the right digits: they must come from training"
    )


def test_conditional_samples_are_diverse():
    g = rebuilt(trained_cgan()["generator"])
    images, labels = samples(g)
    real_images, real_labels = digits("heldout")
    keep = torch.cat([torch.nonzero(torch.as_tensor(real_labels) == c)[:100, 0] for c in range(10)])
    real = within_class_spread(as_float(real_images)[keep], torch.as_tensor(real_labels)[keep])
    spread = within_class_spread(images, labels)
    assert spread >= SPREAD_BAR * real, (
        f"samples of one digit are too alike: mean pairwise distance {spread:.2f}, real digits "
        f"{real:.2f} (the bar is {SPREAD_BAR:.0%} of real): the generator has (partly) collapsed"
    )
    background = float((images < 0.1).float().mean())
    assert background >= 0.5, f"only {background:.0%} of the pixels are background: digits are mostly empty paper"
