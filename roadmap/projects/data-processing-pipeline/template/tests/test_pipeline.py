"""Milestone 3: the parallel run equals the single-process answer, in real worker processes."""

import glob
import multiprocessing
import os
import resource
import threading
import time
import tracemalloc

from pipeline.run import RunStats, run_pipeline
from tests.golden import BIG, MEDIUM, check_bad_rows, check_summary, read_quarantine


def _proc_children() -> set[int]:
    pids = set()
    for path in glob.glob("/proc/self/task/*/children"):
        with open(path) as handle:
            pids.update(int(pid) for pid in handle.read().split())
    return pids


class ChildWatcher:
    """Samples this process's live child processes from a thread while a run goes on.

    A worker pid that the pipeline reports must be one of them: pids made up in the parent,
    or threads (which all share the parent's pid), do not count as multiprocessing.
    """

    def __init__(self, every: float = 0.01) -> None:
        self.every = every
        self.seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        if glob.glob("/proc/self/task/*/children"):  # Linux: cheap, straight from the kernel
            self._children = _proc_children
        else:
            try:
                import psutil

                me = psutil.Process()
                self._children = lambda: {p.pid for p in me.children()}
            except ImportError:  # the processes multiprocessing started
                self._children = lambda: {p.pid for p in list(multiprocessing.process._children)}

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                self.seen |= self._children()
            except Exception:  # a child that just exited; try again
                pass
            time.sleep(self.every)

    def __enter__(self) -> "ChildWatcher":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def test_parallel_output_equals_single_process_reference(big_csv, tmp_path):
    out, quarantine = tmp_path / "summary.csv", tmp_path / "quarantine.csv"
    with ChildWatcher() as children:
        stats = run_pipeline(big_csv, out, quarantine, workers=2, chunk_bytes=256 * 1024)
    assert isinstance(stats, RunStats), "run_pipeline must return a RunStats"
    check_summary(out.read_text(encoding="utf-8"), BIG, "the summary from 2 workers")
    check_bad_rows([(offset, code) for offset, code, _, _ in read_quarantine(quarantine)], BIG,
                   "the quarantine file's rows")
    assert stats.rows_total == BIG.n_lines and stats.rows_bad == BIG.n_bad, (
        f"stats count {stats.rows_total} rows / {stats.rows_bad} bad; expected {BIG.n_lines} / "
        f"{BIG.n_bad}")
    assert stats.rows_ok + stats.rows_bad == stats.rows_total
    assert stats.workers == 2 and stats.chunks >= 10, f"expected 2 workers and many chunks: {stats}"
    assert stats.worker_pids and os.getpid() not in stats.worker_pids, (
        "with workers=2 the chunks must be processed in worker processes, not in the parent "
        f"(pids seen: {stats.worker_pids}, parent: {os.getpid()})")
    strangers = stats.worker_pids - children.seen
    assert not strangers, (
        f"worker pids {sorted(strangers)} were never child processes of this run (children seen: "
        f"{sorted(children.seen)}); process the chunks in a multiprocessing.Pool and report the "
        "pid each result really came from")


def test_the_workers_do_the_parsing(big_csv, tmp_path):
    # Real child pids are not enough: a pool could sit idle while the parent parses every
    # chunk itself. The kernel's CPU accounting says who did the work (finished children count
    # in RUSAGE_CHILDREN once the pool has joined them).
    before_self = resource.getrusage(resource.RUSAGE_SELF)
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_pipeline(big_csv, tmp_path / "summary.csv", tmp_path / "quarantine.csv", workers=2,
                 chunk_bytes=512 * 1024)
    after_self = resource.getrusage(resource.RUSAGE_SELF)
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = (after_self.ru_utime + after_self.ru_stime
              - before_self.ru_utime - before_self.ru_stime)
    children = (after_children.ru_utime + after_children.ru_stime
                - before_children.ru_utime - before_children.ru_stime)
    assert children >= 2 * parent, (
        f"the worker processes used {children:.3f} s of CPU and the parent {parent:.3f} s; "
        "the workers should parse and aggregate the chunks, the parent only merge the results")


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
    check_summary(first[0].decode("utf-8"), MEDIUM)


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
