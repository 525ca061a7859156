"""Milestone 3: the real pipeline (generate, prepare, featurize, train, evaluate, register),
run by your runner on a fresh copy of the project, tracked with MLflow's calls."""
import json

import joblib
import numpy as np
import pandas as pd
import pytest
import yaml
from sklearn.metrics import roc_auc_score

from mlpipe.data import TARGET, generate_transactions
from tests.helpers import PROJECT, md5, mtimes

AUC_BAR = 0.90  # constant score: 0.50; logistic regression on the raw columns: 0.87; the solution: 0.918
STAGES = ["generate", "prepare", "featurize", "train", "evaluate", "register"]


def paths(entries):
    return [e if isinstance(e, str) else next(iter(e)) for e in entries or []]


def test_dvc_yaml_declares_the_dag():
    spec = yaml.safe_load((PROJECT / "dvc.yaml").read_text())["stages"]
    params = yaml.safe_load((PROJECT / "params.yaml").read_text())
    assert set(STAGES) <= set(spec), f"dvc.yaml needs the stages {STAGES}, has {sorted(spec)}"
    writer = {}
    for name, s in spec.items():
        for out in paths(s.get("outs")) + paths(s.get("metrics")) + paths(s.get("plots")):
            assert out not in writer, f"{out} is written by both {writer[out]} and {name}"
            writer[out] = name
    for name in STAGES:
        s = spec[name]
        assert s.get("cmd", "").split() == ["python", "-m", "mlpipe.stages", name], f"{name}: cmd runs `python -m mlpipe.stages {name}`"
        for dep in paths(s.get("deps")):
            assert dep in writer or (PROJECT / dep).exists(), f"{name} reads {dep}, which no stage writes and does not exist"
        for key in s.get("params", []) or []:
            value = params
            for part in key.split("."):
                assert isinstance(value, dict) and part in value, f"{name} reads the parameter {key}, missing from params.yaml"
                value = value[part]
    deps = {n: set(paths(spec[n].get("deps"))) for n in STAGES}
    assert {"data/prepared/train.csv", "data/prepared/test.csv", "mlpipe/features.py"} <= deps["featurize"], (
        "featurize reads both splits and its own code (so editing the features re-runs it)"
    )
    assert {"models/featurizer.joblib", "data/features/train.npz", "data/features/test.npz"} <= set(paths(spec["featurize"].get("outs")))
    assert "data/features/train.npz" in deps["train"] and "models/model.joblib" in paths(spec["train"].get("outs"))
    assert {"train.C", "train.max_iter", "train.class_weight"} <= set(spec["train"].get("params", [])), "train reads its params"
    assert {"models/model.joblib", "data/features/test.npz"} <= deps["evaluate"]
    metrics = {next(iter(e)) if isinstance(e, dict) else e: (e[next(iter(e))] if isinstance(e, dict) else {})
               for e in spec["evaluate"].get("metrics", [])}
    assert "reports/metrics.json" in metrics and (metrics["reports/metrics.json"] or {}).get("cache") is False, (
        "evaluate declares reports/metrics.json under metrics, with cache: false (git keeps it, not the DVC cache)"
    )
    assert {"models/model.joblib", "reports/metrics.json"} <= deps["register"]
    assert {"register.model_name", "register.metric", "register.min_improvement"} <= set(spec["register"].get("params", []))


def test_featurizer_learns_from_train_only(pipeline_run):
    from mlpipe.features import SCALED

    root, _, _ = pipeline_run()
    raw = pd.read_csv(root / "data/raw/transactions.csv")
    train = pd.read_csv(root / "data/prepared/train.csv")
    test = pd.read_csv(root / "data/prepared/test.csv")
    assert set(train.transaction_id).isdisjoint(test.transaction_id), "a transaction is in one split only"
    assert len(train) + len(test) == len(raw) and abs(len(test) / len(raw) - 0.25) < 0.01
    assert abs(train[TARGET].mean() - test[TARGET].mean()) < 0.01, "the split is stratified on is_fraud"

    featurizer = joblib.load(root / "models/featurizer.joblib")
    assert featurizer.distance_median == pytest.approx(train["distance_km"].median()), "the fill value comes from train"
    X_train = featurizer.transform(train)
    X_test = featurizer.transform(test)
    scaled = X_train[:, : len(SCALED)]
    assert np.allclose(scaled.mean(axis=0), 0, atol=1e-9) and np.allclose(scaled.std(axis=0), 1, atol=1e-9), (
        "the scaled columns have mean 0 and std 1 on the TRAINING split: fit on train only"
    )
    assert not np.allclose(X_test[:, : len(SCALED)].mean(axis=0), 0, atol=1e-3), "the test split was not used to fit"
    assert not np.isnan(X_test).any(), "missing distances are filled"
    odd = test.head(3).assign(merchant_category="crypto")
    assert not np.isnan(featurizer.transform(odd)).any(), "an unseen category must not break the featurizer"
    saved = np.load(root / "data/features/train.npz")
    assert np.allclose(saved["X"], X_train) and (saved["y"] == train[TARGET].to_numpy()).all()


def test_pipeline_model_beats_bar_on_fresh_data(pipeline_run):
    root, _, _ = pipeline_run()
    model = joblib.load(root / "models/model.joblib")
    featurizer = joblib.load(root / "models/featurizer.joblib")
    fresh = generate_transactions(4000, seed=2024)  # data the pipeline never saw
    auc = roc_auc_score(fresh[TARGET], model.predict_proba(featurizer.transform(fresh))[:, 1])
    assert auc >= AUC_BAR, f"the pipeline's model reaches ROC AUC {auc:.3f} on fresh transactions; the bar is {AUC_BAR}"


def test_reported_metrics_are_recomputable(pipeline_run):
    root, _, _ = pipeline_run()
    metrics = json.loads((root / "reports/metrics.json").read_text())
    model = joblib.load(root / "models/model.joblib")
    featurizer = joblib.load(root / "models/featurizer.joblib")
    test = pd.read_csv(root / "data/prepared/test.csv")
    auc = roc_auc_score(test[TARGET], model.predict_proba(featurizer.transform(test))[:, 1])
    assert metrics.get("roc_auc") == pytest.approx(auc, abs=1e-6), (
        f"reports/metrics.json says roc_auc {metrics.get('roc_auc')}, but the model scores {auc:.6f} on the test split"
    )
    assert metrics.get("n_test") == len(test)
    scores = model.predict_proba(featurizer.transform(test))[:, 1]
    y, flagged = test[TARGET].to_numpy() == 1, scores >= 0.5
    recomputed = {"accuracy": np.mean(flagged == y), "precision": (flagged & y).sum() / max(1, flagged.sum()),
                  "recall": (flagged & y).sum() / max(1, y.sum())}
    for name, value in recomputed.items():
        assert metrics.get(name) == pytest.approx(value, abs=1e-6), (
            f"reports/metrics.json says {name} {metrics.get(name)}, but at a 0.5 threshold the model scores {value:.6f} on the test split"
        )


def test_run_is_tracked(pipeline_run):
    from mlpipe.tracking import LocalTracker

    root, _, _ = pipeline_run()
    run_id = json.loads((root / "models/run.json").read_text())["run_id"]
    run = LocalTracker(root / "mlruns").get_run(run_id)
    assert run.info.status == "FINISHED"
    params = yaml.safe_load((root / "params.yaml").read_text())
    for key, value in params["train"].items():
        assert run.data.params.get(f"train.{key}") == str(value), f"log the train parameters: train.{key}"
    metrics = json.loads((root / "reports/metrics.json").read_text())
    assert run.data.metrics.get("test_roc_auc") == pytest.approx(metrics["roc_auc"]), (
        "the run carries the test metrics the evaluate stage computed (log them into the same run)"
    )
    logged = LocalTracker(root / "mlruns").artifact_dir(run_id) / "model.joblib"
    assert logged.is_file() and md5(logged) == md5(root / "models/model.joblib"), "log the model file as an artifact"


def test_second_repro_executes_nothing(pipeline_run):
    from mlpipe.dag import run_pipeline

    root, first, before = pipeline_run()
    assert set(STAGES) <= set(first.executed), f"the first run in a fresh folder runs every stage, ran {first.executed}"
    again = run_pipeline(root, log=lambda line: None)
    assert again.executed == [], f"nothing changed, yet {again.executed} ran again"
    assert mtimes(root, before) == before, "no output may be rewritten by a run that has nothing to do"
