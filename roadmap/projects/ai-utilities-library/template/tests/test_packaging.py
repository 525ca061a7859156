"""Milestone 5 (part 2): the project is ready to publish and to run in CI."""

import ast
import email
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import aiutils

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "aiutils"

# Import name -> name of the distribution on PyPI.
DISTRIBUTIONS = {"numpy": "numpy", "scipy": "scipy", "sklearn": "scikit-learn",
                 "pandas": "pandas", "matplotlib": "matplotlib", "torch": "torch",
                 "yaml": "pyyaml"}


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


def requirement_name(requirement):
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].strip().lower()


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
    declared = {requirement_name(dep) for dep in project.get("dependencies", [])}
    missing = sorted(third_party_imports() - declared)
    assert not missing, (
        f"src/aiutils imports {missing} but pyproject.toml [project] dependencies does not list "
        f"them; `pip install aiutils` would give a broken install")
    unbounded = [dep for dep in project["dependencies"] if not re.search(r"[<>=~]", dep)]
    assert not unbounded, f"give each dependency a version bound, e.g. 'numpy>=1.22': {unbounded}"


def test_wheel_builds_with_metadata(tmp_path):
    """Build the wheel you would upload to PyPI (offline: setuptools is called directly)."""
    pytest.importorskip("setuptools", reason="pip install setuptools wheel")
    declared = {requirement_name(d) for d in read_pyproject()["project"].get("dependencies", [])}
    assert third_party_imports() <= declared, (
        "list the dependencies in pyproject.toml first (test_pyproject_declares_dependencies)")
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    dist.mkdir()
    build = subprocess.run(
        [sys.executable, "-c",
         "import sys; from setuptools import build_meta; print(build_meta.build_wheel(sys.argv[1]))",
         str(dist)],
        cwd=project, capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, f"building the wheel failed:\n{build.stderr[-2000:]}"
    wheels = list(dist.glob("aiutils-*.whl"))
    assert len(wheels) == 1, f"expected one aiutils wheel, found {[w.name for w in wheels]}"
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_string(wheel.read(metadata_name).decode("utf-8"))
    modules = sorted(f"aiutils/{p.name}" for p in PACKAGE.glob("*.py"))
    absent = [m for m in modules + ["aiutils/py.typed"] if m not in names]
    assert not absent, f"the wheel lacks {absent}; check [tool.setuptools] in pyproject.toml"
    assert not [n for n in names if n.startswith("tests/")], "the tests should not ship in the wheel"
    requires = {requirement_name(r) for r in metadata.get_all("Requires-Dist") or []}
    missing = sorted(third_party_imports() - requires)
    assert not missing, f"the wheel's METADATA has no Requires-Dist for {missing}"
    assert metadata.get("Requires-Python"), "declare requires-python so pip skips old Pythons"


# ---- the CI workflow -------------------------------------------------------------------------

NEUTERED = re.compile(r"\|\|\s*(true|:|exit\s+0)\b|;\s*(true|exit\s+0)\s*$")


def read_workflow():
    yaml = pytest.importorskip("yaml", reason="pip install pyyaml")
    workflow = ROOT / ".github" / "workflows" / "ci.yml"
    assert workflow.exists(), "missing .github/workflows/ci.yml"
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))


def commands(step):
    """The shell commands of a `run:` step, one per line (continuations joined)."""
    text = re.sub(r"\\\n\s*", " ", str(step.get("run", "")))
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def program(line):
    """`python -m pip install -e .` -> ['pip', 'install', '-e', '.']; `pytest -q` -> ['pytest', '-q']."""
    try:
        words = shlex.split(line)
    except ValueError:
        return []
    if len(words) >= 3 and re.fullmatch(r"python[0-9.]*", words[0]) and words[1] == "-m":
        words = words[2:]
    return words


def test_ci_workflow_installs_and_runs_tests():
    workflow = read_workflow()
    assert isinstance(workflow, dict), "ci.yml should be a YAML mapping"
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    triggers = [triggers] if isinstance(triggers, str) else list(triggers or [])
    assert "push" in triggers, f"run the workflow on every push (on: push), got on: {triggers}"

    jobs = workflow.get("jobs") or {}
    problems = []
    for name, job in jobs.items():
        matrix = ((job or {}).get("strategy") or {}).get("matrix") or {}
        versions = matrix.get("python-version") or []
        steps = job.get("steps") or []
        if not isinstance(versions, list) or len(versions) < 2:
            problems.append(f"job {name!r}: strategy.matrix.python-version should list at least "
                            f"two versions, got {versions!r}")
            continue
        not_text = [v for v in versions if not isinstance(v, str)]
        if not_text:
            problems.append(f"job {name!r}: quote the versions ({not_text} were read as numbers; "
                            "YAML reads 3.10 as 3.1)")
            continue
        setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python")]
        if not setup or (setup[0].get("with") or {}).get("python-version") != \
                "${{ matrix.python-version }}":
            problems.append(f"job {name!r}: give actions/setup-python "
                            "`with: python-version: ${{ matrix.python-version }}`")
            continue
        if job.get("continue-on-error") is True or any(s.get("continue-on-error") is True
                                                       for s in steps):
            problems.append(f"job {name!r}: continue-on-error hides failing tests")
            continue
        lines = [(i, line) for i, s in enumerate(steps) for line in commands(s)]
        neutered = [line for _, line in lines if NEUTERED.search(line)]
        if neutered:
            problems.append(f"job {name!r}: {neutered} can never fail, so CI would stay green "
                            "with broken tests")
            continue
        installs = [i for i, line in lines if program(line)[:2] == ["pip", "install"]
                    and any(w.startswith(".") for w in program(line)[2:])]
        tests = [i for i, line in lines if program(line)[:1] == ["pytest"]]
        if not installs:
            problems.append(f"job {name!r}: no step runs `python -m pip install -e \".[dev]\"` "
                            "(installing the project itself, from `.`)")
        elif not tests or max(tests) < min(installs):
            problems.append(f"job {name!r}: no step runs `python -m pytest` after the install")
        else:
            return
    pytest.fail("no job installs the package and runs the tests on several Python versions:\n"
                + "\n".join(problems or ["the workflow has no jobs"]))
