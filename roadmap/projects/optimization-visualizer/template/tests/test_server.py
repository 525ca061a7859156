"""Milestone 5: the interactive dashboard's API (in-process, with FastAPI's TestClient)."""

import numpy as np
import pytest
from fastapi.testclient import TestClient

from optviz import OBJECTIVES, Adam, Momentum, convergence_metrics, loss_curve, make_optimizers, run_optimizer


def client():
    from optviz.server import create_app

    return TestClient(create_app())


def check(response, status, what):
    assert response.status_code == status, (
        f"{what}: expected HTTP {status}, got {response.status_code} {response.text[:200]}")
    return response.json()


def test_api_lists_functions():
    listed = check(client().get("/api/functions"), 200, "GET /api/functions")
    by_name = {f["name"]: f for f in listed}
    assert set(by_name) == set(OBJECTIVES), f"one entry per objective, got {sorted(by_name)}"
    rosen = by_name["rosenbrock"]
    assert rosen["bounds"] == [[-2, 2], [-1, 3]] and rosen["start"] == [-1.5, 2.0]
    assert rosen["minima"] == [[1.0, 1.0]] and by_name["saddle"]["f_min"] is None
    assert rosen["default_lr"]["Adam"] == pytest.approx(0.02) and set(rosen["default_lr"]) == {
        "GD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"}, (
        "default_lr should map every optimizer to its make_optimizers learning rate")
    for name, listed_function in by_name.items():
        tuned = {opt: optimizer.lr for opt, optimizer in make_optimizers(name).items()}
        assert listed_function["default_lr"] == pytest.approx(tuned), (
            f"default_lr of {name} should be make_optimizers({name!r})'s learning rates {tuned}; "
            f"got {listed_function['default_lr']} (the page scales these with its slider)")


def test_api_run_matches_the_runner():
    api = client()
    rosen = OBJECTIVES["rosenbrock"]
    got = check(api.get("/api/run", params={"function": "rosenbrock", "optimizer": "Adam",
                                            "lr": 0.03, "steps": 300}), 200, "GET /api/run")
    expected = run_optimizer(rosen, Adam(lr=0.03), rosen.start, 300)
    assert got["optimizer"] == "Adam" and got["lr"] == pytest.approx(0.03)
    assert np.allclose(got["trajectory"], expected, rtol=1e-12, atol=1e-12), (
        "the trajectory should be run_optimizer's, with the lr from the request (the slider)")
    assert np.allclose(got["losses"], loss_curve(rosen, expected), rtol=1e-12)
    metrics = convergence_metrics(rosen, expected)
    assert got["metrics"] == pytest.approx(metrics, rel=1e-12), (
        f"metrics should be convergence_metrics of the trajectory: {metrics}, got {got['metrics']}")

    moved = check(api.get("/api/run", params={"function": "bowl", "optimizer": "Momentum",
                                              "lr": 0.05, "beta": 0.5, "steps": 40, "x": 3.0,
                                              "y": -1.0, "noise": 0.3, "seed": 7}),
                  200, "GET /api/run with a start, beta, noise and seed")
    bowl = OBJECTIVES["bowl"]
    expected = run_optimizer(bowl, Momentum(lr=0.05, beta=0.5), (3.0, -1.0), 40, noise=0.3, seed=7)
    assert np.allclose(moved["trajectory"], expected, rtol=1e-12, atol=1e-12), (
        "x and y set the start; beta, noise and seed go to the optimizer and the runner")

    default = check(api.get("/api/run", params={"function": "beale", "optimizer": "RMSprop",
                                                "steps": 20}), 200, "GET /api/run without lr")
    assert default["lr"] == pytest.approx(0.01), "without lr, use make_optimizers' value"
    for function, optimizer in [("bowl", "Adam"), ("rosenbrock", "GD"), ("himmelblau", "AdaGrad")]:
        tuned = make_optimizers(function)[optimizer].lr
        default = check(api.get("/api/run", params={"function": function, "optimizer": optimizer,
                                                    "steps": 5}), 200, "GET /api/run without lr")
        assert default["lr"] == pytest.approx(tuned), (
            f"without lr, {optimizer} on {function} should use make_optimizers({function!r})'s "
            f"lr {tuned}, not {default['lr']}")


def test_api_landscape_is_the_function_on_a_grid():
    land = check(client().get("/api/landscape", params={"function": "himmelblau", "resolution": 25}),
                 200, "GET /api/landscape")
    x, y, z = np.asarray(land["x"]), np.asarray(land["y"]), np.asarray(land["z"])
    assert x.shape == (25,) and y.shape == (25,) and z.shape == (25, 25)
    assert np.isclose(x[0], -5) and np.isclose(x[-1], 5) and np.isclose(y[0], -5)
    f = OBJECTIVES["himmelblau"].f
    for i, j in [(0, 0), (3, 17), (24, 24), (12, 5)]:
        assert np.isclose(z[i][j], f(x[j], y[i])), f"z[{i}][{j}] should be f(x[{j}], y[{i}])"
    levels = np.asarray(land["levels"])
    assert levels.ndim == 1 and np.all(np.diff(levels) > 0), "levels should increase"


def test_api_rejects_bad_requests():
    api = client()
    bad = [
        ({"function": "nowhere", "optimizer": "Adam"}, 404, "an unknown function"),
        ({"function": "bowl", "optimizer": "Newton"}, 404, "an unknown optimizer"),
        ({"function": "bowl", "optimizer": "Adam", "lr": -0.1}, 422, "a negative learning rate"),
        ({"function": "bowl", "optimizer": "Adam", "steps": 0}, 422, "zero steps"),
        ({"function": "bowl", "optimizer": "Adam", "steps": 10**6}, 422, "a million steps"),
        ({"function": "bowl", "optimizer": "Adam", "noise": -1}, 422, "negative noise"),
    ]
    for params, status, what in bad:
        response = api.get("/api/run", params=params)
        assert response.status_code == status, f"{what} should answer {status}, got {response.status_code}"
    assert api.get("/api/landscape", params={"function": "bowl", "resolution": 5}).status_code == 422
    assert api.get("/api/landscape", params={"function": "nowhere"}).status_code == 404


def test_page_has_interactive_controls():
    response = client().get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    for control in ('type="range" id="lr"', 'type="range" id="steps"', 'type="range" id="noise"',
                    "<canvas", "/api/run", "/api/landscape", "/api/functions"):
        assert control in page, f"the dashboard page should contain {control!r}"
