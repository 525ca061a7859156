"""Train, compare, explain and save the churn model: ``python -m churn.train``.

This file is GIVEN. It calls the functions you write in the other modules, so it only runs
once they are done. It writes ``artifacts/churn_model.joblib`` and ``artifacts/metrics.json``,
which ``python -m churn.api`` serves.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .business import best_threshold, retention_value
from .data import generate_customers
from .explain import permutation_importance_table, shap_summary
from .features import split_data
from .models import evaluate_models, make_ensemble, make_models


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    args = parser.parse_args(argv)

    df = generate_customers(n=args.rows, seed=args.seed)
    X_train, X_test, y_train, y_test = split_data(df, seed=args.seed)
    print(f"{len(X_train)} training rows, {len(X_test)} test rows, churn rate {y_train.mean():.1%}")

    models = make_models(seed=args.seed)
    models["ensemble"] = make_ensemble(make_models(seed=args.seed))
    board = evaluate_models(models, X_train, y_train, X_test, y_test)
    print("\nLeaderboard (ROC AUC on the test split)")
    print(board.to_string(index=False))

    best_name = board.iloc[0]["model"]
    best = models[best_name]
    importance = permutation_importance_table(best, X_test, y_test, seed=args.seed)
    print(f"\nPermutation importance of '{best_name}'")
    print(importance.to_string(index=False))
    shap_values = shap_summary(models["gradient_boosting"], X_test)
    if shap_values is None:
        print("(shap is not installed: skipping SHAP values)")

    proba = best.predict_proba(X_test)[:, 1]
    charges = X_test["monthly_charges"]
    threshold, value = best_threshold(y_test, proba, charges)
    print(
        f"\nBest threshold {threshold:.2f}: campaign value {value:,.0f} "
        f"(at 0.50: {retention_value(y_test, proba, charges, 0.5):,.0f})"
    )

    args.out.mkdir(parents=True, exist_ok=True)
    import joblib

    joblib.dump(best, args.out / "churn_model.joblib")
    metrics = {
        "best_model": best_name,
        "roc_auc": float(board.iloc[0]["roc_auc"]),
        "leaderboard": board.to_dict(orient="records"),
        "best_threshold": threshold,
        "campaign_value": value,
        "importance": importance.to_dict(orient="records"),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    print(f"\nSaved the model and metrics.json to {args.out}/")
    return metrics


if __name__ == "__main__":
    main()
