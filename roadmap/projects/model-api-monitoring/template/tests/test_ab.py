"""Milestone 5: sticky, weighted A/B assignment and a significance test."""
import importlib.util
import json
import math
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from tests.helpers import PROJECT, StubVersion, body, value

USERS = [f"user-{i}" for i in range(20000)]


def shares(router, users):
    counts = {}
    for u in users:
        v = router.assign(u)
        counts[v] = counts.get(v, 0) + 1
    return {k: n / len(users) for k, n in counts.items()}


def test_split_holds_its_ratio():
    from mlapi.ab import ABRouter

    got = shares(ABRouter({"v1": 0.8, "v2": 0.2}), USERS)
    assert set(got) == {"v1", "v2"} and abs(got["v2"] - 0.2) < 0.015, f"an 80/20 split gave {got}"
    got = shares(ABRouter({"a": 1, "b": 1, "c": 2}), USERS)
    for name, want in (("a", 0.25), ("b", 0.25), ("c", 0.5)):
        assert abs(got.get(name, 0) - want) < 0.015, f"weights 1:1:2 are shares 25/25/50 %, got {got}"
    for bad in ({}, {"v1": 0.0, "v2": 1.0}, {"v1": -1.0, "v2": 2.0}):
        with pytest.raises(ValueError):
            ABRouter(bad)


def test_assignment_is_sticky_and_ramps_monotonically():
    from mlapi.ab import ABRouter

    users = USERS[:3000]
    first = ABRouter({"v1": 0.5, "v2": 0.5}, salt="exp-1")
    again = ABRouter({"v2": 0.5, "v1": 0.5}, salt="exp-1")
    before = [first.assign(u) for u in users]
    assert before == [first.assign(u) for u in users], "the same user must always get the same version"
    assert before == [again.assign(u) for u in users], "a new router with the same weights and salt agrees"
    other = [ABRouter({"v1": 0.5, "v2": 0.5}, salt="exp-2").assign(u) for u in users]
    moved = sum(a != b for a, b in zip(before, other)) / len(users)
    assert 0.35 < moved < 0.65, f"a new salt is a new experiment: about half the users switch, got {moved:.2f}"

    # Ramping the challenger from 10 % to 30 % may only move users from v1 to v2, never back.
    small = [ABRouter({"v1": 0.9, "v2": 0.1}, salt="ramp").assign(u) for u in users]
    large = [ABRouter({"v1": 0.7, "v2": 0.3}, salt="ramp").assign(u) for u in users]
    back = sum(s == "v2" and l == "v1" for s, l in zip(small, large))
    assert back == 0, f"{back} users who already saw v2 were sent back to v1 when its share grew"
    assert 0.15 < sum(s == "v1" and l == "v2" for s, l in zip(small, large)) / len(users) < 0.25


def test_assignment_is_sticky_across_processes():
    from mlapi.ab import ABRouter

    users = USERS[:300]
    here = [ABRouter({"v1": 0.5, "v2": 0.5}, salt="exp-1").assign(u) for u in users]
    code = (
        "import json, sys\n"
        "from mlapi.ab import ABRouter\n"
        "r = ABRouter({'v1': 0.5, 'v2': 0.5}, salt='exp-1')\n"
        f"print(json.dumps([r.assign(f'user-{{i}}') for i in range({len(users)})]))\n"
    )
    for hashseed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hashseed)
        done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-1500:]
        there = json.loads(done.stdout.strip().splitlines()[-1])
        assert there == here, (
            f"another worker process (PYTHONHASHSEED={hashseed}) assigns users differently: Python's "
            "built-in hash() of a str changes from process to process, use a stable hash"
        )


def test_ztest_matches_worked_example(monkeypatch):
    # Write this one yourself: scipy and statsmodels are unavailable while it runs.
    for name in ("scipy", "scipy.stats", "statsmodels", "statsmodels.stats", "statsmodels.stats.proportion"):
        monkeypatch.setitem(sys.modules, name, None)
    spec = importlib.util.spec_from_file_location("mlapi._ab_isolated", PROJECT / "mlapi" / "ab.py")
    ab = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ab)
    z, p = ab.two_proportion_ztest(120, 1000, 150, 1000)
    assert math.isclose(z, -1.963050, abs_tol=1e-5) and math.isclose(p, 0.049640, abs_tol=1e-5), (z, p)
    z_swapped, p_swapped = ab.two_proportion_ztest(150, 1000, 120, 1000)
    assert math.isclose(z_swapped, 1.963050, abs_tol=1e-5) and math.isclose(p_swapped, p), "swapping A and B flips z"
    z, p = ab.two_proportion_ztest(45, 400, 30, 380)
    assert math.isclose(z, 1.588805, abs_tol=1e-5) and math.isclose(p, 0.112105, abs_tol=1e-5), (z, p)
    z, p = ab.two_proportion_ztest(50, 500, 50, 500)
    assert z == 0 and math.isclose(p, 1.0)
    for all_or_none in ((0, 200, 0, 300), (200, 200, 300, 300)):  # no variance: nothing to test, no crash
        assert ab.two_proportion_ztest(*all_or_none) == (0.0, 1.0), f"{all_or_none}: a pooled rate of 0 or 1 gives (0.0, 1.0)"
    with pytest.raises(ValueError):
        ab.two_proportion_ztest(1, 0, 1, 10)


def test_api_serves_the_assigned_version():
    from mlapi.ab import ABRouter
    from mlapi.app import create_app

    v1 = StubVersion("v1", probabilities=(0.9, 0.05, 0.05))
    v2 = StubVersion("v2", probabilities=(0.05, 0.05, 0.9))
    client = TestClient(create_app({"v1": v1, "v2": v2}, router=ABRouter({"v1": 0.5, "v2": 0.5}, salt="api")))
    expected = ABRouter({"v1": 0.5, "v2": 0.5}, salt="api")
    users = [f"shopper-{i}" for i in range(40)]
    for u in users:
        for _ in range(2):
            out = client.post("/predict", json=body(u)).json()
            want = expected.assign(u)
            assert out.get("model_version") == want, f"{u} is assigned {want} but was served {out.get('model_version')}"
            assert out.get("label") == {"v1": "setosa", "v2": "virginica"}[want], "the assigned version answers"
    n_v2 = sum(expected.assign(u) == "v2" for u in users)
    assert v2.calls == 2 * n_v2 and v1.calls == 2 * (len(users) - n_v2)
    text = client.get("/metrics").text
    assert value(text, "mlapi_predictions_total", model_version="v2") == 2 * n_v2, "count predictions by version"
