"""Run the checks a pull request to metrix goes through, locally (GIVEN).

    python -m contrib check      # everything CI and a reviewer would look at -> ci-report.md
    python -m contrib diff       # which files you changed since 0.3.0 (a `git diff --stat`)

On GitHub the project's CI (repo/.github/workflows/ci.yml) runs the test suite and the style
check on every push; a reviewer then reads the changelog, the docs and your description.
This command does the same here, in a few seconds, and writes ``ci-report.md``. It is a
helper for you: the lab's checks (``tests/``) do not use it.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT / "repo"
RELEASED = ROOT / "tests" / "upstream"
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    done = subprocess.run([sys.executable, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    return done.returncode, (done.stdout + done.stderr).strip()


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1] if text.strip() else ""


def check_tests() -> tuple[bool, str]:
    code, out = run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", "--doctest-modules", "metrix"], REPO)
    return code == 0, last_line(out)


def check_style() -> tuple[bool, str]:
    for tool in ("flake8", "pycodestyle"):
        if run(["-m", tool, "--version"], REPO)[0] == 0:
            code, out = run(["-m", tool, "--config=setup.cfg", "metrix", "tests"], REPO)
            return code == 0, out or f"{tool}: no problems"
    return False, "install flake8: python -m pip install flake8"


def check_regression_test() -> tuple[bool, str]:
    files = sorted({p.name for p in (REPO / "tests").glob("test_*.py") if "def test_issue_142" in p.read_text()})
    if not files:
        return False, "no test_issue_142* test in repo/tests yet"
    work = Path(tempfile.mkdtemp(prefix="contrib-"))
    try:
        shutil.copytree(RELEASED / "metrix", work / "metrix")
        shutil.copytree(REPO / "tests", work / "tests")
        (work / "pytest.ini").write_text("[pytest]\n")
        code, out = run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "issue_142",
                         *[f"tests/{f}" for f in files]], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if "error" in last_line(out) or code not in (0, 1):
        return False, f"does not run on 0.3.0 ({last_line(out)}): it must fail with an assertion"
    return code == 1 and "passed" not in last_line(out), f"on 0.3.0: {last_line(out)} (every one must fail)"


def check_changelog() -> tuple[bool, str]:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    match = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## \[)", text, flags=re.M | re.S)
    entries = re.findall(r"^- .+(?:\n  .+)*", match[1], flags=re.M) if match else []
    if not entries:
        return False, "no entry under ## [Unreleased]"
    missing = [e.splitlines()[0] for e in entries if not re.search(r"\(#\d+\)\.?\s*$", e)]
    return not missing, f"{len(entries)} entries" + (f"; without an issue number: {missing}" if missing else "")


def check_docs() -> tuple[bool, str]:
    code, out = run(["-c", "import metrix; print(' '.join(metrix.__all__))"], REPO)
    if code != 0:
        return False, last_line(out)
    api = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [name for name in out.split() if not re.search(rf"^### {name}\s*$", api, flags=re.M)]
    return not missing, "every public function has an entry" if not missing else f"not in docs/api.md: {missing}"


def check_description() -> tuple[bool, str]:
    path = ROOT / "PULL_REQUEST.md"
    if not path.exists():
        return False, "write PULL_REQUEST.md from repo/.github/PULL_REQUEST_TEMPLATE.md"
    text = path.read_text(encoding="utf-8")
    open_items = re.findall(r"^- \[ \] (.+)$", text, flags=re.M)
    closes = re.findall(r"\b(?:fix|fixes|close|closes|resolve|resolves) #(\d+)", text, flags=re.I)
    ok = not open_items and bool(closes)
    return ok, f"closes {['#' + c for c in closes] or 'no issue'}; unticked: {open_items or 'none'}"


CHECKS = [
    ("test suite and doctests", check_tests),
    ("style (repo/setup.cfg)", check_style),
    ("regression test fails on 0.3.0", check_regression_test),
    ("changelog", check_changelog),
    ("API docs", check_docs),
    ("pull request description", check_description),
]


def changed_files() -> list[str]:
    changed = []
    released_tests = json.loads((RELEASED / "released-tests.json").read_text())
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO)
        if path.is_dir() or "__pycache__" in rel.parts or rel.parts[0] == "issues" or rel.name.startswith(".pytest"):
            continue
        before = RELEASED / rel
        if rel.parts[0] == "tests":  # released test files are kept as hashes only
            known = released_tests.get(rel.name, {}).get("sha256")
            if known != hashlib.sha256(path.read_bytes()).hexdigest():
                changed.append(f"{'M' if known else 'A'} {rel}")
        elif not before.exists():
            changed.append(f"A {rel}")
        elif before.read_bytes() != path.read_bytes():
            old, new = before.read_text().splitlines(), path.read_text().splitlines()
            plus = sum(1 for line in difflib.ndiff(old, new) if line.startswith("+ "))
            minus = sum(1 for line in difflib.ndiff(old, new) if line.startswith("- "))
            changed.append(f"M {rel} (+{plus} -{minus})")
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contrib", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check")
    check.add_argument("--report", type=Path, default=ROOT / "ci-report.md")
    sub.add_parser("diff")
    args = parser.parse_args(argv)

    if args.command == "diff":
        print("\n".join(changed_files()) or "no changes since 0.3.0")
        return 0
    lines = ["# Pull request checks", "", "| check | result | details |", "|---|---|---|"]
    failed = 0
    for name, function in CHECKS:
        ok, detail = function()
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail.splitlines()[0] if detail else ''}")
        lines.append(f"| {name} | {'pass' if ok else '**fail**'} | {detail.splitlines()[0] if detail else ''} |")
    lines += ["", "## Files changed since 0.3.0", ""] + [f"- {c}" for c in changed_files()]
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.report}")
    return 1 if failed else 0
