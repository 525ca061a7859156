"""Train, compare, explain and save the churn model: ``python -m churn.train``.

This file is GIVEN. It calls the functions you write in the other modules, so it only runs
once they are done. It writes ``churn_model.joblib``, ``metrics.json``, ``reference.csv`` and
``monitoring.png`` to ``artifacts/``, which ``python -m churn.api`` serves and monitors.
Every choice (the model, the threshold) is made on the training split; the test split is
looked at once, to report.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .business import choose_threshold, retention_value
from .data import generate_customers
from .explain import permutation_importance_table, shap_summary
from .features import split_data
from .models import compare_models, evaluate_models, make_ensemble, make_models
from .monitoring import MONITORED, PredictionLog, plot_dashboard


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    args = parser.parse_args(argv)

    df = generate_customers(n=args.rows, seed=args.seed)
    X_train, X_test, y_train, y_test = split_data(df, seed=args.seed)
    print(f"{len(X_train)} training rows, {len(X_test)} test rows, churn rate {y_train.mean():.1%}")

    # 1. Choose on the training split only: the model by cross-validation...
    models = make_models(seed=args.seed)
    models["ensemble"] = make_ensemble(make_models(seed=args.seed))
    cv_board = compare_models(models, X_train, y_train, seed=args.seed)
    print("\nCross-validated ROC AUC on the training split (this is what we choose by)")
    print(cv_board.to_string(index=False))
    best_name = cv_board.iloc[0]["model"]
    best = models[best_name]
    # ... and the campaign threshold on out-of-fold predictions.
    threshold, oof_value = choose_threshold(best, X_train, y_train, seed=args.seed)
    print(f"\nChosen: '{best_name}', threshold {threshold:.2f} (out-of-fold value {oof_value:,.0f})")

    # 2. Then look at the test split once, to report.
    board = evaluate_models(models, X_train, y_train, X_test, y_test)
    print("\nROC AUC on the test split (reported, not used to choose)")
    print(board.to_string(index=False))
    proba = best.predict_proba(X_test)[:, 1]
    charges = X_test["monthly_charges"]
    value = retention_value(y_test, proba, charges, threshold)
    print(f"Test campaign value at {threshold:.2f}: {value:,.0f} "
          f"(at 0.50: {retention_value(y_test, proba, charges, 0.5):,.0f})")

    importance = permutation_importance_table(best, X_test, y_test, seed=args.seed)
    print(f"\nPermutation importance of '{best_name}' (test split)")
    print(importance.to_string(index=False))
    shap_values = shap_summary(models["gradient_boosting"], X_test)
    if shap_values is None:
        print("(shap is not installed: skipping SHAP values)")

    # 3. A first look at monitoring: the test customers, then a quarter in which new
    #    customers call support more often than before.
    args.out.mkdir(parents=True, exist_ok=True)
    log = PredictionLog(reference=X_train, threshold=threshold)
    later = generate_customers(n=len(X_test), seed=args.seed + 1).drop(columns=["customer_id", "churned"])
    later["support_calls"] = later["support_calls"] + 2
    for batch in (X_test, later):
        for (_, row), p in zip(batch.iterrows(), best.predict_proba(batch)[:, 1]):
            log.record(row.to_dict(), p)
    monitoring = log.summary()
    plot_dashboard(log, args.out / "monitoring.png")
    print(f"\nMonitoring: {monitoring['n_predictions']} predictions, drifted inputs: "
          f"{', '.join(monitoring['drifted']) or 'none'} (artifacts/monitoring.png)")

    import joblib

    joblib.dump(best, args.out / "churn_model.joblib")
    X_train[MONITORED].to_csv(args.out / "reference.csv", index=False)
    metrics = {
        "best_model": best_name,
        "cv_leaderboard": cv_board.to_dict(orient="records"),
        "test_roc_auc": float(board.set_index("model").loc[best_name, "roc_auc"]),
        "test_leaderboard": board.to_dict(orient="records"),
        "best_threshold": threshold,
        "oof_campaign_value": oof_value,
        "test_campaign_value": value,
        "importance": importance.to_dict(orient="records"),
        "monitoring": monitoring,
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    print(f"\nSaved the model, reference.csv and metrics.json to {args.out}/")
    return metrics


if __name__ == "__main__":
    main()
