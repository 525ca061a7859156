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
    """Split the raw table into data/prepared/train.csv and test.csv, stratified on the target.

    TODO: ``prepare.test_size`` of the rows go to the test split, the same share of each class,
    reproducibly from ``prepare.seed``. Every transaction ends up in exactly one split.
    """
    raise NotImplementedError("TODO: stage prepare")


def featurize() -> None:
    """Fit the Featurizer on the training split; write both matrices and the fitted featurizer.

    TODO: ``np.savez(TRAIN_NPZ, X=..., y=..., names=...)`` (and TEST_NPZ), and
    ``joblib.dump(featurizer, FEATURIZER)``.
    """
    raise NotImplementedError("TODO: stage featurize")


def train() -> None:
    """Fit the model on the training matrix, log the run, save the model and the run id.

    TODO: a LogisticRegression with the ``train`` params, saved to MODEL with joblib. Track it:
    ``tracker = get_tracker()``, ``tracker.set_experiment(EXPERIMENT)``, and inside
    ``with tracker.start_run(run_name="train") as run:`` log the params (as ``train.C`` and so on,
    plus the ``data`` and ``prepare`` sections), the training ROC AUC, and the model and
    featurizer files as artifacts. Write ``{"run_id": run.info.run_id}`` to RUN_FILE.
    """
    raise NotImplementedError("TODO: stage train")


def evaluate() -> None:
    """Score the held-out test split; write reports/metrics.json and the ROC curve; log them.

    TODO: metrics.json holds at least ``roc_auc`` and ``n_test`` (plus accuracy, precision and
    recall at 0.5), computed on TEST_NPZ only. Write the curve's points to ROC_CSV (columns fpr,
    tpr). Resume the training run (``tracker.start_run(run_id=...)``) and log each metric as
    ``test_<name>``, and metrics.json as an artifact.
    """
    raise NotImplementedError("TODO: stage evaluate")


def register() -> None:
    """Register the model as a new version; promote it when it beats Production; record the outcome.

    TODO: ``Registry(Path("registry")).create_model_version(name, [MODEL, FEATURIZER], run_id, metrics)``,
    then ``promote_if_better`` with the ``register`` params, and write REGISTRATION with
    ``name``, ``version``, ``run_id``, ``promoted`` and ``production_version``.
    """
    raise NotImplementedError("TODO: stage register")


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
