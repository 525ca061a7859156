"""Command-line interface: ``python -m automl.cli --dataset loan --budget 20``.

This file is GIVEN. It only works once the TODOs in the other modules are done.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.model_selection import train_test_split

from .core import AutoML
from .data import load_sklearn_dataset, make_loan_data
from .report import leaderboard_frame


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", default="loan", help="loan, breast_cancer, wine or iris")
    parser.add_argument("--budget", type=float, default=20.0, help="time budget in seconds")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--report", type=Path, default=Path("reports") / "automl_report.md")
    args = parser.parse_args(argv)

    X, y = make_loan_data(seed=args.seed) if args.dataset == "loan" else load_sklearn_dataset(args.dataset)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=args.seed, stratify=y
    )
    model = AutoML(time_budget=args.budget, seed=args.seed).fit(X_train, y_train)
    print("engineered features:", ", ".join(f.name for f in model.features_) or "none")
    print(leaderboard_frame(model.search_).head(10).to_string(index=False))
    print(
        f"\n{len(model.search_.trials)} trials in {model.fit_seconds_:.1f} s; "
        f"test accuracy {model.score(X_test, y_test):.3f} "
        f"(baseline {model.baseline_.score(X_test, y_test):.3f})"
    )
    args.report.parent.mkdir(parents=True, exist_ok=True)
    model.report(args.report, X_test, y_test)
    print(f"report written to {args.report}")


if __name__ == "__main__":
    main()
