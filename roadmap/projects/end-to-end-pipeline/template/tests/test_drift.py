"""Milestone 5: drift monitoring (PSI and KS) and alerts."""
import importlib.util
import json
import math
import sys

import numpy as np
import pytest

from mlpipe.data import CATEGORICAL, NUMERIC, generate_transactions
from tests.helpers import PROJECT

FEATURES = NUMERIC + CATEGORICAL
SHIFT = {"amount_log_shift": 0.5, "category_share": [0.15, 0.15, 0.2, 0.2, 0.3]}


def isolated_drift(monkeypatch):
    """mlpipe/drift.py loaded afresh while scipy and statsmodels cannot be imported."""
    for name in ("scipy", "scipy.stats", "statsmodels", "statsmodels.stats"):
        monkeypatch.setitem(sys.modules, name, None)
    spec = importlib.util.spec_from_file_location("mlpipe._drift_isolated", PROJECT / "mlpipe" / "drift.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "mlpipe._drift_isolated", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def score(frame):
    """A fixed risk score (the tests' own): good on real labels, useless on shuffled ones."""
    return np.log1p(frame["amount"]) + 1.3 * (frame["hour"] < 6) + 0.8 * frame["declines_24h"]


def test_psi_matches_worked_example():
    from mlpipe.drift import psi, psi_categorical

    reference = np.arange(100)  # quartile bins: 25 % each
    current = np.array([10] * 40 + [30] * 30 + [60] * 20 + [90] * 10)  # 40/30/20/10 %
    # sum (a - e) ln(a / e) = .15 ln 1.6 + .05 ln 1.2 - .05 ln .8 - .15 ln .4
    assert psi(reference, current, bins=4) == pytest.approx(0.228217, abs=1e-5)
    assert psi(reference, reference, bins=4) == pytest.approx(0.0, abs=1e-12)
    assert psi(reference, np.full(100, 5), bins=4) == pytest.approx(6.905408, abs=1e-4), (
        "empty bins are floored at EPS so the log stays finite"
    )
    # A skewed reference: 0..74 and 1000..1024. Its quartile bins are (-inf, 24.75], (24.75, 49.5],
    # (49.5, 305.5], (305.5, inf) (25 % each); the current sample puts 40/10/25/25 % in them, 5000
    # lands in the open last bin: .15 ln 1.6 - .15 ln .4. Equal-width bins would see no change.
    skewed = np.r_[np.arange(75), 1000 + np.arange(25)]
    moved = np.array([10] * 40 + [40] * 10 + [200] * 25 + [5000] * 25)
    assert psi(skewed, moved, bins=4) == pytest.approx(0.207944, abs=1e-5), "bins at the reference's quantiles"
    assert psi_categorical(["a"] * 50 + ["b"] * 50, ["a"] * 80 + ["b"] * 20) == pytest.approx(0.415888, abs=1e-5)
    assert psi_categorical(["a"] * 50 + ["b"] * 50, ["a"] * 50 + ["b"] * 40 + ["c"] * 10) == pytest.approx(0.712399, abs=1e-4), (
        "a category the reference never saw is a bin of its own"
    )


def test_ks_matches_reference_values(monkeypatch):
    drift = isolated_drift(monkeypatch)  # write it yourself: scipy is unavailable here
    d, p = drift.ks_2samp([1, 2, 3, 4, 5, 6, 7, 8], [3.5, 4.5, 5.5, 6.5, 7.5, 8.5])
    assert d == pytest.approx(0.375)
    a = np.sin(np.arange(1, 501) * 1.3)
    b = np.sin(np.arange(1, 401) * 0.7) * 0.9 + 0.15
    d, p = drift.ks_2samp(a, b)
    assert d == pytest.approx(0.24, abs=1e-12) and p == pytest.approx(9.7336e-12, rel=0.05), (d, p)
    a = np.cos(np.arange(1, 801) * 0.37) * 2
    b = np.cos(np.arange(1, 601) * 0.91) * 2 + 0.05
    d, p = drift.ks_2samp(a, b)
    assert d == pytest.approx(0.0733333, abs=1e-6) and p == pytest.approx(0.047501, rel=0.05), (d, p)
    d, p = drift.ks_2samp(a, a)
    assert d == 0 and p == pytest.approx(1.0)


def test_drift_flagged_on_shifted_data_only():
    from mlpipe.drift import drift_report

    reference = generate_transactions(3000, seed=0)
    for seed in (11, 12, 13):
        report = drift_report(reference, generate_transactions(2000, seed=seed), FEATURES)
        assert set(report.features) == set(FEATURES)
        assert report.drifted == [], f"fresh data from the same distribution (seed {seed}) raised {report.drifted}"
    shifted = generate_transactions(2000, seed=21, drift=SHIFT)
    report = drift_report(reference, shifted, FEATURES)
    assert sorted(report.drifted) == ["amount", "merchant_category"], (
        f"amounts and the category mix moved, nothing else did; flagged {report.drifted}"
    )
    amount = report.features["amount"]
    assert amount.psi > 0.2 and amount.ks_pvalue < 1e-10
    assert report.features["merchant_category"].ks_stat is None, "KS is for numeric features only"


def test_monitor_writes_alerts(tmp_path):
    from mlpipe.drift import monitor

    reference = generate_transactions(3000, seed=0)
    alerts_file = tmp_path / "alerts.jsonl"
    fresh = generate_transactions(2000, seed=11)
    assert monitor(reference, fresh, FEATURES, alerts_file, score=score, min_auc=0.75) == []
    assert not alerts_file.exists() or alerts_file.read_text() == "", "no alert, nothing written"

    alerts = monitor(reference, generate_transactions(2000, seed=21, drift=SHIFT), FEATURES, alerts_file)
    assert sorted(a["feature"] for a in alerts if a["type"] == "drift") == ["amount", "merchant_category"]
    broken = fresh.assign(is_fraud=np.random.default_rng(0).permutation(fresh["is_fraud"].to_numpy()))
    alerts = monitor(reference, broken, FEATURES, alerts_file, score=score, min_auc=0.75)
    assert [a["type"] for a in alerts] == ["performance"], f"the inputs did not move, the labels did: {alerts}"
    assert alerts[0]["value"] == pytest.approx(0.4959, abs=1e-3) and alerts[0]["threshold"] == 0.75

    lines = [json.loads(line) for line in alerts_file.read_text().splitlines()]
    assert [line["type"] for line in lines] == ["drift", "drift", "performance"], "append one JSON line per alert"
    assert all(math.isfinite(line.get("psi", 0.0)) for line in lines)
