"""Milestone 6: every number of the paper comes from the results files."""
import json
import re
import shutil

import numpy as np
import yaml

from research.paper import PLACEHOLDER, paper_numbers, render

KEYS = {"question", "hypothesis", "alpha", "n_seeds", "control", "treatment", "primary", "control_mean",
        "control_ci", "treatment_mean", "treatment_ci", "diff_mean", "diff_ci", "t", "df", "p", "cohens_dz",
        "verdict", "results_table"}
SKELETON = "".join(f"<{key}>{{{{{key}}}}}</{key}>\n" for key in sorted(KEYS))


def block(mean_c, ci_c, mean_t, ci_t, diff, ci_d, t, p, dz, p_holm):
    return {
        "arms": {"ctrl": {"mean": mean_c, "ci": ci_c}, "treat": {"mean": mean_t, "ci": ci_t}},
        "difference": {"mean": diff, "ci": ci_d, "t": t, "df": 7, "p": p, "cohens_dz": dz, "p_holm": p_holm},
    }


def made_up_analysis(significant=True, better=True):
    return {
        "control": "ctrl", "treatment": "treat", "seeds": list(range(8)), "n": 8, "alpha": 0.01,
        "primary": "acc", "significant": significant, "treatment_better": better,
        "metrics": {
            "acc": block(0.61234, [0.5987, 0.62501], 0.65071, [0.64049, 0.66], 0.03837, [0.02149, 0.05561],
                         4.4449, 0.00298, 1.5713, 0.00596),
            "forgot": block(0.8, [0.75, 0.85], 0.5, [0.45, 0.55], -0.3, [-0.35, -0.25], -9.1, 0.00004,
                            -3.2, 0.00008),
        },
    }


def test_paper_numbers_come_from_the_analysis(study_config):
    config = study_config.with_(arms=("ctrl", "treat"), metrics=("acc", "forgot"), alpha=0.01)
    numbers = paper_numbers(made_up_analysis(), config)
    assert set(numbers) >= KEYS, f"missing keys {sorted(KEYS - set(numbers))}"
    assert all(isinstance(v, str) for v in numbers.values()), "every number is text"
    expected = {
        "question": config.question, "hypothesis": config.hypothesis, "alpha": "0.01", "n_seeds": "8",
        "control": "ctrl", "treatment": "treat", "primary": "acc",
        "control_mean": "61.2", "control_ci": "[59.9, 62.5]", "treatment_mean": "65.1", "treatment_ci": "[64.0, 66.0]",
        "diff_mean": "+3.8", "diff_ci": "[+2.1, +5.6]", "t": "4.44", "df": "7", "p": "p = 0.003", "cohens_dz": "1.57",
        "verdict": "supports",
    }
    for key, value in expected.items():
        assert numbers[key] == value, f"{key}: expected {value!r}, got {numbers[key]!r}"
    rows = [line.strip() for line in numbers["results_table"].strip().splitlines()]
    assert rows[0].replace(" ", "") == "|metric|ctrl|treat|difference[95%CI]|p(Holm)|"
    assert rows[2].replace(" ", "") == "|acc|61.2[59.9,62.5]|65.1[64.0,66.0]|+3.8[+2.1,+5.6]|0.006|"
    assert rows[3].replace(" ", "") == "|forgot|80.0[75.0,85.0]|50.0[45.0,55.0]|-30.0[-35.0,-25.0]|<0.001|"
    assert len(rows) == 4
    assert paper_numbers(made_up_analysis(significant=False), config)["verdict"] == "does not support"
    assert paper_numbers(made_up_analysis(better=False), config)["verdict"] == "does not support", (
        "a significant difference in favour of the CONTROL does not support the hypothesis"
    )


def test_paper_is_built_from_the_results_files(study, study_config, tmp_path):
    from research.cli import main

    out, _ = study()
    copy = tmp_path / "results"
    shutil.copytree(out, copy)
    config_path = tmp_path / "study.yaml"
    config_path.write_text(yaml.safe_dump(study_config.to_dict()))
    skeleton = tmp_path / "skeleton.md"
    skeleton.write_text(SKELETON)

    def build():
        main(["analyze", "--config", str(config_path), "--out", str(copy), "--paper", str(skeleton)])
        paper = (copy / "paper.md").read_text()
        assert not PLACEHOLDER.search(paper), "every placeholder must be filled"
        return {key: re.search(f"<{key}>(.*?)</{key}>", paper, flags=re.S)[1] for key in KEYS}

    def from_files(arm):
        runs = [json.loads(p.read_text()) for p in sorted((copy / "runs").glob(f"{arm}-seed*.json"))]
        return np.array([r["test_accuracy"] for r in runs])

    paper = build()
    base, mix = from_files("baseline"), from_files("mixup")
    assert paper["control_mean"] == f"{100 * base.mean():.1f}"
    assert paper["treatment_mean"] == f"{100 * mix.mean():.1f}"
    assert paper["diff_mean"] == f"{100 * (mix - base).mean():+.1f}"
    assert paper["n_seeds"] == str(len(base))
    assert (copy / "figure.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "\\newcommand{\\resDiffMean}" in (copy / "numbers.tex").read_text()

    # Change the results: the paper must follow.
    for path in (copy / "runs").glob("mixup-seed*.json"):
        record = json.loads(path.read_text())
        record["test_accuracy"] -= 0.2
        path.write_text(json.dumps(record))
    changed = build()
    assert changed["treatment_mean"] == f"{100 * (mix.mean() - 0.2):.1f}"
    assert changed["diff_mean"] == f"{100 * ((mix - base).mean() - 0.2):+.1f}"
    assert changed["verdict"] == "does not support"
    assert render("a {{x}} b", {"x": "1"}) == "a 1 b"
