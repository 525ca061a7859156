"""Run the whole reproduction end to end (GIVEN).

    python -m repro run                 # the full grid, 3 seeds: about a minute on a laptop
    python -m repro run --quick         # a tiny grid, to check that everything is wired up
    python -m repro report              # rebuild tables and plots from results/runs/ alone

``run`` trains every configuration of the ablation grid with every seed, saves each run in
``<out>/runs/`` (a JSON record and the model's weights) and then calls ``report``, which
reads the saved runs back and writes:

    <out>/ablation.md     the ablation table (mean ± std over seeds)
    <out>/comparison.md   our results against the paper's claims
    <out>/summary.json    the numbers behind both tables
    <out>/curves.png      training curves with error bands
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from .analysis import ablation_table, compare_with_paper, comparison_table, summarise
from .data import load_data
from .experiment import Config, load_records, run_grid
from .plots import plot_curves


def grid(shallow: int = 2, deep: int = 10, steps: int = 100) -> list[Config]:
    """The ablation grid: depth x shortcut, plus batch norm and zero-init ablations at depth."""
    return [
        Config(depth=shallow, residual=False, steps=steps),
        Config(depth=shallow, residual=True, steps=steps),
        Config(depth=deep, residual=False, steps=steps),
        Config(depth=deep, residual=True, steps=steps),
        Config(depth=deep, residual=True, zero_init=True, steps=steps),
        Config(depth=deep, residual=False, batchnorm=False, steps=steps),
        Config(depth=deep, residual=True, batchnorm=False, steps=steps),
    ]


def report(out: Path) -> dict:
    records = load_records(out / "runs")
    if not records:
        raise SystemExit(f"no runs in {out / 'runs'}: run `python -m repro run` first")
    summary = summarise(records)
    depths = sorted({r["config"]["depth"] for r in records})
    rows = compare_with_paper(summary, shallow=depths[0], deep=depths[-1])
    (out / "ablation.md").write_text(ablation_table(records))
    (out / "comparison.md").write_text(comparison_table(rows))
    (out / "summary.json").write_text(json.dumps({"summary": summary, "claims": rows}, indent=2))
    plot_curves(records, out / "curves.png")
    print((out / "ablation.md").read_text())
    print((out / "comparison.md").read_text())
    print(f"wrote {out}/ablation.md, comparison.md, summary.json, curves.png")
    return {"summary": summary, "claims": rows}


def main(argv=None) -> dict:
    torch.set_num_threads(1)  # small models: one thread is faster than several here
    parser = argparse.ArgumentParser(prog="python -m repro", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="train the grid, then write the report")
    run_p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    run_p.add_argument("--shallow", type=int, default=2)
    run_p.add_argument("--deep", type=int, default=10)
    run_p.add_argument("--steps", type=int, default=100)
    run_p.add_argument("--quick", action="store_true", help="depths 2 and 4, 30 steps, seeds 0 1")
    run_p.add_argument("--out", type=Path, default=Path("results"))
    report_p = sub.add_parser("report", help="rebuild tables and plots from saved runs")
    report_p.add_argument("--out", type=Path, default=Path("results"))
    args = parser.parse_args(argv)

    if args.command == "run":
        if args.quick:
            args.shallow, args.deep, args.steps, args.seeds = 2, 4, 30, [0, 1]
        configs = grid(args.shallow, args.deep, args.steps)
        run_grid(configs, args.seeds, load_data(), args.out / "runs")
    return report(args.out)
