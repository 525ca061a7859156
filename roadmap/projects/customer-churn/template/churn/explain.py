"""Which columns does the model rely on?

Milestone 3. Fill in ``permutation_importance_table``. ``shap_summary`` is optional.
"""
from __future__ import annotations

import pandas as pd
from sklearn.inspection import permutation_importance  # noqa: F401


def permutation_importance_table(model, X, y, n_repeats: int = 5, seed: int = 0) -> pd.DataFrame:
    """Permutation importance of every RAW column of ``X``, scored with ROC AUC.

    Pass held-out data. Return a DataFrame with columns ``feature``, ``importance_mean``
    and ``importance_std``, most important first. Because ``model`` is a whole pipeline,
    shuffling a raw column also shuffles the features engineered from it.
    """
    # TODO: measure the importances (scikit-learn has a function for it that accepts a whole
    #       pipeline; score with ROC AUC, n_repeats and seed), put them in a DataFrame, sort.
    raise NotImplementedError("TODO: measure permutation importance per raw column")


def shap_summary(model, X, max_rows: int = 200):
    """OPTIONAL stretch goal: mean |SHAP value| per model input, or None without ``shap``.

    ``shap`` is not a requirement of this project and no test uses this function.
    """
    try:
        import shap  # noqa: F401
    except ImportError:
        return None
    # TODO (optional): explain model.named_steps["model"] on the preprocessed rows of X.
    return None
