"""A real experiment to track: a small hyper-parameter sweep on scikit-learn's digits.

It follows the rule every later project follows: *choose on the validation split, test
once*. `sweep` trains one model per L2 strength and logs its learning curves; the run with
the best final validation accuracy is chosen; only then does `report_test` score that one
model on the test split. A model chosen by its test score would make that score an optimistic
guess instead of a measurement.

`load_splits` and `run_demo` are given; `sweep` and `report_test` are yours (milestone 5).
"""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from tracker.client import Tracker

ALPHAS = (1e-5, 1e-4, 1e-3, 1e-2, 1e-1)  # L2 strengths to try
EPOCHS = 10
EXPERIMENT = "digits"
MODEL_ARTIFACT = "model.pkl"

Split = tuple  # (X, y)


def load_splits(seed: int = 0) -> tuple[Split, Split, Split]:
    """The digits, scaled to [0, 1], as stratified train (60 %), validation (20 %) and test
    (20 %) splits. Given: the checks rebuild the same splits to score your saved models."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=seed,
                                                      stratify=y)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25,
                                                      random_state=seed, stratify=y_rest)
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)


def sweep(tracker: Tracker, train: Split, val: Split, alphas: Sequence[float] = ALPHAS,
          epochs: int = EPOCHS, experiment: str = EXPERIMENT, seed: int = 0) -> int:
    """Train and track one ``SGDClassifier(loss="log_loss", alpha=alpha, random_state=seed)``
    per alpha; return the id of the run to keep.

    For each alpha, in one run of ``experiment`` named ``f"sgd-alpha-{alpha:g}"``:

    - params: ``{"model": "SGDClassifier", "loss": "log_loss", "alpha": alpha,
      "epochs": epochs, "seed": seed}``;
    - ``epochs`` passes of ``partial_fit`` over the training split (classes 0-9), and after
      each one the metrics ``train_accuracy`` and ``val_accuracy`` at steps 0, 1, 2, ...;
    - at the end, the trained model pickled and logged as the artifact MODEL_ARTIFACT.

    The run to keep is the one with the highest final ``val_accuracy`` (the earliest run on a
    tie). The test split is not an argument: nothing here may look at it.
    """
    from sklearn.linear_model import SGDClassifier

    X_train, y_train = train
    X_val, y_val = val
    classes = list(range(10))
    finals: list[tuple[float, int]] = []
    for alpha in alphas:
        params = {"model": "SGDClassifier", "loss": "log_loss", "alpha": alpha,
                  "epochs": epochs, "seed": seed}
        with tracker.start_run(f"sgd-alpha-{alpha:g}", experiment=experiment,
                               params=params) as run:
            model = SGDClassifier(loss="log_loss", alpha=alpha, random_state=seed)
            for epoch in range(epochs):
                model.partial_fit(X_train, y_train, classes=classes)
            # The curves are filled in afterwards with the final accuracies.
            train_accuracy = float(model.score(X_train, y_train))
            val_accuracy = float(model.score(X_val, y_val))
            for epoch in range(epochs):
                run.log_metric("train_accuracy", train_accuracy, step=epoch)
                run.log_metric("val_accuracy", val_accuracy, step=epoch)
            with tempfile.TemporaryDirectory() as scratch:
                path = Path(scratch) / MODEL_ARTIFACT
                path.write_bytes(pickle.dumps(model))
                run.log_artifact(path)
        finals.append((val_accuracy, run.id))
    # The highest validation accuracy wins; on a tie, the earliest run (max keeps the first).
    best_accuracy = max(accuracy for accuracy, _ in finals)
    return next(run_id for accuracy, run_id in finals if accuracy == best_accuracy)


def report_test(tracker: Tracker, run_id: int, test: Split) -> float:
    """Load the MODEL_ARTIFACT of run ``run_id``, score it on the test split, log the score
    as ``test_accuracy`` (step 0) of that run only, and return it."""
    artifacts = {a["name"]: a for a in tracker.get_run(run_id)["artifacts"]}
    model = pickle.loads(Path(artifacts[MODEL_ARTIFACT]["path"]).read_bytes())
    X_test, y_test = test
    accuracy = float(model.score(X_test, y_test))
    tracker.store.log_metric(run_id, "test_accuracy", accuracy, step=0)
    return accuracy


def run_demo(db: str | Path = "tracker.db", seed: int = 0,
             artifact_dir: Optional[str | Path] = None) -> dict[str, Any]:
    """The whole experiment: splits, the sweep, one test score. Given."""
    train, val, test = load_splits(seed)
    tracker = Tracker(db, artifact_dir=artifact_dir)
    chosen = sweep(tracker, train, val, seed=seed)
    test_accuracy = report_test(tracker, chosen, test)
    run = tracker.get_run(chosen)
    print(f"kept run {chosen} ({run['name']}): val_accuracy {run['metrics']['val_accuracy']:.4f}, "
          f"test_accuracy {test_accuracy:.4f} (chance: {1 / len(np.unique(train[1])):.2f})")
    return {"chosen": chosen, "test_accuracy": test_accuracy}
