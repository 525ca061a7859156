"""Milestone 1: playing episodes, evaluating over seeds, the random baseline."""
import math

import numpy as np
import pytest

from referee import RefCartPole, RefGridWorld, play
from rlagent.envs import Discrete
from rlagent.evaluation import (
    RandomPolicy,
    evaluate_policy,
    mean_confidence_interval,
    moving_average,
    run_episode,
)


def lean_controller(obs):
    """Push the cart towards the side the pole leans to (a weak hand-made policy)."""
    return 1 if obs[2] > 0 else 0


def test_run_episode_plays_until_terminated_or_truncated():
    # Walking up from the top-left corner bumps into the edge until the 50-step time limit.
    total, steps = run_episode(RefGridWorld(), lambda obs: 0, options={"start": (0, 0)})
    assert steps == 50, f"the episode is truncated after 50 steps, you played {steps}"
    assert total == pytest.approx(-0.5), f"50 steps of -0.01 make -0.5, got {total}"
    # From (2, 2): right -> (2, 3), right -> (2, 4), up -> (1, 4),
    # up -> (0, 4), right -> (0, 5), down -> (1, 5) = the goal.
    actions = iter([1, 1, 0, 0, 1, 2])
    total, steps = run_episode(RefGridWorld(), lambda obs: next(actions), options={"start": (2, 2)})
    assert steps == 6 and total == pytest.approx(5 * -0.01 + 1.0), (
        f"reaching the goal in 6 steps returns 0.95 and ends the episode, got ({total}, {steps})"
    )
    for seed in (0, 1, 2):
        expected = play(RefCartPole(), lean_controller, seed=seed)[:2]
        got = run_episode(RefCartPole(), lean_controller, seed=seed)
        assert tuple(got) == pytest.approx(expected), (
            f"CartPole seed {seed}: expected (return, steps) {expected}, got {got}; "
            "reset with the seed you are given"
        )


def test_evaluate_policy_reports_every_seed():
    built = []

    def make_env():
        built.append(RefCartPole())
        return built[-1]

    seeds = [11, 3, 27, 8, 19, 5, 42, 0]
    report = evaluate_policy(lean_controller, make_env, seeds)
    expected = [play(RefCartPole(), lean_controller, seed=s) for s in seeds]
    returns = [e[0] for e in expected]
    assert len(built) == len(seeds), "build one fresh environment per seed with make_env()"
    assert list(report["returns"]) == pytest.approx(returns), (
        f"returns must be one episode per seed, in the order given: expected {returns}, "
        f"got {list(report['returns'])}"
    )
    assert list(report["lengths"]) == [e[1] for e in expected]
    assert report["mean"] == pytest.approx(np.mean(returns))
    assert report["std"] == pytest.approx(np.std(returns, ddof=1)), "use the sample std (ddof=1)"
    assert report["ci95"] == pytest.approx(1.96 * np.std(returns, ddof=1) / math.sqrt(len(seeds)))


def test_mean_confidence_interval_and_moving_average():
    mean, std, ci = mean_confidence_interval([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert mean == pytest.approx(5.0)
    assert std == pytest.approx(2.138089935)
    assert ci == pytest.approx(1.96 * 2.138089935 / math.sqrt(8))
    assert mean_confidence_interval([3.0]) == pytest.approx((3.0, 0.0, 0.0))

    smooth = moving_average([1, 2, 3, 4, 5, 6], window=3)
    assert np.asarray(smooth) == pytest.approx([1.0, 1.5, 2.0, 3.0, 4.0, 5.0])
    assert np.asarray(moving_average([4, 0, 2], window=1)) == pytest.approx([4, 0, 2])
    assert np.asarray(moving_average([4, 0, 2], window=10)) == pytest.approx([4, 2, 2])


def test_random_policy_is_a_seeded_baseline():
    p, q = RandomPolicy(Discrete(4), seed=5), RandomPolicy(Discrete(4), seed=5)
    first = [p(None) for _ in range(200)]
    assert first == [q(None) for _ in range(200)], "the same seed must give the same actions"
    assert set(first) == {0, 1, 2, 3}, "a random policy uses every action"
    counts = np.bincount(first, minlength=4)
    assert counts.min() > 25, f"actions should be roughly uniform, got counts {counts}"

    # The number every CartPole agent must beat: a random policy lasts ~20 steps.
    policy = RandomPolicy(Discrete(2), seed=0)
    returns = [play(RefCartPole(), policy, seed=s)[0] for s in range(30)]
    assert 12 <= np.mean(returns) <= 35, f"random CartPole returns average ~22, got {np.mean(returns)}"
