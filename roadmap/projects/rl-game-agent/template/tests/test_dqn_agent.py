"""Milestone 4: a DQN agent that solves the grid world, graded by the referee."""
import numpy as np
import torch

from conftest import leaf_types, recorded_returns, trained_dqn
from referee import TEST_MAZE, RefGridWorld, network_policy, play, shortest_paths
from rlagent.dqn import QNetwork

SUCCESS_BAR = 0.96  # reach the goal from at least 24 of the 25 start cells
RETURN_SLACK = 0.03  # mean return at most 3 wasted steps per episode below optimal
TIME_LIMIT_S = 20.0


def grade(net):
    """Greedy play from every free cell of the referee's maze (the one the agent trained on)."""
    optimal = shortest_paths(TEST_MAZE)
    policy = network_policy(net)
    results = []
    for cell in sorted(optimal):
        total, steps, last = play(RefGridWorld(maze=TEST_MAZE), policy, options={"start": cell})
        results.append((last == 1.0, total, 1.0 - 0.01 * (optimal[cell] - 1)))
    success = np.mean([r[0] for r in results])
    return success, np.mean([r[1] for r in results]), np.mean([r[2] for r in results])


def rebuilt(net):
    """Your trained weights, loaded into a fresh QNetwork built by the test."""
    fresh = QNetwork(net.obs_dim, net.n_actions, tuple(net.hidden))
    fresh.load_state_dict({k: v.detach().cpu() for k, v in net.state_dict().items()})
    return fresh


def test_dqn_solves_the_grid_world():
    run = trained_dqn()
    net = run["net"]
    assert type(net) is QNetwork, f"train_dqn must return your QNetwork, got {type(net).__name__}"
    assert leaf_types(net) <= {"Linear", "ReLU", "Tanh", "LeakyReLU", "ELU", "GELU", "SiLU", "Identity"}
    assert run["seconds"] <= TIME_LIMIT_S, f"training took {run['seconds']:.1f} s CPU (limit {TIME_LIMIT_S})"

    success, mean_return, optimal_return = grade(rebuilt(net))
    assert success >= SUCCESS_BAR, (
        f"the greedy policy reaches the goal from {success:.0%} of the start cells (bar {SUCCESS_BAR:.0%})"
    )
    assert mean_return >= optimal_return - RETURN_SLACK, (
        f"mean return {mean_return:.3f}; the shortest paths give {optimal_return:.3f}"
    )

    torch.manual_seed(123)
    untrained_success, _, _ = grade(QNetwork(net.obs_dim, net.n_actions, tuple(net.hidden)))
    assert untrained_success < 0.5, (
        f"an UNTRAINED QNetwork already succeeds from {untrained_success:.0%} of the cells: the "
        "network's forward pass must compute Q-values from its weights, nothing else"
    )


def test_dqn_learns_from_replay_with_a_target_network():
    run = trained_dqn()
    steps = sum(env.steps_taken for env in run["envs"])
    assert steps >= 1000, f"train_dqn must train in the environment make_env() builds ({steps} steps seen)"
    assert run["samples"] >= 500, (
        f"ReplayBuffer.sample was called {run['samples']} times: learn from replayed mini-batches"
    )
    assert run["losses_on_replay"] >= 500 and run["losses_backpropagated"] >= 500, (
        f"dqn_loss was computed on the mini-batch just sampled {run['losses_on_replay']} times and "
        f"back-propagated {run['losses_backpropagated']} times: train the network with "
        "dqn_loss(online, target, batch, gamma) on each sampled batch (call it as the module-level "
        "function: the test counts those calls)"
    )
    trained, returned = run["loss_online_net"].state_dict(), run["net"].state_dict()
    assert trained.keys() == returned.keys() and all(
        torch.equal(trained[k].detach().cpu(), returned[k].detach().cpu()) for k in trained
    ), "train_dqn must return the online network that dqn_loss trained"
    assert run["syncs"] >= 3, (
        f"sync_target / soft_update were called {run['syncs']} times: refresh the target network "
        "regularly (the test counts calls to rlagent.dqn.sync_target and soft_update)"
    )
    reported = list(run["history"]["episode_returns"])
    actual = recorded_returns(run["envs"])
    assert len(reported) == len(actual) and np.allclose(reported, actual), (
        "history['episode_returns'] must be the returns of the episodes you actually played "
        f"({len(actual)} finished in the environment, {len(reported)} reported)"
    )
