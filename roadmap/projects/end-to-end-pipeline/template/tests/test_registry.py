"""Milestone 4: a model registry with versions and stages, and deployment of the Production model."""
import json

import joblib
import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from sklearn.linear_model import LogisticRegression

from mlpipe.data import generate_transactions
from tests.helpers import TinyFeaturizer, md5

NAME = "fraud-detector"


def model_files(folder, seed):
    """A tiny real model (two features) and its featurizer, saved as the pipeline saves them."""
    folder.mkdir(parents=True, exist_ok=True)
    df = generate_transactions(300, seed=seed)
    featurizer = TinyFeaturizer()
    model = LogisticRegression(C=[0.01, 1.0, 100.0][seed % 3]).fit(featurizer.transform(df), df["is_fraud"])
    joblib.dump(model, folder / "model.joblib")
    joblib.dump(featurizer, folder / "featurizer.joblib")
    return [folder / "model.joblib", folder / "featurizer.joblib"], model


def stages(registry):
    return {v.version: v.stage for v in registry.search_model_versions(NAME)}


def test_versions_are_numbered_and_immutable(tmp_path):
    from mlpipe.registry import Registry

    registry = Registry(tmp_path / "registry")
    files, _ = model_files(tmp_path / "m1", seed=1)
    versions = [registry.create_model_version(NAME, files, run_id=f"run-{i}", metrics={"roc_auc": 0.8 + i / 100})
                for i in range(3)]
    assert [v.version for v in versions] == [1, 2, 3] and all(v.stage == "None" for v in versions)
    assert registry.get_model_version(NAME, 2).run_id == "run-1"
    assert registry.get_model_version(NAME, 3).metrics == {"roc_auc": pytest.approx(0.82)}

    original = md5(files[0])
    files[0].write_bytes(b"retrained in place")  # the working copy changes...
    stored = registry.files_of(NAME, 1)
    assert md5(stored["model.joblib"]) == original, "...but a registered version keeps the files it was given"
    assert stored["model.joblib"].resolve() != files[0].resolve()

    again = Registry(tmp_path / "registry")
    assert [v.version for v in again.search_model_versions(NAME)] == [1, 2, 3], "the registry lives on disk"
    with pytest.raises(KeyError):
        again.get_model_version(NAME, 9)
    stored["model.joblib"].write_bytes(b"tampered")
    with pytest.raises(ValueError):
        again.files_of(NAME, 1)


def test_promotion_moves_exactly_one_version(tmp_path):
    from mlpipe.registry import Registry

    registry = Registry(tmp_path / "registry")
    files, _ = model_files(tmp_path / "m", seed=1)
    for i in range(3):
        registry.create_model_version(NAME, files, run_id=f"run-{i}", metrics={"roc_auc": 0.8})
    registry.transition_model_version_stage(NAME, 1, "Production")
    registry.transition_model_version_stage(NAME, 2, "Staging")
    assert stages(registry) == {1: "Production", 2: "Staging", 3: "None"}
    registry.transition_model_version_stage(NAME, 3, "Production")
    assert stages(registry) == {1: "Archived", 2: "Staging", 3: "Production"}, (
        "promoting v3 archives the previous Production and touches nothing else"
    )
    assert [v.version for v in registry.get_latest_versions(NAME, ["Production"])] == [3]
    assert [v.version for v in registry.get_latest_versions(NAME, ["Staging", "Production"])] == [2, 3]
    assert stages(Registry(tmp_path / "registry")) == {1: "Archived", 2: "Staging", 3: "Production"}
    with pytest.raises(ValueError):
        registry.transition_model_version_stage(NAME, 2, "Live")
    with pytest.raises(KeyError):
        registry.transition_model_version_stage(NAME, 7, "Staging")


def test_promote_if_better_keeps_the_better_model(tmp_path):
    from mlpipe.registry import Registry

    registry = Registry(tmp_path / "registry")
    files, _ = model_files(tmp_path / "m", seed=1)
    for auc in (0.80, 0.78, 0.85):
        registry.create_model_version(NAME, files, run_id="r", metrics={"roc_auc": auc})
    assert registry.promote_if_better(NAME, 1, "roc_auc") is True, "the first candidate becomes Production"
    assert registry.promote_if_better(NAME, 2, "roc_auc") is False, "a worse candidate is not promoted"
    assert stages(registry) == {1: "Production", 2: "None", 3: "None"}
    assert registry.promote_if_better(NAME, 3, "roc_auc", min_improvement=0.1) is False, "+0.05 is not +0.1"
    assert registry.production(NAME).version == 1
    assert registry.promote_if_better(NAME, 3, "roc_auc", min_improvement=0.01) is True
    assert stages(registry) == {1: "Archived", 2: "None", 3: "Production"}


def test_deploy_publishes_the_production_model(tmp_path, monkeypatch):
    import os

    from mlpipe.deploy import create_app, deploy_production
    from mlpipe.registry import Registry

    renamed, real_replace, real_rename = [], os.replace, os.rename
    monkeypatch.setattr(os, "replace", lambda src, dst, *a, **k: (renamed.append(str(dst)), real_replace(src, dst, *a, **k))[1])
    monkeypatch.setattr(os, "rename", lambda src, dst, *a, **k: (renamed.append(str(dst)), real_rename(src, dst, *a, **k))[1])

    registry = Registry(tmp_path / "registry")
    files1, model1 = model_files(tmp_path / "m1", seed=1)
    files2, model2 = model_files(tmp_path / "m2", seed=2)
    registry.create_model_version(NAME, files1, run_id="run-1", metrics={"roc_auc": 0.8})
    registry.create_model_version(NAME, files2, run_id="run-2", metrics={"roc_auc": 0.9})
    target = tmp_path / "deployments"
    with pytest.raises(LookupError):
        deploy_production(registry, NAME, target)

    batch = generate_transactions(20, seed=5)
    body = {"transactions": json.loads(batch.drop(columns=["transaction_id", "is_fraud"]).to_json(orient="records"))}
    expected = {1: model1.predict_proba(TinyFeaturizer().transform(batch))[:, 1],
                2: model2.predict_proba(TinyFeaturizer().transform(batch))[:, 1]}
    for version in (1, 2):
        registry.transition_model_version_stage(NAME, version, "Production")
        current = deploy_production(registry, NAME, target)
        assert current["version"] == version and current["run_id"] == f"run-{version}"
        on_disk = json.loads((target / NAME / "current.json").read_text())
        assert on_disk["version"] == version, "current.json points at the deployed version"
        assert str(target / NAME / "current.json") in renamed, (
            "current.json is switched atomically: write it beside, then os.replace() it, so a server never reads half a file"
        )
        renamed.clear()
        client = TestClient(create_app(target / NAME))
        assert client.get("/health").json()["version"] == version
        got = client.post("/predict", json=body).json()["fraud_probability"]
        assert np.allclose(got, expected[version]), f"the server answers with version {version}'s model"
    assert (target / NAME / "v1" / "model.joblib").is_file(), "older versions stay deployed, ready for a rollback"
    assert not [p for p in (target / NAME).iterdir() if "tmp" in p.name], "no half-written leftovers"

    registry.files_of(NAME, 2)["model.joblib"].write_bytes(b"tampered")
    (target / NAME / "v2").rename(target / NAME / "v2-old")  # force a fresh copy from the registry
    with pytest.raises(ValueError):
        deploy_production(registry, NAME, target)
    assert json.loads((target / NAME / "current.json").read_text())["version"] == 2, (
        "a failed deployment leaves the live pointer as it was"
    )


def test_pipeline_registered_and_deploys_its_model(pipeline_run, tmp_path):
    from mlpipe.deploy import create_app, deploy_production
    from mlpipe.registry import Registry

    root, _, _ = pipeline_run()
    run_id = json.loads((root / "models/run.json").read_text())["run_id"]
    metrics = json.loads((root / "reports/metrics.json").read_text())
    registration = json.loads((root / "reports/registration.json").read_text())
    registry = Registry(root / "registry")
    prod = registry.production(NAME)
    assert prod is not None and registration["version"] == prod.version and registration["promoted"] is True, (
        f"the first model of a fresh registry is promoted to Production: {registration}"
    )
    assert prod.run_id == run_id, "the version records the run that trained it"
    assert prod.metrics["roc_auc"] == pytest.approx(metrics["roc_auc"])
    assert md5(registry.files_of(NAME, prod.version)["model.joblib"]) == md5(root / "models/model.joblib")

    deploy_production(registry, NAME, tmp_path / "deployments")
    batch = generate_transactions(50, seed=6)
    body = {"transactions": json.loads(batch.drop(columns=["transaction_id", "is_fraud"]).to_json(orient="records"))}
    got = TestClient(create_app(tmp_path / "deployments" / NAME)).post("/predict", json=body).json()["fraud_probability"]
    model = joblib.load(root / "models/model.joblib")
    featurizer = joblib.load(root / "models/featurizer.joblib")
    assert np.allclose(got, model.predict_proba(featurizer.transform(batch))[:, 1])
