"""Helpers of the checks (not a test module): scratch copies of the library, pytest and
flake8 in a subprocess, and the released version 0.3.0 kept in ``tests/upstream/``."""
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
