"""Milestone 5: the paired analysis, recomputed from the run files, and its figure."""
import json

import numpy as np
import pytest
import scipy.stats
import statsmodels.stats.multitest as multitest
from matplotlib.container import ErrorbarContainer

from research.analysis import analyze, plot_results
from research.runner import load_runs
from research.stats import bootstrap_ci


def synthetic(config):
    """Records the test makes up: five complete pairs and one seed with the control only."""
    rng = np.random.default_rng(8)
    records = []
    for seed in (40, 10, 30, 20, 50):
        base = float(rng.uniform(0.6, 0.7))
        for arm, value in (("baseline", base), ("mixup", base + float(rng.uniform(-0.01, 0.06)))):
            records.append({"arm": arm, "seed": seed, "test_accuracy": value,
                            "memorised_noise": float(rng.uniform(0.2, 0.9))})
    records.append({"arm": "baseline", "seed": 60, "test_accuracy": 0.1, "memorised_noise": 0.1})
    return records


def test_analysis_matches_the_run_files(study, study_config, ready_made_calls):
    out, _ = study()
    files = [json.loads(p.read_text()) for p in sorted((out / "runs").glob("*.json"))]
    with ready_made_calls() as seen:
        analysis = analyze(load_runs(out), study_config)
    assert not seen, (
        f"analyze calls ready-made statistics ({', '.join(seen[:3])}): use your own functions from research.stats"
    )
    json.dumps(analysis)  # plain Python types only
    seeds = sorted({r["seed"] for r in files})
    assert analysis["seeds"] == seeds and analysis["n"] == len(seeds)
    assert (analysis["control"], analysis["treatment"], analysis["primary"]) == ("baseline", "mixup", "test_accuracy")
    by = {(r["arm"], r["seed"]): r for r in files}
    pvalues = []
    for metric in study_config.metrics:
        block = analysis["metrics"][metric]
        c = np.array([by[("baseline", s)][metric] for s in seeds])
        t = np.array([by[("mixup", s)][metric] for s in seeds])
        for arm, values in (("baseline", c), ("mixup", t)):
            got = block["arms"][arm]
            assert got["values"] == pytest.approx(list(values))
            assert got["mean"] == pytest.approx(values.mean()) and got["std"] == pytest.approx(values.std(ddof=1))
            assert got["ci"] == pytest.approx(list(bootstrap_ci(values, n_resamples=study_config.n_resamples, seed=study_config.master_seed)))
        diff = block["difference"]
        assert diff["values"] == pytest.approx(list(t - c)), "differences are treatment - control, seed by seed"
        assert diff["mean"] == pytest.approx((t - c).mean())
        ref = scipy.stats.ttest_rel(t, c)
        assert diff["t"] == pytest.approx(ref.statistic) and diff["p"] == pytest.approx(ref.pvalue)
        assert diff["df"] == len(seeds) - 1
        assert diff["cohens_dz"] == pytest.approx((t - c).mean() / (t - c).std(ddof=1))
        resampled = bootstrap_ci(t - c, n_resamples=study_config.n_resamples, seed=study_config.master_seed)
        assert diff["ci"] == pytest.approx(list(resampled)), (
            f"{metric}: the CI of the paired differences must be their bootstrap interval, made like the arms' "
            "(bootstrap_ci with the study's resamples and master seed), not a formula"
        )
        pvalues.append(ref.pvalue)
    adjusted = multitest.multipletests(pvalues, method="holm")[1]
    for metric, p_holm in zip(study_config.metrics, adjusted):
        assert analysis["metrics"][metric]["difference"]["p_holm"] == pytest.approx(p_holm)
    primary = analysis["metrics"]["test_accuracy"]["difference"]
    assert analysis["significant"] == (primary["p"] < study_config.alpha)
    assert analysis["treatment_better"] == (primary["mean"] > 0)


def test_analysis_uses_only_complete_pairs(study_config):
    records = synthetic(study_config)
    analysis = analyze(records, study_config)
    assert analysis["seeds"] == [10, 20, 30, 40, 50], "seed 60 has no mixup run: it is not a pair"
    assert analysis["n"] == 5
    by = {(r["arm"], r["seed"]): r["test_accuracy"] for r in records}
    expected = [by[("mixup", s)] - by[("baseline", s)] for s in analysis["seeds"]]
    assert analysis["metrics"]["test_accuracy"]["difference"]["values"] == pytest.approx(expected)
    flipped = analyze(records, study_config.with_(arms=("mixup", "baseline")))
    assert flipped["control"] == "mixup"
    assert flipped["metrics"]["test_accuracy"]["difference"]["t"] == pytest.approx(
        -analysis["metrics"]["test_accuracy"]["difference"]["t"]), "the first arm is the control"
    assert flipped["seeds"] == [10, 20, 30, 40, 50]


def errorbar_of(ax):
    bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(bars) == 1, "draw each panel's means and intervals with ONE ax.errorbar call"
    data_line, _, (vertical, *_) = bars[0].lines
    ys = list(data_line.get_ydata())
    segments = [(min(seg[:, 1]), max(seg[:, 1])) for seg in vertical.get_segments()]
    return ys, segments


def test_plot_shows_confidence_intervals(study_config):
    analysis = analyze(synthetic(study_config), study_config)
    fig = plot_results(analysis)
    block = analysis["metrics"]["test_accuracy"]
    assert len(fig.axes) >= 2, "two panels: the arms, and the paired differences"
    ys, segments = errorbar_of(fig.axes[0])
    assert ys == pytest.approx([block["arms"]["baseline"]["mean"], block["arms"]["mixup"]["mean"]])
    for (low, high), arm in zip(segments, ("baseline", "mixup")):
        assert (low, high) == pytest.approx(tuple(block["arms"][arm]["ci"])), (
            "the error bars must be the bootstrap confidence intervals (not the standard deviation)"
        )
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["baseline", "mixup"]
    ys, segments = errorbar_of(fig.axes[1])
    assert ys == pytest.approx([block["difference"]["mean"]])
    assert segments[0] == pytest.approx(tuple(block["difference"]["ci"]))
    import matplotlib.pyplot as plt

    plt.close(fig)
