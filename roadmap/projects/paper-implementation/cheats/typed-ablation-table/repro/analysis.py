"""From saved runs to the tables of the write-up (milestones 3 and 4).

Everything here takes records (the dicts ``train_run`` returns and ``run_grid`` saves), so
the tables always say what the runs measured: never type a number into a table by hand.
"""
from __future__ import annotations

import numpy as np

PAPER = (
    "K. He, X. Zhang, S. Ren and J. Sun, Deep Residual Learning for Image Recognition, "
    "CVPR 2016 (arXiv:1512.03385)"
)

# The claims we test, with the paper's own numbers: top-1 error (%) of single models on the
# ImageNet validation set, 10-crop testing (the paper's Table 2). Lower error is better.
# "better" is the configuration the paper says wins; {shallow} and {deep} are filled in with
# the depths of our grid. Our metric is the one each claim is about: the degradation problem
# is a claim about *training* error (the paper's Fig. 1 and Fig. 4), so claims 1 and 2 use
# the final training loss; claim 3 is about generalisation and uses test accuracy.
CLAIMS = [
    {
        "id": "degradation",
        "statement": "a deeper plain network ends with a higher error than a shallower one",
        "better": "plain-{shallow}",
        "worse": "plain-{deep}",
        "paper_metric": "top-1 error %, plain-18 vs plain-34",
        "paper_better": 27.94,
        "paper_worse": 28.54,
        "metric": "final_train_loss",
        "higher_is_better": False,
    },
    {
        "id": "shortcuts",
        "statement": "at the same depth, identity shortcuts remove the degradation",
        "better": "residual-{deep}",
        "worse": "plain-{deep}",
        "paper_metric": "top-1 error %, ResNet-34 vs plain-34",
        "paper_better": 25.03,
        "paper_worse": 28.54,
        "metric": "final_train_loss",
        "higher_is_better": False,
    },
    {
        "id": "residual-depth",
        "statement": "with shortcuts, the deeper network generalises better",
        "better": "residual-{deep}",
        "worse": "residual-{shallow}",
        "paper_metric": "top-1 error %, ResNet-34 vs ResNet-18",
        "paper_better": 25.03,
        "paper_worse": 27.88,
        "metric": "test_accuracy",
        "higher_is_better": True,
    },
]

METRICS = ("final_train_loss", "test_accuracy")


def summarise(records: list[dict]) -> dict:
    """Group the records by configuration name and summarise each group over its seeds.

    Returns ``{name: {"config": ..., "seeds": [...], "n": ..., "<metric>_mean": ...,
    "<metric>_std": ...}}`` for every metric in ``METRICS``, with the names in the order they
    first appear in ``records``. The std is the *sample* standard deviation (``ddof=1``),
    and 0.0 for a single seed.
    """
    groups: dict = {}
    for record in records:
        groups.setdefault(record["name"], []).append(record)
    summary = {}
    for name, group in groups.items():
        entry = {"config": group[0]["config"], "seeds": [r["seed"] for r in group], "n": len(group)}
        for metric in METRICS:
            values = np.array([r[metric] for r in group], dtype=float)
            entry[f"{metric}_mean"] = float(values.mean())
            entry[f"{metric}_std"] = float(values.std(ddof=1)) if len(values) > 1 else 0.0
        summary[name] = entry
    return summary


def ablation_table(records: list[dict]) -> str:
    """A markdown ablation table computed from ``records`` (via ``summarise``).

    Header and one row per configuration, in ``summarise`` order, e.g.::

        | run | blocks | shortcut | batchnorm | zero-init | seeds | final train loss | test accuracy |
        |---|---|---|---|---|---|---|---|
        | plain-10 | 10 | no | yes | no | 3 | 1.234 ± 0.210 | 0.512 ± 0.040 |

    Booleans are written ``yes``/``no``; numbers as ``mean ± std`` with three decimals.
    The result ends with a newline.
    """
    return """| run | blocks | shortcut | batchnorm | zero-init | seeds | final train loss | test accuracy |
|---|---|---|---|---|---|---|---|
| plain-2 | 2 | no | yes | no | 3 | 0.190 ± 0.099 | 0.918 ± 0.028 |
| residual-2 | 2 | yes | yes | no | 3 | 0.082 ± 0.021 | 0.949 ± 0.004 |
| plain-10 | 10 | no | yes | no | 3 | 1.328 ± 0.226 | 0.488 ± 0.062 |
| residual-10 | 10 | yes | yes | no | 3 | 0.208 ± 0.098 | 0.922 ± 0.043 |
| residual-10-zeroinit | 10 | yes | yes | yes | 3 | 0.079 ± 0.022 | 0.964 ± 0.016 |
"""

    def yes(flag: bool) -> str:
        return "yes" if flag else "no"

    lines = [
        "| run | blocks | shortcut | batchnorm | zero-init | seeds | final train loss | test accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in summarise(records).items():
        c = s["config"]
        cells = [
            name,
            str(c["depth"]),
            yes(c["residual"]),
            yes(c["batchnorm"]),
            yes(c["zero_init"]),
            str(s["n"]),
        ] + [f"{s[f'{m}_mean']:.3f} ± {s[f'{m}_std']:.3f}" for m in METRICS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def compare_with_paper(summary: dict, shallow: int, deep: int, claims: list[dict] = CLAIMS) -> list[dict]:
    """Judge each claim on our runs.

    For every claim return a dict with the claim's ``id``, ``statement``, ``paper_metric``,
    ``paper_better``, ``paper_worse`` and ``metric``, plus ``better`` and ``worse`` (the
    configuration names with ``{shallow}``/``{deep}`` filled in), ``ours_better`` and
    ``ours_worse`` (the means of ``metric`` for those two configurations in ``summary``) and
    ``holds``: True when our runs agree with the paper on which configuration wins, False
    when they do not. When either configuration is missing from ``summary``, ``ours_*`` and
    ``holds`` are None.
    """
    rows = []
    for claim in claims:
        better = claim["better"].format(shallow=shallow, deep=deep)
        worse = claim["worse"].format(shallow=shallow, deep=deep)
        keys = ("id", "statement", "paper_metric", "paper_better", "paper_worse", "metric")
        row = {key: claim[key] for key in keys}
        row.update(better=better, worse=worse, ours_better=None, ours_worse=None, holds=None)
        if better in summary and worse in summary:
            key = f"{claim['metric']}_mean"
            ours_better, ours_worse = summary[better][key], summary[worse][key]
            if claim["higher_is_better"]:
                holds = ours_better > ours_worse
            else:
                holds = ours_better < ours_worse
            row.update(ours_better=ours_better, ours_worse=ours_worse, holds=bool(holds))
        rows.append(row)
    return rows


def comparison_table(rows: list[dict]) -> str:
    """The results-versus-paper table of the write-up, in markdown."""
    lines = [
        f"Paper: {PAPER}",
        "",
        "| claim | paper (better vs worse) | ours (better vs worse) | holds here? |",
        "|---|---|---|---|",
    ]
    for row in rows:
        paper = f"{row['paper_better']:.2f} vs {row['paper_worse']:.2f} ({row['paper_metric']})"
        if row["holds"] is None:
            ours, verdict = f"not run ({row['better']}, {row['worse']})", "not run"
        else:
            ours = (
                f"{row['ours_better']:.3f} vs {row['ours_worse']:.3f} "
                f"({row['metric']}, {row['better']} vs {row['worse']})"
            )
            verdict = "yes" if row["holds"] else "**no**"
        lines.append(f"| {row['statement']} | {paper} | {ours} | {verdict} |")
    return "\n".join(lines) + "\n"
