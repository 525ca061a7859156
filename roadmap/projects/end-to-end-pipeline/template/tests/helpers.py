"""Helpers the tests share (plain functions, not fixtures, so a missing piece of your code fails
the test that needs it)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import textwrap
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
# What a pipeline run writes: never copied from your workspace into a test's fresh copy.
GENERATED = {"data", "models", "reports", "mlruns", "registry", "deployments", "dvc.lock", ".dvc",
             "__pycache__", ".pytest_cache", "tests", ".git", ".venv", "venv", "env", ".ipynb_checkpoints"}

# The toy's params.yaml is written as JSON (which is also YAML) so its steps start fast.
TOY_STEP = '''
import json, pathlib, sys

name = sys.argv[1]
P = json.load(open("params.yaml"))
read = lambda p: pathlib.Path(p).read_text()
write = lambda p, s: pathlib.Path(p).write_text(s)
with open("ledger.txt", "a") as f:  # not an output: the tests' record of what really ran
    f.write(name + "\\n")
if name == "a":
    write("a.txt", read("raw_a.txt").upper())
elif name == "b":
    if P["b"].get("fail"):
        sys.exit(3)
    write("b.txt", read("a.txt") * P["b"]["factor"])
elif name == "c":
    write("c.txt", "%d:%s" % (len(read("raw_c.txt")), read("a.txt")))
elif name == "d":
    write("d.txt", read("b.txt") + "|" + read("c.txt"))
elif name == "e":
    write("e.txt", P["e"]["word"])
'''

# Declared out of order on purpose: d needs b and c, which need a; e stands alone.
TOY_DVC = '''
stages:
  d:
    cmd: python step.py d
    deps: [b.txt, c.txt, step.py]
    outs: [d.txt]
  b:
    cmd: python step.py b
    deps: [a.txt, step.py]
    params: [b.factor, b.fail]
    outs: [b.txt]
  c:
    cmd: python step.py c
    deps: [a.txt, raw_c.txt, step.py]
    outs: [c.txt]
  a:
    cmd: python step.py a
    deps: [raw_a.txt, step.py]
    outs: [a.txt]
  e:
    cmd: python step.py e
    deps: [step.py]
    params: [e.word]
    outs: [e.txt]
'''

TOY_EDGES = {"a": set(), "b": {"a"}, "c": {"a"}, "d": {"b", "c"}, "e": set()}


def make_toy(root: Path) -> Path:
    """A five-stage project whose commands record every real execution in ledger.txt."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "step.py").write_text(TOY_STEP)
    (root / "dvc.yaml").write_text(textwrap.dedent(TOY_DVC))
    write_params(root, {"b": {"factor": 2, "fail": False}, "e": {"word": "hello"}})
    (root / "raw_a.txt").write_text("alpha")
    (root / "raw_c.txt").write_text("gamma")
    return root


def write_params(root: Path, params: dict) -> None:
    (root / "params.yaml").write_text(json.dumps(params, indent=2) + "\n")


def ledger(root: Path) -> list[str]:
    path = root / "ledger.txt"
    return path.read_text().split() if path.exists() else []


def md5(path: Path) -> str:
    return hashlib.md5(Path(path).read_bytes()).hexdigest()


def copy_project(target: Path) -> Path:
    """Your project's source files (not what earlier runs generated) in a fresh folder."""
    def ignore(folder, names):
        return [n for n in names if n in GENERATED or n.endswith(".pyc")] if Path(folder) == PROJECT else \
            [n for n in names if n == "__pycache__"]
    shutil.copytree(PROJECT, target, ignore=ignore)
    return target


def mtimes(root: Path, paths) -> dict:
    return {p: os.stat(root / p).st_mtime_ns for p in paths}


def outputs_of(dvc_yaml: Path) -> list[str]:
    """Every outs/metrics/plots path declared in a dvc.yaml (the tests' own reading)."""
    data = yaml.safe_load(dvc_yaml.read_text())
    out = []
    for spec in data["stages"].values():
        for key in ("outs", "metrics", "plots"):
            for entry in spec.get(key, []) or []:
                out.append(entry if isinstance(entry, str) else next(iter(entry)))
    return out


class TinyFeaturizer:
    """A stand-in featurizer for the registry and deployment tests: log-amount and night flag."""

    def transform(self, frame):
        import numpy as np

        return np.column_stack([np.log1p(frame["amount"].to_numpy(dtype=float)),
                                (frame["hour"].to_numpy() < 6).astype(float)])
