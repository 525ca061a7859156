"""Command line (GIVEN): ``python -m mlpipe <command>``.

    python -m mlpipe repro [--force]        # run the stages of dvc.yaml that changed
    python -m mlpipe dag                     # the stages in execution order, with their inputs
    python -m mlpipe deploy [--target deployments]   # publish the Production model
    python -m mlpipe serve  [--port 8000]    # serve the deployed model on 127.0.0.1
    python -m mlpipe monitor --current batch.csv     # drift (and performance) alerts; exit 1 on any
    python -m mlpipe simulate --out data/incoming/batch.csv [--drift]   # a new batch to monitor
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml


def _params() -> dict:
    return yaml.safe_load(Path("params.yaml").read_text()) or {}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mlpipe", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("repro")
    p.add_argument("--force", action="store_true")
    sub.add_parser("dag")
    p = sub.add_parser("deploy")
    p.add_argument("--target", type=Path, default=Path("deployments"))
    p = sub.add_parser("serve")
    p.add_argument("--target", type=Path, default=Path("deployments"))
    p.add_argument("--port", type=int, default=8000)
    p = sub.add_parser("monitor")
    p.add_argument("--current", type=Path, required=True)
    p.add_argument("--reference", type=Path, default=Path("data/prepared/train.csv"))
    p.add_argument("--alerts", type=Path, default=Path("reports/alerts.jsonl"))
    p.add_argument("--target", type=Path, default=Path("deployments"))
    p = sub.add_parser("simulate")
    p.add_argument("--out", type=Path, default=Path("data/incoming/batch.csv"))
    p.add_argument("--rows", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--drift", action="store_true")
    args = parser.parse_args(argv)
    name = _params()["register"]["model_name"]

    if args.command == "repro":
        from .dag import run_pipeline

        result = run_pipeline(Path("."), force=args.force)
        print(f"executed {result.executed or 'nothing'}; up to date: {result.skipped or 'nothing'}")
    elif args.command == "dag":
        from .dag import execution_order, load_pipeline, upstream

        stages = load_pipeline(Path("."))
        graph = upstream(stages)
        for stage in execution_order(stages):
            print(f"{stage:<10} <- {', '.join(graph[stage]) or '(sources only)'}")
    elif args.command == "deploy":
        from .deploy import deploy_production
        from .registry import Registry

        current = deploy_production(Registry(Path("registry")), name, args.target)
        print(f"deployed {name} v{current['version']} (run {current['run_id']}) to {args.target / name}")
    elif args.command == "serve":
        import uvicorn

        from .deploy import create_app

        uvicorn.run(create_app(args.target / name), host="127.0.0.1", port=args.port)
    elif args.command == "simulate":
        from .data import generate_transactions

        drift = {"amount_log_shift": 0.5, "category_share": [0.15, 0.15, 0.2, 0.2, 0.3]} if args.drift else None
        args.out.parent.mkdir(parents=True, exist_ok=True)
        generate_transactions(args.rows, seed=args.seed, drift=drift).to_csv(args.out, index=False)
        print(f"wrote {args.rows} transactions to {args.out}{' (drifted)' if args.drift else ''}")
    elif args.command == "monitor":
        import pandas as pd

        from .data import CATEGORICAL, NUMERIC
        from .deploy import load_deployed
        from .drift import monitor

        settings = _params().get("monitor", {})
        score = None
        home = args.target / name
        if (home / "current.json").exists():
            model, featurizer, _ = load_deployed(home)

            def score(frame):
                return model.predict_proba(featurizer.transform(frame))[:, 1]

        alerts = monitor(pd.read_csv(args.reference), pd.read_csv(args.current), NUMERIC + CATEGORICAL,
                         args.alerts, score=score, min_auc=settings.get("min_auc", 0.8),
                         psi_threshold=settings.get("psi_threshold", 0.2), ks_alpha=settings.get("ks_alpha", 0.001))
        for alert in alerts:
            print("ALERT", json.dumps(alert))
        print(f"{len(alerts)} alert(s); appended to {args.alerts}" if alerts else "no drift, no alert")
        return 1 if alerts else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
