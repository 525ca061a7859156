"""Command-line comparison dashboard.

    python -m optviz --function rosenbrock --steps 3000 --out output

runs every optimizer from ``make_optimizers`` on the chosen function, prints a table of
convergence metrics and writes contour, surface and loss-curve PNGs plus an ``index.html``
page that shows them side by side (open it in a browser).
"""

import argparse
import html
from pathlib import Path

from .functions import OBJECTIVES, get_objective
from .optimizers import make_optimizers
from .plots import plot_contour, plot_loss_curves, plot_surface
from .runner import compare_optimizers


def format_table(results):
    header = f"{'optimizer':<10} {'final loss':>12} {'steps to tol':>13} {'path length':>12} {'dist to min':>12}"
    lines = [header, "-" * len(header)]
    for name, res in results.items():
        m = res["metrics"]
        steps = "-" if m["steps_to_tol"] is None else str(m["steps_to_tol"])
        dist = "-" if m["distance_to_minimum"] is None else f"{m['distance_to_minimum']:.3g}"
        lines.append(
            f"{name:<10} {m['final_loss']:>12.4g} {steps:>13} {m['path_length']:>12.3f} {dist:>12}"
        )
    return "\n".join(lines)


def write_html(results, objective, images, path):
    rows = []
    for name, res in results.items():
        m = res["metrics"]
        cells = [name, f"{m['final_loss']:.4g}", str(m["steps_to_tol"]), f"{m['path_length']:.3f}",
                 "-" if m["distance_to_minimum"] is None else f"{m['distance_to_minimum']:.3g}"]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    imgs = "".join(f'<img src="{html.escape(Path(p).name)}" style="max-width:48%">' for p in images)
    page = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Optimizers on {html.escape(objective.name)}</title>
<style>body{{font-family:sans-serif;margin:2em}} td,th{{padding:4px 10px;border-bottom:1px solid #ddd}}</style>
</head><body>
<h1>Optimizers on {html.escape(objective.name)}</h1>
<table><tr><th>optimizer</th><th>final loss</th><th>steps to tol</th><th>path length</th><th>distance to minimum</th></tr>
{''.join(rows)}</table>
<p>{imgs}</p>
</body></html>"""
    Path(path).write_text(page, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Compare optimizers on a 2-D test function")
    parser.add_argument("--function", default="rosenbrock", choices=sorted(OBJECTIVES))
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--tol", type=float, default=1e-6)
    parser.add_argument("--start", type=float, nargs=2, default=None, metavar=("X", "Y"))
    parser.add_argument("--out", default="output")
    parser.add_argument("--noise", type=float, default=0.0,
                        help="standard deviation of the gradient noise (stochastic, SGD-like runs)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    objective = get_objective(args.function)
    results = compare_optimizers(
        objective, make_optimizers(args.function), start=args.start, n_steps=args.steps, tol=args.tol,
        noise=args.noise, seed=args.seed,
    )
    print(format_table(results))

    out = Path(args.out)
    trajectories = {name: res["trajectory"] for name, res in results.items()}
    images = [
        out / f"{objective.name}_contour.png",
        out / f"{objective.name}_surface.png",
        out / f"{objective.name}_loss.png",
    ]
    plot_contour(objective, trajectories, images[0])
    plot_surface(objective, trajectories, images[1])
    plot_loss_curves(objective, trajectories, images[2])
    write_html(results, objective, images, out / "index.html")
    print(f"plots and index.html written to {out}/")


if __name__ == "__main__":
    main()
