"""Milestone 5: REINFORCE with a learned baseline raises CartPole's return."""
import numpy as np
import pytest
import torch
import torch.nn as nn

from conftest import leaf_types, recorded_returns, trained_reinforce
from referee import RefCartPole, network_policy, play
from rlagent.policy_gradient import (
    PolicyNetwork,
    ValueNetwork,
    discounted_returns,
    reinforce_losses,
)

RETURN_BAR = 195.0  # mean greedy return over the referee's seeds (random play: ~22)
UNTRAINED_MAX = 100.0
TIME_LIMIT_S = 20.0
EVAL_SEEDS = range(1000, 1010)


def test_discounted_returns_are_reward_to_go():
    assert np.asarray(discounted_returns([1.0, 1.0, 1.0], 0.5)) == pytest.approx([1.75, 1.5, 1.0])
    assert np.asarray(discounted_returns([0.0, 0.0, 10.0], 0.9)) == pytest.approx([8.1, 9.0, 10.0])
    assert np.asarray(discounted_returns([2.0, -1.0], 1.0)) == pytest.approx([1.0, -1.0])
    assert len(discounted_returns([], 0.99)) == 0


class _Value(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(3, 1)

    def forward(self, obs):
        return self.lin(obs).squeeze(-1)


def test_reinforce_losses_use_a_detached_baseline():
    torch.manual_seed(0)
    policy, value = nn.Linear(3, 2), _Value()
    obs = torch.randn(6, 3)
    actions = torch.tensor([0, 1, 1, 0, 0, 1])
    returns = torch.tensor([3.0, 2.5, 2.0, 1.0, 0.5, -1.0])

    with torch.no_grad():
        logp = torch.log_softmax(policy(obs), -1).gather(1, actions[:, None]).squeeze(1)
        v = value(obs)
        expected_pi = -(logp * (returns - v)).mean()
        expected_v = ((v - returns) ** 2).mean()
    pi_loss, v_loss = reinforce_losses(policy, value, obs, actions, returns, normalize=False)
    assert float(pi_loss) == pytest.approx(float(expected_pi), rel=1e-5), (
        "policy loss = -mean(log pi(a|s) * (G - V(s)))"
    )
    assert float(v_loss) == pytest.approx(float(expected_v), rel=1e-5), "value loss = mean((V(s) - G)^2)"

    pi_loss.backward(retain_graph=True)
    assert policy.weight.grad is not None and policy.weight.grad.abs().sum() > 0
    assert value.lin.weight.grad is None or value.lin.weight.grad.abs().sum() == 0, (
        "the baseline is a constant in the policy loss: detach V(s)"
    )
    policy.zero_grad()
    v_loss.backward()
    assert policy.weight.grad is None or policy.weight.grad.abs().sum() == 0, (
        "the value loss must not change the policy"
    )

    # Standardised advantages ignore a shift and a positive scale of the returns.
    a, _ = reinforce_losses(policy, value, obs, actions, returns, normalize=True)
    shifted = 3.0 * (returns - value(obs).detach()) + 7.0 + value(obs).detach()  # A' = 3A + 7
    b, _ = reinforce_losses(policy, value, obs, actions, shifted, normalize=True)
    assert float(a) == pytest.approx(float(b), rel=1e-4, abs=1e-6), (
        "with normalize=True the advantages must be standardised (mean 0, std 1)"
    )


def test_policy_and_value_networks():
    torch.manual_seed(0)
    policy, value = PolicyNetwork(4, 2, hidden=(16,)), ValueNetwork(4, hidden=(16,))
    x = torch.randn(7, 4)
    assert tuple(policy(x).shape) == (7, 2), "the policy outputs one logit per action"
    assert tuple(value(x).shape) == (7,), "the value network outputs one number per observation, shape [B]"
    assert (policy.obs_dim, policy.n_actions, tuple(policy.hidden)) == (4, 2, (16,))
    assert leaf_types(policy) <= {"Linear", "ReLU", "Tanh", "LeakyReLU", "ELU", "GELU", "SiLU", "Identity"}


def rebuilt(policy):
    fresh = PolicyNetwork(policy.obs_dim, policy.n_actions, tuple(policy.hidden))
    fresh.load_state_dict({k: v.detach().cpu() for k, v in policy.state_dict().items()})
    return fresh


def greedy_mean(net):
    """Greedy play in the CartPole the agent trained in (actions swapped: 0 pushes right)."""
    env = lambda: RefCartPole(swap_actions=True)  # noqa: E731
    return float(np.mean([play(env(), network_policy(net), seed=s)[0] for s in EVAL_SEEDS]))


def test_reinforce_raises_cartpole_return():
    run = trained_reinforce()
    policy = run["policy"]
    assert type(policy) is PolicyNetwork, f"return your PolicyNetwork, got {type(policy).__name__}"
    assert run["seconds"] <= TIME_LIMIT_S, f"training took {run['seconds']:.1f} s CPU (limit {TIME_LIMIT_S})"
    steps = sum(env.steps_taken for env in run["envs"])
    assert steps >= 5000, f"train in the environment make_env() builds ({steps} steps seen)"
    reported = list(run["history"]["episode_returns"])
    actual = recorded_returns(run["envs"])
    assert len(reported) == len(actual) and np.allclose(reported, actual), (
        "history['episode_returns'] must be the returns of the episodes you actually played"
    )

    score = greedy_mean(rebuilt(policy))
    assert score >= RETURN_BAR, (
        f"mean greedy return over the referee's seeds is {score:.1f}; the bar is {RETURN_BAR}"
    )
    untrained = []
    for init_seed in range(5):
        torch.manual_seed(init_seed)
        untrained.append(greedy_mean(PolicyNetwork(policy.obs_dim, policy.n_actions, tuple(policy.hidden))))
    assert np.mean(untrained) < UNTRAINED_MAX, (
        f"UNTRAINED PolicyNetworks already average {np.mean(untrained):.0f}: the policy must come "
        "from its weights and training, not from a hand-written controller"
    )
