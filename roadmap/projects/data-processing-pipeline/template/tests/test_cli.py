"""Milestone 5: the command line is ready for production: a logging setup, clean failures.

Each check runs `python -m pipeline` (or a few lines of Python) in a fresh interpreter, as a
user or a scheduler would, so your logging setup starts from a clean slate.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.golden import MEDIUM, check_bad_rows, check_summary, read_quarantine

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) +"
                  r"(pipeline[\w.]*): (.*)$")


def python(*args, timeout=120):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env)


def log_lines(text):
    """(level, logger, message) for every line in LOG_FORMAT."""
    return [m.groups() for m in map(LINE.match, text.splitlines()) if m]


def test_logging_setup_writes_stderr_and_file_once(tmp_path):
    logfile = tmp_path / "logs" / "nested" / "run.log"
    script = (
        "import logging, sys\n"
        "from pipeline.__main__ import configure_logging\n"
        "log = logging.getLogger('pipeline')\n"
        f"configure_logging('info', {str(logfile)!r})\n"
        "log.info('first %d', 1)\n"
        "logging.getLogger('pipeline.worker').debug('too detailed')\n"
        f"configure_logging('WARNING', {str(logfile)!r})\n"
        "log.info('dropped')\n"
        "log.warning('second')\n"
        "try:\n"
        "    configure_logging('LOUD', None)\n"
        "except ValueError:\n"
        "    print('rejected')\n")
    run = python("-c", script)
    assert run.returncode == 0, f"the logging setup failed:\n{run.stderr[-1500:]}"
    assert logfile.exists(), "configure_logging should create the log file and its folders"
    in_file = log_lines(logfile.read_text(encoding="utf-8"))
    in_stderr = log_lines(run.stderr)
    expected = [("INFO", "pipeline", "first 1"), ("WARNING", "pipeline", "second")]
    assert in_file == expected, (
        f"the log file should hold exactly {expected} in LOG_FORMAT (once each: the second call "
        f"replaces the handlers and raises the level); it holds {in_file}\n"
        f"file:\n{logfile.read_text(encoding='utf-8')[:600]}")
    assert in_stderr == expected, (
        f"stderr should show the same two lines, once each; it shows {in_stderr}\n"
        f"stderr:\n{run.stderr[-600:]}")
    assert "rejected" in run.stdout, "an unknown level name should raise ValueError"


def test_cli_runs_end_to_end(medium_csv, tmp_path):
    out, quarantine = tmp_path / "out" / "summary.csv", tmp_path / "out" / "quarantine.csv"
    logfile = tmp_path / "out" / "pipeline.log"
    run = python("-m", "pipeline", str(medium_csv), "--out", str(out), "--quarantine",
                 str(quarantine), "--workers", "2", "--chunk-mb", "0.05", "--log-file",
                 str(logfile), "--no-progress")
    assert run.returncode == 0, f"python -m pipeline exited with {run.returncode}:\n{run.stderr[-1500:]}"
    check_summary(out.read_text(encoding="utf-8"), MEDIUM, "the command line's summary")
    check_bad_rows([(o, c) for o, c, _, _ in read_quarantine(quarantine)], MEDIUM,
                   "the command line's quarantine")
    records = log_lines(logfile.read_text(encoding="utf-8"))
    assert any(level == "INFO" and "rows/s" in message and f"{MEDIUM.n_lines}" in
               message.replace(",", "") for level, _, message in records), (
        f"the log file should end with the INFO summary of the run (rows and rows/s); "
        f"it holds {records[-3:]}")
    assert any(level == "WARNING" for level, _, _ in records), (
        "the run quarantined rows: warn about it in the log")
    assert "throughput" in run.stdout


def test_cli_bad_input_fails_cleanly(tmp_path):
    missing = tmp_path / "nowhere" / "sales.csv"
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,when,where\n1,2,3\n", encoding="utf-8")
    for path, what in ((missing, "a missing input file"), (wrong, "a file with the wrong header")):
        run = python("-m", "pipeline", str(path), "--out", str(tmp_path / "o.csv"),
                     "--quarantine", str(tmp_path / "q.csv"), "--workers", "1", "--no-progress")
        assert "Traceback" not in run.stderr, (
            f"{what} is the user's mistake, not a bug: report it without a traceback\n"
            f"{run.stderr[-1200:]}")
        assert run.returncode == 2, f"{what}: exit with status 2 (EXIT_BAD_INPUT), got {run.returncode}"
        errors = [m for level, _, m in log_lines(run.stderr) if level == "ERROR"]
        assert errors and any(str(path) in m for m in errors), (
            f"{what}: log an ERROR line that names {path}; stderr was:\n{run.stderr[-600:]}")
