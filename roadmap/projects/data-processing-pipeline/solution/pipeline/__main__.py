"""Command line: python -m pipeline INPUT.csv [--out ...] [--quarantine ...] [--workers N]

It wires run_pipeline to the command line, a logging setup and a progress bar. Two pieces are
yours (milestone 5): configure_logging, and turning bad input into an error message and exit
status 2 instead of a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from pipeline.run import DEFAULT_CHUNK_BYTES, run_pipeline


LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
EXIT_OK, EXIT_BAD_INPUT = 0, 2

log = logging.getLogger("pipeline")


def configure_logging(level: str, logfile: str | None) -> None:
    """Send the log records of the ``pipeline`` loggers to stderr and, if given, to ``logfile``.

    - Both handlers use LOG_FORMAT; records below ``level`` ("DEBUG", "INFO", "WARNING",
      ... in any case) are dropped. An unknown level name raises ``ValueError``.
    - ``logfile``'s folders are created; the file is appended to, in UTF-8.
    - Calling it a second time reconfigures: the old handlers go (closed), the new level
      applies, and no line is ever written twice.
    """
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        raise ValueError(f"unknown log level {level!r}")
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if logfile:
        Path(logfile).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(logfile, encoding="utf-8"))
    # Our own handlers live on the "pipeline" logger, so a second call can find and replace
    # exactly them; the root logger (and whatever a host program put there) is left alone.
    for old in [h for h in log.handlers if getattr(h, "_pipeline_cli", False)]:
        log.removeHandler(old)
        old.close()
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._pipeline_cli = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(numeric)
    # Do not pass our records on to the root logger as well: with a root handler set up
    # elsewhere every line would show twice.
    log.propagate = False


class ProgressBar:
    """Redraws one line on stderr: [#####.....] 50%  1,234,567 rows  210,000 rows/s"""

    def __init__(self, width: int = 30) -> None:
        self.width = width
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, rows: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * self.width)
        rate = rows / max(time.perf_counter() - self.started, 1e-9)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {share:4.0%} "
                         f"{rows:>12,} rows {rate:>10,.0f} rows/s")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="the sales CSV to process")
    parser.add_argument("--out", default="out/summary.csv", help="aggregated output CSV")
    parser.add_argument("--quarantine", default="out/quarantine.csv", help="where bad rows go")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--chunk-mb", type=float, default=DEFAULT_CHUNK_BYTES / 2**20,
                        help="approximate chunk size in MiB")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--log-file", default=None)
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)

    configure_logging(args.log_level, args.log_file)
    try:
        stats = run_pipeline(args.input, args.out, args.quarantine, workers=args.workers,
                             chunk_bytes=max(1, int(args.chunk_mb * 2**20)),
                             progress=None if args.no_progress else ProgressBar())
    except (OSError, ValueError) as problem:  # missing file, no permission, wrong header
        log.error("cannot process %s: %s", args.input, problem)
        return EXIT_BAD_INPUT
    print(f"rows: {stats.rows_total:,} ({stats.rows_ok:,} ok, {stats.rows_bad:,} quarantined)\n"
          f"time: {stats.seconds:.2f} s with {stats.workers} worker(s), {stats.chunks} chunks\n"
          f"throughput: {stats.rows_per_second:,.0f} rows/s, {stats.mb_per_second:.1f} MB/s")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
