"""Run a study end to end (GIVEN).

    python -m research power --effect 0.8          # how many seeds for 80 % power?
    python -m research run                         # run (or resume) study.yaml, then analyze
    python -m research analyze                     # redo the analysis and the paper from results/runs/

``run`` saves every run in ``<out>/runs/`` and a ``manifest.json``; ``analyze`` reads the runs
back and writes ``<out>/analysis.json``, ``<out>/figure.png``, ``<out>/paper.md`` (the
skeleton ``paper/paper.md`` with every number filled in) and ``<out>/numbers.tex`` (the same
numbers as LaTeX macros for ``paper/paper.tex``).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from .analysis import analyze, plot_results
from .config import load_config
from .paper import write_paper
from .runner import load_runs, run_study
from .stats import estimated_power, seeds_needed


def analyze_study(config, out: Path, template: Path) -> dict:
    records = load_runs(out)
    if not records:
        raise SystemExit(f"no runs in {out / 'runs'}: run `python -m research run` first")
    analysis = analyze(records, config)
    (out / "analysis.json").write_text(json.dumps(analysis, indent=2))
    fig = plot_results(analysis)
    fig.savefig(out / "figure.png", dpi=120)
    paper = write_paper(out, config, template)
    d = analysis["metrics"][analysis["primary"]]["difference"]
    print(f"{analysis['primary']}: {analysis['treatment']} - {analysis['control']} = {d['mean']:+.4f} "
          f"(95% CI [{d['ci'][0]:+.4f}, {d['ci'][1]:+.4f}]), t({d['df']}) = {d['t']:.2f}, p = {d['p']:.3g}, "
          f"d_z = {d['cohens_dz']:.2f}, n = {analysis['n']} seeds")
    print(f"wrote {out}/analysis.json, figure.png, {paper.name}, numbers.tex")
    return analysis


def main(argv=None):
    torch.set_num_threads(1)  # small models: one thread is faster than several here
    parser = argparse.ArgumentParser(prog="python -m research", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("run", "analyze"):
        p = sub.add_parser(name)
        p.add_argument("--config", type=Path, default=Path("study.yaml"))
        p.add_argument("--out", type=Path, default=Path("results"))
        p.add_argument("--paper", type=Path, default=Path("paper/paper.md"), help="the paper skeleton")
    power = sub.add_parser("power", help="seeds needed to detect an effect (Cohen's d_z)")
    power.add_argument("--effect", type=float, required=True)
    power.add_argument("--power", type=float, default=0.8)
    power.add_argument("--alpha", type=float, default=0.05)
    args = parser.parse_args(argv)

    if args.command == "power":
        n = seeds_needed(args.effect, args.power, args.alpha)
        print(f"d_z = {args.effect}: {n} seeds give power "
              f"{estimated_power(args.effect, n, args.alpha):.2f} at alpha = {args.alpha}")
        return n
    config = load_config(args.config)
    if args.command == "run":
        run_study(config, args.out)
    return analyze_study(config, args.out, args.paper)
