"""Helpers of the checks (not a test module): scratch copies of the library, pytest, flake8 and
doctests in a subprocess, versions of roc_auc_score the checks write themselves, and the
released version 0.3.0 kept in ``tests/upstream/``."""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT / "repo"
UPSTREAM = Path(__file__).resolve().parent / "upstream"
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")

# The start of every roc_auc_score the checks write: 0.3.0's own input validation.
_ROC_AUC_START = '''
def roc_auc_score(y_true, y_score):
    y_true = column_or_1d(y_true, "y_true")
    y_score = column_or_1d(y_score, "y_score").astype(float)
    check_consistent_length(y_true, y_score)
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("y_true must contain only 0 and 1")
    positive = y_true == 1
    n_pos = int(positive.sum())
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc_score needs both classes in y_true")
'''

# Two correct fixes of roc_auc_score written differently, so that a test passing on both tests
# the behaviour (ties count one half), not how one of them is written.
CORRECT_FIXES = {
    # From the definition, pair by pair: O(n^2), fine for a check, far too slow for the library.
    "pairwise": _ROC_AUC_START + '''
    diff = y_score[positive][:, None] - y_score[~positive][None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))
''',
    # Still ranked through np.argsort, each tied group then given the mean of its ranks.
    "average ranks": _ROC_AUC_START + '''
    ordered = y_score[np.argsort(y_score, kind="mergesort")]
    first = np.searchsorted(ordered, y_score, side="left")
    last = np.searchsorted(ordered, y_score, side="right")
    ranks = (first + 1 + last) / 2
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
''',
}

# A partial fix: right for the constant scores, still wrong for ties between some scores.
PARTIAL_FIX = _ROC_AUC_START + '''
    if np.all(y_score == y_score[0]):
        return 0.5
    order = np.argsort(y_score)
    ranks = np.empty(len(y_score))
    ranks[order] = np.arange(1, len(y_score) + 1)
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
'''


def find_tests(tests_dir: Path, prefix: str) -> list[tuple[str, str]]:
    """``(file name, function name)`` of every test function whose name starts with prefix."""
    found = []
    for path in sorted(Path(tests_dir).glob("test_*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith(prefix):
                found.append((path.name, node.name))
    return found


def scratch(package: Path, tests: Path | None = None) -> Path:
    """A scratch folder holding a copy of ``package`` as ``metrix/`` and of ``tests``."""
    work = Path(tempfile.mkdtemp(prefix="metrix-check-"))
    shutil.copytree(package, work / "metrix", ignore=shutil.ignore_patterns("__pycache__"))
    if tests is not None:
        shutil.copytree(tests, work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    (work / "pytest.ini").write_text("[pytest]\n")
    return work


def run_pytest(work: Path, *args: str, timeout: int = 120) -> dict[str, str]:
    """Run pytest in ``work``; return ``{"file::test": "passed" | "failed" | "error" | "skipped"}``
    plus ``"__collection__": "error"`` when a file could not be collected."""
    report = work / ".report.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(work),
         "-c", str(work / "pytest.ini"), f"--junitxml={report}", *args],
        cwd=work, env=ENV, capture_output=True, text=True, timeout=timeout,
    )
    results: dict[str, str] = {}
    if not report.exists():
        return {"__collection__": "error"}
    for case in ET.parse(report).getroot().iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        tags = {child.tag for child in case}
        status = "error" if "error" in tags else "failed" if "failure" in tags else (
            "skipped" if "skipped" in tags else "passed")
        if not case.get("classname") and status == "error":
            results["__collection__"] = "error"
        results[name] = status
    return results


def module_of(function_name: str, package: Path) -> Path | None:
    """The file of ``package`` that defines a top-level function ``function_name``."""
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.FunctionDef) and n.name == function_name for n in tree.body):
            return path
    return None


def released_with(roc_auc_code: str) -> Path:
    """A scratch copy of 0.3.0 (as ``metrix/``) whose roc_auc_score is ``roc_auc_code``."""
    work = scratch(UPSTREAM / "metrix")
    override(work / "metrix" / "ranking.py", roc_auc_code)
    return work / "metrix"


def run_numpy_only(script: str, timeout: int = 60) -> subprocess.CompletedProcess:
    """Run ``script`` in a fresh interpreter that imports metrix from repo/ and in which
    scikit-learn, SciPy and pandas cannot be imported (the project's NumPy-only rule)."""
    prelude = (
        "import sys\n"
        "for name in ('sklearn', 'scipy', 'pandas'):\n"
        "    sys.modules[name] = None  # any import of them raises ImportError\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
    )
    return subprocess.run([sys.executable, "-c", prelude + script], capture_output=True, text=True,
                          env=ENV, timeout=timeout)


def run_doctest(source: str, package: Path) -> tuple[int, int]:
    """``(attempted, failed)`` of the doctest examples in ``source``, run in a fresh interpreter
    against the metrix package at ``package`` (a folder named metrix)."""
    script = (
        "import doctest, json, sys\n"
        f"sys.path.insert(0, {str(Path(package).parent)!r})\n"
        "import metrix\n"
        "test = doctest.DocTestParser().get_doctest(sys.stdin.read(), {'metrix': metrix}, 'x', 'x', 0)\n"
        "runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)\n"
        "runner.run(test, out=lambda text: None)\n"
        "print(json.dumps(list(runner.summarize(verbose=False))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=source, capture_output=True, text=True,
                          env=ENV, timeout=60, cwd=Path(package).parent)
    if done.returncode != 0:
        raise AssertionError(f"could not run the examples: {done.stderr[-800:]}")
    failed, attempted = json.loads(done.stdout.strip().splitlines()[-1])
    return attempted, failed


def override(path: Path, code: str) -> None:
    """Append a definition that replaces one of the module's functions (a variant of it)."""
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code, encoding="utf-8")


def style_check(paths: list[Path], config: Path) -> tuple[int, str]:
    """flake8 with the project's own config file; pycodestyle (same file) if flake8 is absent."""
    for tool in ("flake8", "pycodestyle"):
        probe = subprocess.run([sys.executable, "-m", tool, "--version"], capture_output=True, env=ENV)
        if probe.returncode == 0:
            done = subprocess.run([sys.executable, "-m", tool, f"--config={config}", *map(str, paths)],
                                  capture_output=True, text=True, env=ENV, cwd=config.parent)
            return done.returncode, (done.stdout + done.stderr).strip()
    raise RuntimeError("neither flake8 nor pycodestyle is installed: python -m pip install flake8")


def released_tests() -> dict:
    """``{file name: {"sha256", "noqa"}}`` of the test files of 0.3.0 (kept as hashes so that
    no released test file sits under tests/ as a test of the lab)."""
    return json.loads((UPSTREAM / "released-tests.json").read_text())


def released_noqa(path: Path) -> int:
    """How many ``noqa`` markers the released version of a file of repo/ had."""
    if path.parent.name == "tests":
        return released_tests().get(path.name, {}).get("noqa", 0)
    original = UPSTREAM / path.parent.name / path.name
    return original.read_text(encoding="utf-8").count("noqa") if original.exists() else 0


def changed_python_files() -> list[Path]:
    """Python files of repo/metrix and repo/tests that differ from (or are not in) 0.3.0."""
    changed = []
    for path in sorted((REPO / "metrix").glob("*.py")):
        original = UPSTREAM / "metrix" / path.name
        if not original.exists() or original.read_bytes() != path.read_bytes():
            changed.append(path)
    released = released_tests()
    for path in sorted((REPO / "tests").glob("*.py")):
        if released.get(path.name, {}).get("sha256") != hashlib.sha256(path.read_bytes()).hexdigest():
            changed.append(path)
    return changed


def code_blocks(markdown: str) -> list[str]:
    return re.findall(r"```(?:python|pycon)\n(.*?)```", markdown, flags=re.S)
