"""Milestone 5: Reptile meta-learns an initialisation that adapts in a few steps."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from conftest import NOVEL, assert_honest_training, digits, leaf_types, trained_reptile
from fewshot.models import ReptileNet
from fewshot.reptile import ReptileConfig, adapt, reptile_update
from referee import grade_initialisation

BAR = 0.62  # 5-way 5-shot on the novel digits after fine-tuning on the support set
GAIN = 0.20  # over the same network, randomly initialised, fine-tuned the same way
MAX_STEPS = 50


def test_adapt_fine_tunes_a_copy_with_sgd():
    torch.manual_seed(0)
    model = nn.Linear(3, 2)
    x, y = torch.randn(8, 3), torch.tensor([0, 1, 0, 1, 1, 0, 0, 1])
    before = [p.detach().clone() for p in model.parameters()]
    ref = nn.Linear(3, 2)
    ref.load_state_dict(model.state_dict())
    for _ in range(2):  # two plain SGD steps, worked out here
        ref.zero_grad()
        F.cross_entropy(ref(x), y).backward()
        with torch.no_grad():
            for p in ref.parameters():
                p -= 0.5 * p.grad
    fast = adapt(model, x, y, steps=2, lr=0.5)
    assert fast is not model, "adapt returns a new model"
    assert all(torch.equal(p, b) for p, b in zip(model.parameters(), before)), "the original is untouched"
    for p, r in zip(fast.parameters(), ref.parameters()):
        assert torch.allclose(p, r, atol=1e-6), "adapt = `steps` full-batch SGD steps on the cross-entropy"


def test_reptile_update_moves_towards_the_adapted_weights():
    model, adapted = nn.Linear(2, 2), nn.Linear(2, 2)
    with torch.no_grad():
        for p in model.parameters():
            p.fill_(1.0)
        for p in adapted.parameters():
            p.fill_(3.0)
    reptile_update(model, adapted, epsilon=0.25)
    assert all(torch.allclose(p, torch.full_like(p, 1.5)) for p in model.parameters()), "theta + eps (phi - theta)"
    assert all(torch.allclose(p, torch.full_like(p, 3.0)) for p in adapted.parameters())


def test_reptile_net_is_a_small_classifier():
    net = ReptileNet(n_way=5, hidden=(32, 16))
    assert tuple(net(torch.rand(3, 1, 28, 28)).shape) == (3, 5)
    assert (net.n_way, tuple(net.hidden)) == (5, (32, 16))
    assert [m.out_features for m in net.modules() if isinstance(m, nn.Linear)] == [32, 16, 5]
    assert leaf_types(net) <= {"AvgPool2d", "Flatten", "Linear", "ReLU", "Tanh", "Identity"}


def test_reptile_adapts_quickly_to_novel_classes():
    run = trained_reptile()
    assert_honest_training(run)
    model = run["model"]
    assert type(model) is ReptileNet, f"train_reptile must return your ReptileNet, got {type(model).__name__}"
    cfg = ReptileConfig()
    assert 1 <= cfg.adapt_steps <= MAX_STEPS, f"adapt_steps must be between 1 and {MAX_STEPS}"
    fresh = ReptileNet(model.n_way, tuple(model.hidden))
    fresh.load_state_dict({k: v.detach().cpu() for k, v in model.state_dict().items()})
    images, labels = digits("novel")
    acc = grade_initialisation(fresh, cfg.adapt_steps, cfg.adapt_lr, images, labels, NOVEL)
    torch.manual_seed(0)
    scratch = grade_initialisation(ReptileNet(model.n_way, tuple(model.hidden)), cfg.adapt_steps,
                                   cfg.adapt_lr, images, labels, NOVEL, count=30)
    assert acc >= BAR, (
        f"after {cfg.adapt_steps} SGD steps on the support set, 5-way 5-shot accuracy on the novel "
        f"digits is {acc:.3f}; the bar is {BAR} (a random initialisation: {scratch:.3f})"
    )
    assert acc >= scratch + GAIN, f"meta-learning adds only {acc - scratch:+.3f} over a random initialisation"
