"""Milestone 5 (part 2): the project is ready to publish and to run in CI."""

import ast
import re
import sys
from pathlib import Path

import pytest

import aiutils

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "aiutils"

# Import name -> name of the distribution on PyPI.
DISTRIBUTIONS = {"numpy": "numpy", "scipy": "scipy", "sklearn": "scikit-learn",
                 "pandas": "pandas", "matplotlib": "matplotlib", "torch": "torch"}


def third_party_imports():
    found = set()
    for source in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in DISTRIBUTIONS:
                    found.add(DISTRIBUTIONS[top])
    return found


def read_pyproject():
    if sys.version_info < (3, 11):
        pytest.skip("reading pyproject.toml needs tomllib (Python 3.11+)")
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)


def test_pyproject_declares_dependencies():
    project = read_pyproject()["project"]
    assert project.get("name") == "aiutils"
    assert project.get("version") == aiutils.__version__, (
        f"pyproject version {project.get('version')} != aiutils.__version__ {aiutils.__version__}")
    declared = {re.split(r"[<>=!~\[ ;]", dep, maxsplit=1)[0].strip().lower()
                for dep in project.get("dependencies", [])}
    missing = sorted(third_party_imports() - declared)
    assert not missing, (
        f"src/aiutils imports {missing} but pyproject.toml [project] dependencies does not list "
        f"them; `pip install aiutils` would give a broken install")
    unbounded = [dep for dep in project["dependencies"] if not re.search(r"[<>=~]", dep)]
    assert not unbounded, f"give each dependency a version bound, e.g. 'numpy>=1.22': {unbounded}"


def test_ci_workflow_installs_and_runs_tests():
    workflow = ROOT / ".github" / "workflows" / "ci.yml"
    assert workflow.exists(), "missing .github/workflows/ci.yml"
    lines = [line.split("#", 1)[0] for line in workflow.read_text(encoding="utf-8").splitlines()]
    text = "\n".join(lines)  # comments removed: a TODO comment does not count
    assert re.search(r"^\s*(-\s*)?(name:.*\n\s*)?run:.*pip install", text, re.M) or \
        re.search(r"run:\s*\|[\s\S]*pip install", text), "the workflow needs a step that runs `pip install`"
    assert re.search(r"pytest", text), "the workflow needs a step that runs pytest"
    assert re.search(r"^\s*matrix:", text, re.M) and re.search(r"python-version:\s*\[", text), (
        "test on several Python versions with `strategy: matrix: python-version: [...]`")
    versions = re.search(r"python-version:\s*\[([^\]]*)\]", text).group(1)
    assert len([v for v in versions.split(",") if v.strip()]) >= 2, "list at least two Python versions"
    assert "${{ matrix.python-version }}" in text, "use the matrix version in actions/setup-python"
