"""Milestone 2: several models, a leaderboard and an ensemble."""
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline

from churn.models import make_ensemble, make_models

AUC_BAR = 0.78


def test_models_are_full_pipelines():
    models = make_models(seed=0)
    assert len(models) >= 3, "make_models should return at least three models to compare"
    for name, model in models.items():
        assert isinstance(model, Pipeline), (
            f"'{name}' must be a Pipeline(preprocess -> model) so preprocessing is fitted on "
            "the training data only"
        )
    families = {type(model.steps[-1][1]).__name__ for model in models.values()}
    assert len(families) >= 3, f"use at least three different model families, got {families}"
    first_steps = [model.steps[0][1] for model in models.values()]
    assert len({id(step) for step in first_steps}) == len(first_steps), (
        "each model needs its own preprocessor object (call build_preprocessor() per model)"
    )


def test_every_model_beats_auc_bar(trained):
    data = trained()
    board = data["board"]
    assert list(board.columns[:2]) == ["model", "roc_auc"], "leaderboard columns: model, roc_auc"
    assert set(board["model"]) == set(data["models"]), "the leaderboard must list every model"
    assert list(board["roc_auc"]) == sorted(board["roc_auc"], reverse=True), "best model first"
    for name, auc in zip(board["model"], board["roc_auc"]):
        assert auc >= AUC_BAR, f"'{name}' has test ROC AUC {auc:.3f}, below the bar {AUC_BAR}"
    top = board.iloc[0]
    proba = data["models"][top["model"]].predict_proba(data["X_test"])[:, 1]
    assert abs(roc_auc_score(data["y_test"], proba) - top["roc_auc"]) < 1e-9, (
        "the leaderboard's roc_auc must be measured on the TEST split with predict_proba"
    )


def test_ensemble_is_competitive(trained):
    data = trained()
    ensemble = make_ensemble(make_models(seed=0))
    ensemble.fit(data["X_train"], data["y_train"])
    auc = roc_auc_score(data["y_test"], ensemble.predict_proba(data["X_test"])[:, 1])
    best_single = data["board"]["roc_auc"].max()
    assert auc >= AUC_BAR + 0.02, f"ensemble ROC AUC {auc:.3f} is below {AUC_BAR + 0.02}"
    assert auc >= best_single - 0.02, (
        f"the ensemble ({auc:.3f}) should be about as good as the best single model "
        f"({best_single:.3f}); soft voting averages probabilities"
    )
