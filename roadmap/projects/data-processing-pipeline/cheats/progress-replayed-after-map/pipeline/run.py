"""Run the whole pipeline: plan chunks, process them in worker processes, merge."""

from __future__ import annotations

import csv
import logging
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Optional

from pipeline.aggregate import ChunkResult, Totals, process_chunk, write_summary
from pipeline.chunks import plan_chunks

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


def _results(path: Path, chunks, workers: int):
    """Yield ChunkResults in chunk order, from a process pool or inline."""
    work = partial(process_chunk, str(path))
    if workers == 1:
        yield from map(work, chunks)
        return
    with multiprocessing.Pool(processes=workers) as pool:
        # Everything is processed first; progress is then replayed for each result.
        results = pool.map(work, chunks)
    yield from results


def run_pipeline(
    input_path: str | Path,
    output_path: str | Path,
    quarantine_path: str | Path,
    *,
    workers: Optional[int] = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    progress: Optional[ProgressCallback] = None,
) -> RunStats:
    """Aggregate ``input_path`` into ``output_path``; bad lines go to ``quarantine_path``."""
    input_path = Path(input_path)
    quarantine_path = Path(quarantine_path)
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()

    chunks = plan_chunks(input_path, chunk_bytes)
    workers = max(1, min(workers, len(chunks) or 1))
    stats = RunStats(chunks=len(chunks), workers=workers)
    log.info("processing %s (%.1f MB) in %d chunks with %d worker(s)", input_path,
             input_path.stat().st_size / 1e6, len(chunks), workers)

    totals = Totals()
    quarantine_path.parent.mkdir(parents=True, exist_ok=True)
    with quarantine_path.open("w", newline="", encoding="utf-8") as qfile:
        quarantine = csv.writer(qfile, lineterminator="\n")
        quarantine.writerow(QUARANTINE_HEADER)
        for done, result in enumerate(_results(input_path, chunks, workers), start=1):
            _absorb(result, totals, stats, quarantine)
            log.debug("chunk %d/%d: %d ok, %d bad", done, len(chunks), result.rows_ok,
                      result.rows_bad)
            if progress is not None:
                progress(done, len(chunks), stats.rows_total)

    write_summary(totals, output_path)
    stats.seconds = time.perf_counter() - started
    if stats.rows_bad:
        log.warning("%d bad rows quarantined in %s", stats.rows_bad, quarantine_path)
    log.info("processed %d rows (%d ok, %d bad) in %.2f s: %.0f rows/s, %.1f MB/s",
             stats.rows_total, stats.rows_ok, stats.rows_bad, stats.seconds,
             stats.rows_per_second, stats.mb_per_second)
    return stats


def _absorb(result: ChunkResult, totals: Totals, stats: RunStats, quarantine) -> None:
    totals.merge(result.totals)
    for bad in result.bad_rows:
        quarantine.writerow([bad.offset, bad.reason, bad.text])
    stats.rows_ok += result.rows_ok
    stats.rows_bad += result.rows_bad
    stats.rows_total += result.rows_ok + result.rows_bad
    stats.bytes_read += result.bytes_read
    stats.worker_pids.add(result.pid)
