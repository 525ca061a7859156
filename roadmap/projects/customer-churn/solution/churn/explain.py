"""Which columns does the model rely on?"""
from __future__ import annotations

import pandas as pd
from sklearn.inspection import permutation_importance


def permutation_importance_table(model, X, y, n_repeats: int = 5, seed: int = 0) -> pd.DataFrame:
    """Permutation importance of every RAW column of ``X``, measured with ROC AUC.

    Shuffling one column breaks its link with the target; the drop in ROC AUC is how much
    the model needed that column. Use held-out data so the answer describes generalisation,
    not memorisation. Returns columns ``feature``, ``importance_mean``, ``importance_std``,
    most important first.
    """
    result = permutation_importance(
        model, X, y, scoring="roc_auc", n_repeats=n_repeats, random_state=seed, n_jobs=1
    )
    table = pd.DataFrame(
        {
            "feature": list(X.columns),
            "importance_mean": result.importances_mean,
            "importance_std": result.importances_std,
        }
    )
    return table.sort_values("importance_mean", ascending=False).reset_index(drop=True)


def shap_summary(model, X, max_rows: int = 200):
    """Mean absolute SHAP value per model input, or ``None`` when ``shap`` is not installed.

    SHAP is optional: nothing in the tests needs it. ``model`` must be a fitted
    ``Pipeline(preprocess -> model)`` as made by ``make_models``.
    """
    try:
        import shap  # noqa: F401  (optional dependency)
    except ImportError:
        return None
    preprocess = model.named_steps["preprocess"]
    estimator = model.named_steps["model"]
    data = preprocess.transform(X.iloc[:max_rows])
    explainer = shap.Explainer(estimator.predict_proba, data)
    values = explainer(data)
    # values has shape (rows, inputs, classes): keep the "churn" class.
    return abs(values.values[..., 1]).mean(axis=0)
