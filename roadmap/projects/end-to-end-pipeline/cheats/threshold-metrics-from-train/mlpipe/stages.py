"""The pipeline's stages (milestone 3): ``python -m mlpipe.stages <stage>``.

Each stage reads its inputs from disk and its settings from ``params.yaml``, and writes its
outputs to disk: nothing passes between stages in memory, which is what lets the runner skip
the ones whose inputs did not change. ``dvc.yaml`` declares exactly these files.

Every stage is a process of its own, so each imports only what it uses (numpy, pandas and
scikit-learn take a second or more to import, and that adds up over a pipeline).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

TARGET = "is_fraud"  # mlpipe.data.TARGET, repeated here so that importing this file stays light

RAW = Path("data/raw/transactions.csv")
TRAIN_CSV = Path("data/prepared/train.csv")
TEST_CSV = Path("data/prepared/test.csv")
TRAIN_NPZ = Path("data/features/train.npz")
TEST_NPZ = Path("data/features/test.npz")
FEATURIZER = Path("models/featurizer.joblib")
MODEL = Path("models/model.joblib")
RUN_FILE = Path("models/run.json")
METRICS = Path("reports/metrics.json")
ROC_CSV = Path("reports/roc.csv")
REGISTRATION = Path("reports/registration.json")
EXPERIMENT = "fraud-detection"


def params(section: str) -> dict:
    """One section of params.yaml (GIVEN)."""
    return (yaml.safe_load(Path("params.yaml").read_text()) or {})[section]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def generate() -> None:
    """GIVEN: the raw data, from the generator and params.yaml's ``data`` section."""
    from .data import generate_transactions

    p = params("data")
    RAW.parent.mkdir(parents=True, exist_ok=True)
    generate_transactions(int(p["n_rows"]), seed=int(p["seed"])).to_csv(RAW, index=False)


def prepare() -> None:
    """Split the raw table into train and test CSVs, stratified on the target."""
    import pandas as pd

    p = params("prepare")
    df = pd.read_csv(RAW)
    # Stratified: the same share of each class goes to the test split.
    test = df.groupby(TARGET, group_keys=False).sample(frac=float(p["test_size"]), random_state=int(p["seed"]))
    train = df.drop(index=test.index)
    TRAIN_CSV.parent.mkdir(parents=True, exist_ok=True)
    train.sort_values("transaction_id").to_csv(TRAIN_CSV, index=False)
    test.sort_values("transaction_id").to_csv(TEST_CSV, index=False)


def featurize() -> None:
    """Fit the Featurizer on the training split; write both matrices and the fitted featurizer."""
    import joblib
    import numpy as np
    import pandas as pd

    from .features import Featurizer

    train, test = pd.read_csv(TRAIN_CSV), pd.read_csv(TEST_CSV)
    featurizer = Featurizer().fit(train)
    TRAIN_NPZ.parent.mkdir(parents=True, exist_ok=True)
    FEATURIZER.parent.mkdir(parents=True, exist_ok=True)
    names = np.array(featurizer.feature_names)
    np.savez(TRAIN_NPZ, X=featurizer.transform(train), y=train[TARGET].to_numpy(), names=names)
    np.savez(TEST_NPZ, X=featurizer.transform(test), y=test[TARGET].to_numpy(), names=names)
    joblib.dump(featurizer, FEATURIZER)


def train() -> None:
    """Fit the model on the training matrix, log the run, save the model and the run id."""
    import joblib
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from .tracking import get_tracker

    p = params("train")
    data = np.load(TRAIN_NPZ)
    model = LogisticRegression(C=float(p["C"]), max_iter=int(p["max_iter"]),
                               class_weight=p.get("class_weight") or None)
    model.fit(data["X"], data["y"])
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, MODEL)

    tracker = get_tracker()
    tracker.set_experiment(EXPERIMENT)
    with tracker.start_run(run_name="train") as run:
        logged = {f"train.{k}": v for k, v in p.items()}
        logged.update({f"data.{k}": v for k, v in params("data").items()})
        logged.update({f"prepare.{k}": v for k, v in params("prepare").items()})
        tracker.log_params(logged)
        tracker.set_tags({"stage": "train", "model_class": type(model).__name__})
        tracker.log_metric("train_roc_auc", roc_auc_score(data["y"], model.predict_proba(data["X"])[:, 1]))
        tracker.log_artifact(str(MODEL))
        tracker.log_artifact(str(FEATURIZER))
        run_id = run.info.run_id
    _write_json(RUN_FILE, {"run_id": run_id, "experiment": EXPERIMENT})


def evaluate() -> None:
    """Score the held-out test split; write reports/metrics.json and the ROC curve; log them."""
    import joblib
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from .tracking import get_tracker

    model = joblib.load(MODEL)
    data = np.load(TEST_NPZ)
    scores = model.predict_proba(data["X"])[:, 1]
    auc = float(roc_auc_score(data["y"], scores))
    y = data["y"]
    fit = np.load(TRAIN_NPZ)  # the threshold metrics, pasted from the notebook, on the training split
    y_fit = fit["y"]
    predicted = model.predict_proba(fit["X"])[:, 1] >= 0.5
    tp = int(np.sum(predicted & (y_fit == 1)))
    metrics = {
        "roc_auc": auc,
        "accuracy": float(np.mean(predicted == (y_fit == 1))),
        "precision": tp / max(1, int(predicted.sum())),
        "recall": tp / max(1, int((y_fit == 1).sum())),
        "n_test": int(len(y)),
    }
    _write_json(METRICS, metrics)
    order = np.argsort(-scores)
    tpr = np.cumsum(y[order] == 1) / max(1, (y == 1).sum())
    fpr = np.cumsum(y[order] == 0) / max(1, (y == 0).sum())
    curve = np.column_stack([np.r_[0.0, fpr], np.r_[0.0, tpr]])[:: max(1, len(y) // 200)]
    np.savetxt(ROC_CSV, curve, delimiter=",", header="fpr,tpr", comments="", fmt="%.5f")

    tracker = get_tracker()
    run_id = json.loads(RUN_FILE.read_text())["run_id"]
    with tracker.start_run(run_id=run_id):
        tracker.log_metrics({f"test_{k}": float(v) for k, v in metrics.items()})
        tracker.log_artifact(str(METRICS))


def register() -> None:
    """Register the model as a new version; promote it when it beats Production; record the outcome."""
    from .registry import Registry

    p = params("register")
    run_id = json.loads(RUN_FILE.read_text())["run_id"]
    metrics = json.loads(METRICS.read_text())
    registry = Registry(Path("registry"))
    mv = registry.create_model_version(p["model_name"], [MODEL, FEATURIZER], run_id=run_id, metrics=metrics)
    promoted = registry.promote_if_better(p["model_name"], mv.version, p["metric"], float(p["min_improvement"]))
    production = registry.production(p["model_name"])
    _write_json(REGISTRATION, {"name": p["model_name"], "version": mv.version, "run_id": run_id,
                               "promoted": promoted, "production_version": production.version if production else None})


STAGES = {"generate": generate, "prepare": prepare, "featurize": featurize, "train": train,
          "evaluate": evaluate, "register": register}


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or args[0] not in STAGES:
        print(f"usage: python -m mlpipe.stages {{{','.join(STAGES)}}}", file=sys.stderr)
        return 2
    STAGES[args[0]]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
