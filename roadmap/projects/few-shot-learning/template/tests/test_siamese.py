"""Milestone 4: a Siamese network with the contrastive loss."""
import numpy as np
import pytest
import torch

from conftest import NOVEL, assert_honest_training, digits, trained_siamese
from fewshot.models import ConvEmbedding
from fewshot.siamese import PairSampler, SiameseNet, contrastive_loss
from referee import grade_siamese

BAR = 0.76  # 5-way 5-shot on the novel digits, smallest mean distance to a class's shots
GAIN = 0.05


def test_contrastive_loss_pulls_pairs_together_and_pushes_others_apart():
    d = torch.tensor([0.5, 2.0, 0.3, 1.5])
    same = torch.tensor([1.0, 1.0, 0.0, 0.0])
    # same pairs: d^2 = 0.25, 4.0; different: (1 - 0.3)^2 = 0.49, beyond the margin: 0
    assert float(contrastive_loss(d, same, margin=1.0)) == pytest.approx((0.25 + 4.0 + 0.49 + 0.0) / 4)
    assert float(contrastive_loss(d, same, margin=2.0)) == pytest.approx((0.25 + 4.0 + 2.89 + 0.25) / 4)


def test_pair_sampler_draws_balanced_correct_pairs():
    labels = np.random.default_rng(0).permutation(np.repeat(np.arange(5), 40))
    a, b, same = PairSampler(labels, seed=1).sample(4000)
    a, b, same = np.asarray(a), np.asarray(b), np.asarray(same)
    assert a.shape == b.shape == same.shape == (4000,)
    assert np.array_equal(same == 1.0, labels[a] == labels[b]), "same must say whether the labels match"
    assert 0.45 <= same.mean() <= 0.55, f"half the pairs should be same-class, got {same.mean():.2f}"
    assert not np.any((a == b) & (same == 1.0)), "a same-class pair is two different examples"
    assert len(np.unique(b[same == 0])) > 150, "different-class partners come from all over the data"
    first, again = PairSampler(labels, seed=1).sample(50), PairSampler(labels, seed=1).sample(50)
    assert all(np.array_equal(u, v) for u, v in zip(first, again)), "the same seed gives the same pairs"


def test_siamese_branches_share_one_embedding():
    torch.manual_seed(0)
    net = SiameseNet(channels=8)
    convs = [m for m in net.modules() if isinstance(m, torch.nn.Conv2d)]
    assert len(convs) == 3 and isinstance(net.embedding, ConvEmbedding), "one shared ConvEmbedding"
    net.eval()
    a, b = torch.rand(6, 1, 28, 28), torch.rand(6, 1, 28, 28)
    za, zb = net.embed(a), net.embed(b)
    assert torch.allclose(za.norm(dim=1), torch.ones(6), atol=1e-5), "embed returns unit vectors"
    d = net(a, b)
    assert tuple(d.shape) == (6,)
    assert torch.allclose(d, (za - zb).norm(dim=1), atol=1e-5), "forward(a, b) = ||embed(a) - embed(b)||"
    assert torch.allclose(d, net(b, a), atol=1e-6) and torch.allclose(net(a, a), torch.zeros(6), atol=1e-3)


def test_siamese_beats_raw_pixels_on_novel_classes():
    run = trained_siamese()
    assert_honest_training(run)
    net = run["model"]
    assert type(net) is SiameseNet, f"train_siamese must return your SiameseNet, got {type(net).__name__}"
    fresh = SiameseNet(net.channels)
    fresh.load_state_dict({k: v.detach().cpu() for k, v in net.state_dict().items()})
    fresh.eval()
    images, labels = digits("novel")
    acc = grade_siamese(fresh.embed, images, labels, NOVEL)
    assert acc >= BAR, f"5-way 5-shot accuracy on the novel digits is {acc:.3f}; the bar is {BAR}"
    torch.manual_seed(0)
    untrained = grade_siamese(SiameseNet(net.channels).eval().embed, images, labels, NOVEL)
    assert acc >= untrained + GAIN, (
        f"training adds only {acc - untrained:+.3f} over the same network untrained ({untrained:.3f})"
    )
