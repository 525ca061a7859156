"""Milestone 5: track a real experiment, choose on validation, test once.

The test runs `run_demo` once (seed 3), then checks the database and the saved models
against splits it builds itself: every logged accuracy is recomputed from the pickled model.
"""

import functools
import pickle
from pathlib import Path

import numpy as np
import pytest

from tracker.store import Store

SEED = 3
ALPHAS = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1}
EPOCHS = 10
TEST_BAR = 0.90  # always guessing the most common digit scores about 0.10


@functools.lru_cache(maxsize=None)
def splits():
    """The test's own copy of the digits splits (60 / 20 / 20, stratified, seed 3)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED,
                                                      stratify=y)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25,
                                                      random_state=SEED, stratify=y_rest)
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """Runs your run_demo once per session, when a test first asks (not in the fixture)."""
    folder = tmp_path_factory.mktemp("demo")
    cache = {"attempts": 0}

    def get():
        if "result" not in cache:
            from tracker.demo import run_demo

            cache["attempts"] += 1  # a fresh database for every attempt
            db = folder / f"demo-{cache['attempts']}.db"
            result = run_demo(db, seed=SEED, artifact_dir=folder / f"artifacts-{cache['attempts']}")
            cache.update(result=result, store=Store(db))
        return cache["result"], cache["store"]

    return get


def load_model(store, run):
    artifacts = {a["name"]: a for a in store.get_run(run["id"])["artifacts"]}
    assert "model.pkl" in artifacts, f"run {run['id']} ({run['name']}) has no model.pkl artifact"
    return pickle.loads(Path(artifacts["model.pkl"]["path"]).read_bytes())


def final(store, run, key):
    history = store.metric_history(run["id"], key)
    return history[-1]["value"] if history else None


def test_sweep_tracks_every_run_and_epoch(demo):
    _, store = demo()
    (X_train, y_train), (X_val, y_val), _ = splits()
    runs = store.list_runs("digits")
    assert {run["params"].get("alpha") for run in runs} == ALPHAS and len(runs) == len(ALPHAS), (
        f"one run per alpha in {sorted(ALPHAS)} in experiment 'digits'; got "
        f"{[(r['name'], r['params'].get('alpha')) for r in runs]}")
    for run in runs:
        assert run["status"] == "finished", f"{run['name']} is {run['status']}"
        assert run["params"].get("epochs") == EPOCHS and run["params"].get("model") == "SGDClassifier"
        for key in ("train_accuracy", "val_accuracy"):
            steps = [p["step"] for p in store.metric_history(run["id"], key)]
            assert steps == list(range(EPOCHS)), (
                f"{run['name']}: {key} should be logged after every epoch (steps 0-{EPOCHS - 1}), "
                f"got steps {steps}")
        model = load_model(store, run)
        assert type(model).__name__ == "SGDClassifier" and model.alpha == run["params"]["alpha"], (
            f"{run['name']}: the saved model should be the SGDClassifier of that alpha")
        assert model.t_ == EPOCHS * len(y_train) + 1, (
            f"{run['name']}: the model saw {int(model.t_ - 1)} samples, not {EPOCHS} epochs of the "
            f"{len(y_train)} training rows: train on the training split only")
        for key, (X, y) in (("train_accuracy", (X_train, y_train)), ("val_accuracy", (X_val, y_val))):
            assert final(store, run, key) == pytest.approx(model.score(X, y), abs=1e-12), (
                f"{run['name']}: the last {key} logged is not the saved model's accuracy on the "
                f"{key.split('_')[0]} split; log what you measure")


def test_learning_curves_are_measured(demo):
    # The params and the curves are the run's own reports: the test retrains each run from its
    # params (same seed, same training rows) and checks every logged step and the saved weights.
    from sklearn.linear_model import SGDClassifier

    _, store = demo()
    (X_train, y_train), (X_val, y_val), _ = splits()
    for run in store.list_runs("digits"):
        params = run["params"]
        assert params.get("loss") == "log_loss" and params.get("seed") == SEED, (
            f"{run['name']}: params should record loss='log_loss' and seed={SEED}; got {params}")
        saved = load_model(store, run)
        assert saved.loss == params["loss"] and saved.random_state == params["seed"], (
            f"{run['name']}: the saved model has loss={saved.loss!r}, random_state="
            f"{saved.random_state!r}; the params say {params['loss']!r}, {params['seed']!r}")
        model = SGDClassifier(loss=params["loss"], alpha=params["alpha"], random_state=params["seed"])
        logged = {key: [p["value"] for p in store.metric_history(run["id"], key)]
                  for key in ("train_accuracy", "val_accuracy")}
        for epoch in range(EPOCHS):
            model.partial_fit(X_train, y_train, classes=list(range(10)))
            for key, (X, y) in (("train_accuracy", (X_train, y_train)),
                                ("val_accuracy", (X_val, y_val))):
                assert logged[key][epoch] == pytest.approx(model.score(X, y), abs=1e-12), (
                    f"{run['name']}: {key} at step {epoch} is {logged[key][epoch]:.4f}, but the "
                    f"model after epoch {epoch + 1} scores {model.score(X, y):.4f}: log each "
                    "epoch's accuracy as you measure it, after that epoch's partial_fit")
        assert np.array_equal(model.coef_, saved.coef_), (
            f"{run['name']}: the saved model's weights differ from {EPOCHS} partial_fit passes "
            f"of SGDClassifier(loss={params['loss']!r}, alpha={params['alpha']}, "
            f"random_state={params['seed']}) over the training split")


def test_sweep_chooses_on_validation(demo):
    result, store = demo()
    runs = store.list_runs("digits")
    finals = [(final(store, run, "val_accuracy"), run["id"]) for run in runs]
    best = max(value for value, _ in finals if value is not None)
    first_best = next(run_id for value, run_id in finals if value == best)
    assert result["chosen"] == first_best, (
        f"run {result['chosen']} was kept, but run {first_best} has the best final val_accuracy "
        f"({best:.4f}); choose on the validation split, never on the test split")


def test_test_split_is_scored_once(demo):
    result, store = demo()
    _, _, (X_test, y_test) = splits()
    runs = store.list_runs("digits")
    tested = [run for run in runs if "test_accuracy" in run["metrics"]]
    assert [run["id"] for run in tested] == [result["chosen"]], (
        f"only the kept run may have a test_accuracy; runs {[r['id'] for r in tested]} have one")
    history = store.metric_history(result["chosen"], "test_accuracy")
    assert len(history) == 1, f"score the test split once, not {len(history)} times"
    chosen = next(run for run in runs if run["id"] == result["chosen"])
    measured = load_model(store, chosen).score(X_test, y_test)
    assert history[0]["value"] == pytest.approx(measured, abs=1e-12), (
        f"the logged test_accuracy {history[0]['value']:.4f} is not the kept model's accuracy on "
        f"the test split ({measured:.4f})")
    assert result["test_accuracy"] == pytest.approx(measured, abs=1e-12)
    majority = np.mean(y_test == np.bincount(y_test).argmax())
    assert measured >= TEST_BAR, (
        f"the kept model scores {measured:.3f} on the test split; the bar is {TEST_BAR} "
        f"(always guessing the most common digit: {majority:.3f})")
