"""A single HTML page that compares runs: a table and one chart per metric.

No JavaScript and no template engine: the page is built from strings, and
every piece of text that comes from the database goes through ``escape``.
"""

from __future__ import annotations

from html import escape
from typing import Any, Optional

from tracker.store import Store

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 2rem; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
th { background: #f3f3f3; }
td.best { background: #d9f2d9; font-weight: bold; }
.status-failed { color: #b00; } .status-running { color: #a60; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
svg.chart { border: 1px solid #ddd; background: #fff; }
"""


def svg_chart(metric: str, series: dict[str, list[dict[str, float]]],
              width: int = 420, height: int = 240) -> str:
    """A line chart as inline SVG: one ``<polyline data-run=...>`` per series.

    ``series`` maps a label to a history ``[{"step": s, "value": v}, ...]``.
    """
    pad = 36
    points = [p for history in series.values() for p in history]
    parts = [f'<svg class="chart" data-metric="{escape(metric)}" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img">',
             f'<text x="{pad}" y="18" font-size="14">{escape(metric)}</text>']
    if points:
        s_lo = min(p["step"] for p in points)
        s_hi = max(p["step"] for p in points)
        v_lo = min(p["value"] for p in points)
        v_hi = max(p["value"] for p in points)
        s_span = (s_hi - s_lo) or 1
        v_span = (v_hi - v_lo) or 1.0

        def xy(p: dict[str, float]) -> str:
            x = pad + (p["step"] - s_lo) / s_span * (width - 2 * pad)
            y = height - pad - (p["value"] - v_lo) / v_span * (height - 2 * pad)
            return f"{x:.1f},{y:.1f}"

        parts.append(f'<text x="4" y="{pad}" font-size="10">{v_hi:.4g}</text>')
        parts.append(f'<text x="4" y="{height - pad}" font-size="10">{v_lo:.4g}</text>')
        for i, (label, history) in enumerate(series.items()):
            colour = PALETTE[i % len(PALETTE)]
            coords = " ".join(xy(p) for p in history)
            parts.append(f'<polyline data-run="{escape(label)}" fill="none" stroke="{colour}" '
                         f'stroke-width="2" points="{coords}"><title>{escape(label)}</title>'
                         f'</polyline>')
            parts.append(f'<text x="{width - pad - 120}" y="{30 + 14 * i}" font-size="11" '
                         f'fill="{colour}">{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def lower_is_better(metric: str) -> bool:
    name = metric.lower()
    return "loss" in name or "error" in name


def _best_values(runs: list[dict[str, Any]], metric_keys: list[str]) -> dict[str, float]:
    best: dict[str, float] = {}
    for key in metric_keys:
        values = [run["metrics"][key] for run in runs if key in run["metrics"]]
        if values:
            best[key] = min(values) if lower_is_better(key) else max(values)
    return best


def render_dashboard(store: Store, experiment: Optional[str] = None) -> str:
    """The whole HTML page for all runs (or one experiment's runs).

    The tests read the page with an HTML parser, so keep to this structure:

    - a ``<table id="runs">`` with a header row, then one
      ``<tr data-run-id="{id}">`` per run (ordered by id) whose cells show the
      id, name, experiment, status and the first 7 characters of git_commit;
    - then, in that row, one ``<td class="param" data-param="{key}">`` per
      parameter key of any run (sorted; empty when the run lacks it);
    - then one ``<td class="metric" data-metric="{key}">`` per metric key of any
      run (sorted) showing the last value as ``f"{value:.4g}"`` (empty when
      missing). The best value of each metric gets ``class="metric best"``:
      the lowest if lower_is_better(key), else the highest;
    - after the table, ``svg_chart(key, series)`` for every metric key, where
      series maps ``f"#{id} {name}"`` to the run's metric_history, for the runs
      that have that metric.

    Every string that comes from the database must pass through ``escape``:
    a run may be called ``<script>alert(1)</script>``. Use STYLE in a <style>.
    """
    runs = store.list_runs(experiment)
    param_keys = sorted({k for run in runs for k in run["params"]})
    metric_keys = sorted({k for run in runs for k in run["metrics"]})
    best = _best_values(runs, metric_keys)

    head = ["id", "name", "experiment", "status", "commit"]
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    header += "".join(f"<th>{escape(k)}</th>" for k in param_keys)
    header += "".join(f"<th>{escape(k)}{' ↓' if lower_is_better(k) else ' ↑'}</th>"
                      for k in metric_keys)

    rows = []
    for run in runs:
        cells = [f"<td>{run['id']}</td>", f"<td>{escape(run['name'])}</td>",
                 f"<td>{escape(run['experiment'])}</td>",
                 f'<td class="status-{escape(run["status"])}">{escape(run["status"])}</td>',
                 f"<td><code>{escape((run['git_commit'] or '')[:7])}</code></td>"]
        for key in param_keys:
            value = run["params"].get(key, "")
            cells.append(f'<td class="param" data-param="{escape(key)}">{escape(str(value))}</td>')
        for key in metric_keys:
            if key in run["metrics"]:
                value = run["metrics"][key]
                css = "metric best" if value == best.get(key) else "metric"
                cells.append(f'<td class="{css}" data-metric="{escape(key)}">{value:.4g}</td>')
            else:
                cells.append(f'<td class="metric" data-metric="{escape(key)}"></td>')
        rows.append(f'<tr data-run-id="{run["id"]}">{"".join(cells)}</tr>')

    charts = []
    for key in metric_keys:
        # One point per run is enough to get a line per run into the chart.
        series = {f"#{run['id']} {run['name']}": [{"step": 0, "value": run["metrics"][key]}]
                  for run in runs if key in run["metrics"]}
        charts.append(svg_chart(key, series))

    title = "Experiment tracker" + (f" — {experiment}" if experiment else "")
    body = (f'<table id="runs"><thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>' if runs else "<p>No runs yet.</p>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
            f"<h1>{escape(title)}</h1>{body}"
            f'<div class="charts">{"".join(charts)}</div></body></html>')
