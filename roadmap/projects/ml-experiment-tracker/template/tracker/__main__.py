"""Command line for the tracker (this file is complete).

    python -m tracker demo   [--db tracker.db]   # log a few real scikit-learn runs
    python -m tracker serve  [--db tracker.db] [--port 8000]
    python -m tracker export [--db tracker.db] --format csv|json --out runs.csv
"""

from __future__ import annotations

import argparse
import sys


def demo(db: str) -> None:
    """Train a few small models on the bundled digits dataset and track them."""
    from sklearn.datasets import load_digits
    from sklearn.linear_model import SGDClassifier
    from sklearn.model_selection import train_test_split

    from tracker.client import Tracker

    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, random_state=0,
                                                      stratify=y)
    tracker = Tracker(db)
    for alpha in (1e-5, 1e-4, 1e-3, 1e-2):
        params = {"model": "SGDClassifier", "loss": "log_loss", "alpha": alpha, "epochs": 15}
        with tracker.start_run(f"sgd-alpha-{alpha:g}", experiment="digits", params=params) as run:
            model = SGDClassifier(loss="log_loss", alpha=alpha, random_state=0)
            for epoch in range(params["epochs"]):
                model.partial_fit(X_train, y_train, classes=list(range(10)))
                run.log_metric("train_accuracy", model.score(X_train, y_train), step=epoch)
                run.log_metric("val_accuracy", model.score(X_val, y_val), step=epoch)
        print(f"run {run.id}: alpha={alpha:g} val_accuracy={model.score(X_val, y_val):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tracker")
    parser.add_argument("command", choices=["demo", "serve", "export"])
    parser.add_argument("--db", default="tracker.db")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--out", default=None)
    parser.add_argument("--experiment", default=None)
    args = parser.parse_args(argv)

    if args.command == "demo":
        demo(args.db)
    elif args.command == "serve":
        import uvicorn

        from tracker.api import create_app

        print(f"dashboard: http://{args.host}:{args.port}/   API docs: http://{args.host}:{args.port}/docs")
        uvicorn.run(create_app(args.db), host=args.host, port=args.port)
    else:
        from tracker.export import export_csv, export_json
        from tracker.store import Store

        out = args.out or f"runs.{args.format}"
        writer = export_csv if args.format == "csv" else export_json
        print(f"wrote {writer(Store(args.db), out, args.experiment)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
