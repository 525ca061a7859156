"""Shared pytest set-up for the checks of your contribution.

Having this file at the project root puts the project folder on ``sys.path``. The library you
contribute to lives in ``repo/`` (your fork of metrix); the checks import it from there. Its
own test suite is not part of these checks' collection: run it with
``python -m pytest repo/tests`` (or ``cd repo && python -m pytest``); the checks run it too,
in a scratch copy, to see what your tests catch.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# The library's own test suite and the snapshot of the released version are not checks.
collect_ignore = ["repo", "tests/upstream"]

sys.path.insert(0, str(ROOT / "repo"))
