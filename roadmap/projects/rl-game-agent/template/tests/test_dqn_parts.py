"""Milestone 3: the Q-network, TD targets, the loss and the target network."""
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from conftest import leaf_types
from rlagent.dqn import (
    QNetwork,
    dqn_loss,
    linear_epsilon,
    make_target,
    soft_update,
    sync_target,
    td_targets,
)
from rlagent.replay import Batch

ALLOWED_LEAVES = {"Linear", "ReLU", "Tanh", "LeakyReLU", "ELU", "GELU", "SiLU", "Identity", "Flatten"}


def test_q_network_maps_observations_to_action_values():
    torch.manual_seed(0)
    net = QNetwork(36, 4, hidden=(32, 16))
    out = net(torch.rand(5, 36))
    assert tuple(out.shape) == (5, 4), f"expected Q-values of shape [5, 4], got {tuple(out.shape)}"
    assert (net.obs_dim, net.n_actions, tuple(net.hidden)) == (36, 4, (32, 16))
    assert leaf_types(net) <= ALLOWED_LEAVES, (
        f"an MLP of Linear layers and activations, got {leaf_types(net)}"
    )
    linears = [m for m in net.modules() if isinstance(m, nn.Linear)]
    assert [m.out_features for m in linears] == [32, 16, 4], "one Linear per hidden width, then the output"


def test_td_targets_bootstrap_only_when_not_terminated():
    rewards = torch.tensor([1.0, -1.0, 0.5, 0.0])
    next_q = torch.tensor([[1.0, 2.0], [3.0, 0.0], [-1.0, -2.0], [0.25, 0.5]])
    terminated = torch.tensor([0.0, 1.0, 0.0, 0.0])
    y = td_targets(rewards, next_q, terminated, gamma=0.9)
    assert y.tolist() == pytest.approx([2.8, -1.0, -0.4, 0.45]), (
        "target = r + gamma * max_a' Q_target(s', a'), with no bootstrap where terminated"
    )


def test_dqn_loss_is_huber_on_chosen_actions_and_trains_only_the_online_net():
    torch.manual_seed(1)
    online, target = nn.Linear(3, 2), nn.Linear(3, 2)
    batch = Batch(
        obs=torch.randn(6, 3),
        actions=torch.tensor([0, 1, 1, 0, 1, 0]),
        rewards=torch.tensor([1.0, 0.0, -1.0, 0.5, 2.0, 0.0]),
        next_obs=torch.randn(6, 3),
        terminated=torch.tensor([0.0, 0.0, 1.0, 0.0, 0.0, 1.0]),
    )
    with torch.no_grad():
        q = online(batch.obs).gather(1, batch.actions[:, None]).squeeze(1)
        y = batch.rewards + 0.95 * (1 - batch.terminated) * target(batch.next_obs).max(1).values
        expected = F.smooth_l1_loss(q, y)
    loss = dqn_loss(online, target, batch, gamma=0.95)
    assert float(loss) == pytest.approx(float(expected), rel=1e-5), (
        f"expected the Huber (smooth L1) loss {float(expected):.6f}, got {float(loss):.6f}"
    )
    loss.backward()
    assert online.weight.grad is not None and online.weight.grad.abs().sum() > 0
    assert target.weight.grad is None, "no gradient may flow into the target network"


def test_target_network_is_a_frozen_copy():
    torch.manual_seed(2)
    online = QNetwork(4, 2, hidden=(8,))
    target = make_target(online)
    assert target is not online, "the target network must be a separate network"
    pairs = list(zip(online.parameters(), target.parameters()))
    assert pairs and all(torch.equal(p, t) for p, t in pairs), "it starts as an exact copy"
    assert all(p.data_ptr() != t.data_ptr() for p, t in pairs), "it must not share storage"
    assert not any(t.requires_grad for t in target.parameters()), "the target is never trained"

    frozen = [t.clone() for t in target.parameters()]
    opt = torch.optim.SGD(online.parameters(), lr=0.5)
    online(torch.randn(16, 4)).pow(2).sum().backward()
    opt.step()
    assert all(torch.equal(t, f) for t, f in zip(target.parameters(), frozen)), (
        "training the online network must not move the target network"
    )
    assert not all(torch.equal(p, t) for p, t in zip(online.parameters(), target.parameters()))

    sync_target(online, target)
    assert all(torch.equal(p, t) for p, t in zip(online.parameters(), target.parameters())), (
        "sync_target copies every online parameter into the target"
    )
    with torch.no_grad():
        next(online.parameters()).add_(1.0)
    assert not torch.equal(next(online.parameters()), next(target.parameters())), (
        "after a sync the two networks must still be independent"
    )


def test_soft_update_and_epsilon_schedule():
    online, target = nn.Linear(2, 2), nn.Linear(2, 2)
    with torch.no_grad():
        for p in online.parameters():
            p.fill_(3.0)  # not 1.0: tau * 1.0 would not tell tau * p from tau
        for p in target.parameters():
            p.fill_(0.0)
    soft_update(online, target, tau=0.1)
    assert all(torch.allclose(p, torch.full_like(p, 0.3)) for p in target.parameters()), (
        "target <- (1 - tau) * target + tau * online"
    )
    soft_update(online, target, tau=0.1)
    assert all(torch.allclose(p, torch.full_like(p, 0.57)) for p in target.parameters())
    assert all(torch.allclose(p, torch.full_like(p, 3.0)) for p in online.parameters())

    values = [linear_epsilon(s, 1.0, 0.1, 100) for s in (0, 50, 100, 500)]
    assert values == pytest.approx([1.0, 0.55, 0.1, 0.1])
