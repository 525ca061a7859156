"""Command line for the tracker (this file is complete; the demo's pieces are in demo.py).

    python -m tracker demo   [--db tracker.db] [--seed 0]   # a real sweep (tracker/demo.py)
    python -m tracker serve  [--db tracker.db] [--port 8000]
    python -m tracker export [--db tracker.db] --format csv|json --out runs.csv
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tracker")
    parser.add_argument("command", choices=["demo", "serve", "export"])
    parser.add_argument("--db", default="tracker.db")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--out", default=None)
    parser.add_argument("--experiment", default=None)
    parser.add_argument("--seed", type=int, default=0, help="demo: the seed of the splits")
    args = parser.parse_args(argv)

    if args.command == "demo":
        from tracker.demo import run_demo

        run_demo(args.db, seed=args.seed)
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
