"""Milestone 3: the parallel run equals the single-process reference."""

import os
import tracemalloc

from pipeline.run import RunStats, run_pipeline
from tests.reference import read_quarantine


def test_parallel_output_equals_single_process_reference(big_csv, big_reference, tmp_path):
    expected_summary, expected_bad, n_lines = big_reference
    out, quarantine = tmp_path / "summary.csv", tmp_path / "quarantine.csv"
    stats = run_pipeline(big_csv, out, quarantine, workers=2, chunk_bytes=256 * 1024)
    assert isinstance(stats, RunStats), "run_pipeline must return a RunStats"
    got = out.read_text(encoding="utf-8")
    assert got == expected_summary, (
        "the summary from 2 workers differs from the single-process reference.\n"
        f"expected (start):\n{expected_summary[:300]}\ngot (start):\n{got[:300]}")
    assert [(offset, code) for offset, code, _, _ in read_quarantine(quarantine)] == expected_bad, (
        "the quarantine file should list the same bad rows (offset, reason code) as the "
        "reference, in file order")
    assert stats.rows_total == n_lines and stats.rows_bad == len(expected_bad), (
        f"stats count {stats.rows_total} rows / {stats.rows_bad} bad; expected {n_lines} / "
        f"{len(expected_bad)}")
    assert stats.rows_ok + stats.rows_bad == stats.rows_total
    assert stats.workers == 2 and stats.chunks >= 10, f"expected 2 workers and many chunks: {stats}"
    assert stats.worker_pids and os.getpid() not in stats.worker_pids, (
        "with workers=2 the chunks must be processed in worker processes, not in the parent "
        f"(pids seen: {stats.worker_pids}, parent: {os.getpid()})")


def test_output_does_not_depend_on_workers_or_chunk_size(medium_csv, tmp_path):
    outputs = {}
    for workers, chunk_bytes in ((1, 10**7), (3, 1500), (2, 40_000)):
        out = tmp_path / f"summary_{workers}_{chunk_bytes}.csv"
        bad = tmp_path / f"quarantine_{workers}_{chunk_bytes}.csv"
        run_pipeline(medium_csv, out, bad, workers=workers, chunk_bytes=chunk_bytes)
        outputs[(workers, chunk_bytes)] = (out.read_bytes(), bad.read_bytes())
    first_key, first = next(iter(outputs.items()))
    for key, files in outputs.items():
        assert files[0] == first[0], f"summary with (workers, chunk_bytes)={key} differs from {first_key}"
        assert files[1] == first[1], f"quarantine with (workers, chunk_bytes)={key} differs from {first_key}"


def test_parent_process_memory_stays_bounded(big_csv, medium_csv, tmp_path):
    size = big_csv.stat().st_size
    # A first, small run imports whatever the pool needs, so that importing
    # modules does not count below.
    run_pipeline(medium_csv, tmp_path / "warmup.csv", tmp_path / "warmup_q.csv", workers=2,
                 chunk_bytes=100_000)
    if hasattr(os, "register_at_fork"):
        # Forked workers would inherit tracing and run many times slower; only
        # the parent is measured here.
        os.register_at_fork(after_in_child=tracemalloc.stop)
    tracemalloc.start()
    try:
        run_pipeline(big_csv, tmp_path / "summary.csv", tmp_path / "quarantine.csv",
                     workers=2, chunk_bytes=512 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_500_000, (
        f"the parent process peaked at {peak / 1e6:.2f} MB of Python allocations while running a "
        f"{size / 1e6:.1f} MB file; it should only hand out byte ranges and merge small results")
