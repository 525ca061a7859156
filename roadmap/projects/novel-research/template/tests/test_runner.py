"""Milestone 3: seeds, a resumable multi-seed runner, and the worked study's result."""
import json
import shutil

import numpy as np
from scipy import stats

import research.method
from research.config import ExperimentConfig, derive_seeds
from research.experiment import run_one
from research.runner import run_study


def without_seconds(record):
    return {k: v for k, v in record.items() if k != "seconds"}


def test_derived_seeds_are_stable_and_distinct():
    seeds = derive_seeds(7, 20)
    assert seeds == derive_seeds(7, 20), "the same master seed must give the same seeds"
    assert len(set(seeds)) == 20, "the seeds must be distinct"
    assert all(type(s) is int and 0 <= s < 2**32 for s in seeds), "plain Python ints in [0, 2**32)"
    assert derive_seeds(7, 5) == seeds[:5], "prefix-stable: adding seeds must keep the first ones"
    assert derive_seeds(8, 5) != seeds[:5], "another master seed gives other seeds"
    assert not set(derive_seeds(8, 20)) & set(seeds), (
        "master seeds 7 and 8 share seeds: two studies must not reuse each other's runs"
    )


def test_study_saves_every_run_and_a_manifest(study, study_config):
    out, records = study()
    seeds = derive_seeds(study_config.master_seed, study_config.n_seeds)
    expected = [(arm, s) for s in seeds for arm in study_config.arms]
    assert [(r["arm"], r["seed"]) for r in records] == expected, "records seed by seed, arm by arm"
    assert study.calls == expected, (
        f"a fresh study must run every arm with every seed, once each, through `run`: it ran {len(study.calls)} "
        f"of the {len(expected)} runs"
    )
    for arm in study_config.arms:
        results = {json.dumps({k: v for k, v in r.items() if k not in ("seed", "seconds")}, sort_keys=True)
                   for r in records if r["arm"] == arm}
        assert len(results) == len(seeds), f"two seeds of {arm} have the very same results: each seed is its own run"
    for record in records:
        path = out / "runs" / f"{record['arm']}-seed{record['seed']}.json"
        assert path.exists(), f"missing {path.name}"
        assert json.loads(path.read_text()) == json.loads(json.dumps(record)), "the file holds the record"
    assert len(list((out / "runs").glob("*.json"))) == len(expected)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["seeds"] == seeds
    assert manifest["config"] == study_config.to_dict()
    assert {"python", "numpy", "torch"} <= set(manifest["environment"])


def test_runs_are_reproducible_per_seed(study, study_config):
    out, _ = study()
    seeds = derive_seeds(study_config.master_seed, study_config.n_seeds)
    for arm, seed in (("mixup", seeds[2]), ("baseline", seeds[-1]), ("mixup", seeds[-1])):
        saved = json.loads((out / "runs" / f"{arm}-seed{seed}.json").read_text())
        again = run_one(study_config.experiment, arm, seed)
        assert without_seconds(json.loads(json.dumps(again))) == without_seconds(saved), (
            f"re-running {arm} with seed {seed} must reproduce its saved record exactly"
        )


def test_arms_differ_only_by_the_method(monkeypatch):
    """With mixing switched off, the mixup arm must train exactly as the control does: same
    data, same epochs, same model, same optimiser. A handicapped control fakes the gain."""
    def no_mixing(x, y_soft, lam, perm):
        return x, y_soft

    monkeypatch.setattr(research.method, "mixup_batch", no_mixing)
    experiment = ExperimentConfig()
    for seed in (3, 2024):
        control = without_seconds(run_one(experiment, "baseline", seed))
        unmixed = without_seconds(run_one(experiment, "mixup", seed))
        differ = [k for k in control if k != "arm" and control[k] != unmixed.get(k)]
        assert not differ, (
            f"seed {seed}: with mixing switched off the mixup arm still differs from the baseline in {differ}: "
            "the control arm must be trained exactly as the treatment, mixing aside"
        )


def test_study_resumes_without_rerunning(study, study_config, tmp_path):
    out, _ = study()
    copy = tmp_path / "study"
    shutil.copytree(out, copy)
    seeds = derive_seeds(study_config.master_seed, study_config.n_seeds + 1)
    deleted = copy / "runs" / f"baseline-seed{seeds[1]}.json"
    old = json.loads(deleted.read_text())
    deleted.unlink()
    calls = []

    def watched(experiment, arm, seed):
        calls.append((arm, seed))
        return run_one(experiment, arm, seed)

    records = run_study(study_config.with_(n_seeds=study_config.n_seeds + 1), copy, run=watched)
    assert calls == [("baseline", seeds[1]), ("baseline", seeds[-1]), ("mixup", seeds[-1])], (
        f"only the missing run and the new seed's runs may be run again, got {calls}"
    )
    assert without_seconds(json.loads(deleted.read_text())) == without_seconds(old)
    assert len(records) == 2 * len(seeds)

    calls.clear()
    changed = study_config.with_(experiment={"epochs": 1})
    run_study(changed, copy, run=watched)
    assert len(calls) == 2 * study_config.n_seeds, "runs made with other settings must be run again"


def test_method_beats_baseline_in_the_worked_study(study, study_config):
    out, _ = study()
    seeds = derive_seeds(study_config.master_seed, study_config.n_seeds)
    read = lambda arm, s: json.loads((out / "runs" / f"{arm}-seed{s}.json").read_text())  # noqa: E731
    base = np.array([read("baseline", s)["test_accuracy"] for s in seeds])
    mix = np.array([read("mixup", s)["test_accuracy"] for s in seeds])
    assert (mix - base).mean() >= 0.02, f"mixup should gain 2+ points of test accuracy, got {mix.mean() - base.mean():+.3f}"
    assert stats.ttest_rel(mix, base).pvalue < 0.05
    memorised = np.array([read("mixup", s)["memorised_noise"] - read("baseline", s)["memorised_noise"] for s in seeds])
    assert memorised.mean() <= -0.1, "mixup should memorise far fewer of the corrupted labels"
