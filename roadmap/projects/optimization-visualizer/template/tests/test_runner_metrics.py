import numpy as np

from optviz import (
    OBJECTIVES,
    Adam,
    GradientDescent,
    Momentum,
    Objective,
    compare_optimizers,
    convergence_metrics,
    loss_curve,
    path_length,
    run_optimizer,
    steps_to_tolerance,
)
from optviz.functions import bowl, bowl_grad

BOWL = OBJECTIVES["bowl"]


def test_run_optimizer_records_every_step():
    start = np.array([-4.0, 2.5])
    traj = run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=30)
    traj = np.asarray(traj)
    assert traj.shape == (31, 2), f"30 steps give 31 points (start included); got shape {traj.shape}"
    assert np.array_equal(traj[0], [-4.0, 2.5]), f"row 0 must be the start point, got {traj[0]}"
    assert np.array_equal(start, [-4.0, 2.5]), "run_optimizer must not modify the start array"
    for i in range(30):
        expected = traj[i] - 0.1 * BOWL.gradient(traj[i])
        assert np.allclose(traj[i + 1], expected), f"row {i + 1} is not one GD step after row {i}"
    traj = run_optimizer(BOWL, GradientDescent(lr=0.1), [1, 1], n_steps=3)
    assert np.asarray(traj).shape == (4, 2), "a list start point like [1, 1] must work too"


def test_run_optimizer_resets_the_optimizer():
    opt = Momentum(lr=0.05, beta=0.9)
    first = np.asarray(run_optimizer(BOWL, opt, (-4.0, 2.5), n_steps=20))
    second = np.asarray(run_optimizer(BOWL, opt, (-4.0, 2.5), n_steps=20))
    assert np.allclose(first, second), (
        "running the same optimizer object twice must give the same path: call optimizer.reset() first"
    )


def test_run_optimizer_stops_at_tolerance():
    traj = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.1), (-4.0, 2.5), n_steps=1000, tol=1e-3))
    values = [BOWL.value(p) for p in traj]
    assert values[-1] <= 1e-3, f"the last point should satisfy the tolerance, f = {values[-1]}"
    assert len(traj) >= 2 and values[-2] > 1e-3, "stop at the FIRST point within tolerance, not later"
    assert len(traj) < 1001, "with tol given, the run should stop early"


def test_run_optimizer_stops_when_diverging():
    traj = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.5), (-4.0, 2.5), n_steps=100))
    assert np.all(np.isfinite(traj)), "a diverging run must not contain inf/nan points"
    assert np.all(np.abs(traj) <= 1e6), "points beyond DIVERGENCE_LIMIT must not be included"
    assert 2 <= len(traj) < 101, f"a diverging run should stop early; got {len(traj)} points"


def test_metrics_on_known_numbers():
    assert np.isclose(path_length(np.array([[0.0, 0.0], [3.0, 4.0], [3.0, 0.0]])), 9.0), (
        "path length of (0,0)->(3,4)->(3,0) is 5 + 4 = 9"
    )
    assert path_length(np.array([[1.0, 2.0]])) == 0.0, "a single point has path length 0"
    assert steps_to_tolerance([5.0, 1.0, 0.1, 1e-7, 1e-9], 1e-6) == 3, "first index with loss <= tol is 3"
    assert steps_to_tolerance([5.0, 1.0], 1e-6) is None, "return None when the tolerance is never reached"
    assert steps_to_tolerance([3.5, 3.0, 2.0000001], 1e-6, f_min=2.0) == 2, "compare loss - f_min with tol"
    curve = loss_curve(BOWL, np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]]))
    assert np.allclose(curve, [0.0, 5.5, 2.0]), f"loss_curve on the bowl: expected [0, 5.5, 2], got {curve}"


def test_convergence_metrics_report():
    traj = np.array([[2.0, 0.0], [1.0, 0.0], [0.001, 0.0]])
    m = convergence_metrics(BOWL, traj, tol=1e-6)
    expected = {"n_steps": 2, "final_loss": 5e-7, "steps_to_tol": 2, "path_length": 1.999,
                "distance_to_minimum": 0.001}
    assert set(m) >= set(expected), f"missing keys: {set(expected) - set(m)}"
    for key, value in expected.items():
        assert np.isclose(m[key], value), f"metrics[{key!r}] should be {value}, got {m[key]}"
    two_minima = Objective("two", bowl, bowl_grad, ((-5, 5), (-5, 5)), (0, 0), [(0.0, 0.0), (5.0, 5.0)])
    m = convergence_metrics(two_minima, np.array([[0.0, 0.0], [4.0, 4.0]]))
    assert np.isclose(m["distance_to_minimum"], np.sqrt(2)), "distance is measured to the NEAREST minimum"
    no_minima = Objective("none", bowl, bowl_grad, ((-5, 5), (-5, 5)), (0, 0), [], f_min=None)
    m = convergence_metrics(no_minima, np.array([[1.0, 0.0], [0.0, 0.0]]))
    assert m["distance_to_minimum"] is None, "objectives without known minima report distance None"
    assert m["steps_to_tol"] == 1, "with f_min None, measure the tolerance against 0"


def test_compare_optimizers():
    opts = {"GD": GradientDescent(lr=0.1), "Adam": Adam(lr=0.05)}
    results = compare_optimizers(BOWL, opts, n_steps=40)
    assert set(results) == {"GD", "Adam"}, f"one result per optimizer name expected, got {set(results)}"
    replay = {"GD": GradientDescent(lr=0.1), "Adam": Adam(lr=0.05)}  # fresh twins
    for name, res in results.items():
        traj = np.asarray(res["trajectory"])
        assert traj.shape == (41, 2), f"{name}: expected 41 points, got {traj.shape}"
        assert np.allclose(traj[0], BOWL.start), f"{name}: runs start at objective.start by default"
        x = np.array(BOWL.start, dtype=float)
        for i in range(40):
            x = np.asarray(replay[name].step(x, BOWL.gradient), dtype=float)
            assert np.allclose(traj[i + 1], x, rtol=1e-12, atol=1e-12), (
                f"{name}: point {i + 1} of the trajectory is not where the optimizer's step takes "
                f"point {i}: record the points the optimizer really visits")
        assert res["metrics"] == convergence_metrics(BOWL, traj, tol=1e-6), (
            f"{name}: metrics must come from convergence_metrics(objective, trajectory, tol)"
        )
    assert results["GD"]["metrics"]["final_loss"] < 1e-2, "GD with lr=0.1 should make progress on the bowl"
    # The dashboard's --start, --noise and --seed go through compare_optimizers to every run.
    moved = compare_optimizers(BOWL, {"GD": GradientDescent(lr=0.1), "Adam": Adam(lr=0.05)},
                               start=(3.0, -1.0), n_steps=30, noise=0.4, seed=11)
    for name, twin in {"GD": GradientDescent(lr=0.1), "Adam": Adam(lr=0.05)}.items():
        expected = run_optimizer(BOWL, twin, (3.0, -1.0), 30, noise=0.4, seed=11)
        assert np.allclose(moved[name]["trajectory"], expected, rtol=1e-12, atol=1e-12), (
            f"{name}: compare_optimizers(start=(3, -1), noise=0.4, seed=11) should run "
            "run_optimizer from that start with that noise and seed")


def test_noisy_gradients_make_it_stochastic():
    start = (-4.0, 2.5)
    traj = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=50, noise=0.5, seed=3))
    rng = np.random.default_rng(3)
    x = np.array(start)
    for i in range(50):
        g = BOWL.gradient(x) + 0.5 * rng.standard_normal(2)
        x = x - 0.1 * g
        assert np.allclose(traj[i + 1], x, rtol=1e-12, atol=1e-12), (
            f"step {i + 1} with noise=0.5, seed=3: each gradient evaluation should add 0.5 * "
            "rng.standard_normal(2) from np.random.default_rng(seed), one pair per call")
    again = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=50, noise=0.5, seed=3))
    other = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=50, noise=0.5, seed=4))
    plain = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=50))
    assert np.array_equal(traj, again) and not np.allclose(traj, other), "the seed decides the noise"
    assert np.allclose(plain, run_optimizer(BOWL, GradientDescent(lr=0.1), start, n_steps=50, noise=0.0, seed=3))
    # With a constant learning rate SGD never settles: it hovers around the minimum.
    long = np.asarray(run_optimizer(BOWL, GradientDescent(lr=0.05), start, n_steps=1500, noise=1.0, seed=0))
    hover = np.mean([BOWL.value(p) for p in long[-500:]])
    assert 0.005 < hover < 0.5, (
        f"SGD with lr=0.05 and noise 1.0 should hover near the minimum (mean loss about 0.03); "
        f"got {hover:.4g}")
