"""Run the whole pipeline: plan chunks, process them in worker processes, merge."""

from __future__ import annotations

import csv  # noqa: F401
import logging
import multiprocessing  # noqa: F401
import os  # noqa: F401
import time  # noqa: F401
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from pipeline.aggregate import ChunkResult, Totals, process_chunk, write_summary  # noqa: F401
from pipeline.chunks import plan_chunks  # noqa: F401

log = logging.getLogger("pipeline")

QUARANTINE_HEADER = ["offset", "reason", "line"]
DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024

# progress(chunks_done, chunks_total, rows_done)
ProgressCallback = Callable[[int, int, int], None]


@dataclass
class RunStats:
    rows_total: int = 0
    rows_ok: int = 0
    rows_bad: int = 0
    bytes_read: int = 0
    chunks: int = 0
    workers: int = 1
    seconds: float = 0.0
    worker_pids: set[int] = field(default_factory=set)

    @property
    def rows_per_second(self) -> float:
        return self.rows_total / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes_read / 1e6 / self.seconds if self.seconds > 0 else 0.0


def run_pipeline(
    input_path: str | Path,
    output_path: str | Path,
    quarantine_path: str | Path,
    *,
    workers: Optional[int] = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    progress: Optional[ProgressCallback] = None,
) -> RunStats:
    """Aggregate ``input_path`` into ``output_path``; bad lines go to ``quarantine_path``.

    - Plan the chunks with plan_chunks(input_path, chunk_bytes).
    - ``workers`` processes (default os.cpu_count(), never more than the number
      of chunks) run process_chunk on the chunks in a multiprocessing pool;
      with one worker you may simply call process_chunk in this process.
      ``stats.worker_pids`` holds the pid each result came from (the test checks
      they were real child processes).
    - Handle results one at a time, in chunk order, as they arrive: merge the
      totals, write the bad rows to the quarantine CSV (QUARANTINE_HEADER, then
      one row per bad line) right away, update the stats and call
      ``progress(chunks_done, chunks_total, rows_done)``.
    - Finally write_summary(totals, output_path), fill ``seconds`` with the
      run's measured wall time, and log an INFO summary through ``log`` with the
      number of rows and the throughput in "rows/s" (a WARNING too if rows were
      quarantined).
    The parent process must never hold the file or all rows in memory.
    """
    # TODO
    raise NotImplementedError("TODO: implement run_pipeline")
