"""Milestone 4: bad rows are quarantined, nothing crashes, progress is reported."""

import csv
import logging
import random
import re
import time
from pathlib import Path

import pipeline.aggregate
import pipeline.run
from pipeline.run import run_pipeline
from tests.golden import HEADER, MEDIUM, check_bad_rows, read_quarantine

_process_chunk = pipeline.aggregate.process_chunk
_GATE = {"dir": None}  # set by the test before the pool forks its workers
GATE_SECONDS = 5.0


def _gated_process_chunk(path, chunk):
    """process_chunk, but chunk i waits until progress has reported chunk i - 1 as done.

    A run that reports progress as results arrive gets through at once; a run that waits for
    every chunk before it reports anything cannot, and the first chunk to wait in vain says so.
    """
    gate = Path(_GATE["dir"])
    if chunk.index >= 2 and not (gate / "timed_out").exists():
        deadline = time.monotonic() + GATE_SECONDS
        while not (gate / f"done_{chunk.index - 1}").exists():
            if time.monotonic() > deadline:
                (gate / "timed_out").write_text(str(chunk.index))
                break
            time.sleep(0.002)
    return _process_chunk(path, chunk)


# (line, expected reason code or None for a good line)
LINES = [
    (b"1,2024-05-01T10:00:00,S01,books,2,10.00", None),
    (b"2,2024-05-01T10:05:00,S01,books,1,2.50", None),
    (b"3,2024-05-01T10:10:00,S01,books", "field_count"),
    (b"4,2024-05-01T10:15:00,S02,toys,3,1.99", None),
    (b"", "empty"),
    (b"5,2024-05-01T10:20:00,S02,toys,many,1.99", "quantity"),
    (b"6,not-a-date,S02,toys,1,1.99", "timestamp"),
    (b"7,2024-05-01T10:30:00,S\xe9,toys,1,1.99", "encoding"),
    (b"8,2024-05-01T10:35:00,S02,toys,1,-1.99", "unit_price"),
    (b"9,2024-05-01T10:40:00,S02,pets,1,1.99", "category"),
    (b"10,2024-05-01T10:45:00,S02,toys,1,0.01", None),
]


def test_malformed_rows_are_quarantined_with_reasons(tmp_path):
    src = tmp_path / "mixed.csv"
    src.write_bytes(HEADER.encode() + b"\n" + b"\n".join(line for line, _ in LINES) + b"\n")
    offsets, pos = [], len(HEADER) + 1
    for line, _ in LINES:
        offsets.append(pos)
        pos += len(line) + 1
    out, quarantine = tmp_path / "summary.csv", tmp_path / "quarantine.csv"

    stats = run_pipeline(src, out, quarantine, workers=2, chunk_bytes=64)

    expected = [(offsets[i], code) for i, (_, code) in enumerate(LINES) if code]
    rows = read_quarantine(quarantine)
    assert [(offset, code) for offset, code, _, _ in rows] == expected, (
        f"quarantine should hold (byte offset, reason code) {expected}, got "
        f"{[(o, c) for o, c, _, _ in rows]}")
    for offset, code, reason, text in rows:
        assert len(reason) > len(code) + 2, f"reason {reason!r} should explain the problem after the code"
        line = dict(zip(offsets, (ln for ln, _ in LINES)))[offset]
        if code != "encoding":
            assert text == line.decode(), f"the quarantined text should be the raw line, got {text!r}"
    assert "\\xe9" in rows[4][3], "undecodable bytes should be kept visibly, e.g. as \\xe9"

    with open(out, newline="", encoding="utf-8") as f:
        summary = list(csv.DictReader(f))
    assert summary == [
        {"store": "S01", "category": "books", "rows": "2", "units": "3", "revenue": "22.50",
         "min_unit_price": "2.50", "max_unit_price": "10.00"},
        {"store": "S02", "category": "toys", "rows": "2", "units": "4", "revenue": "5.98",
         "min_unit_price": "0.01", "max_unit_price": "1.99"},
    ], f"only the 4 good rows should be aggregated; got {summary}"
    assert (stats.rows_ok, stats.rows_bad) == (4, 7), f"expected 4 good and 7 bad rows, got {stats}"


def test_garbage_input_does_not_crash(tmp_path):
    rng = random.Random(99)
    junk = bytearray(rng.getrandbits(8) for _ in range(40_000))
    src = tmp_path / "garbage.csv"
    # Random bytes (about 160 "lines"), then one very long line with no line ending.
    src.write_bytes(HEADER.encode() + b"\n" + bytes(junk) + b"\n" + b"9," * 60_000)
    n_lines = bytes(junk).count(b"\n") + 2
    out, quarantine = tmp_path / "summary.csv", tmp_path / "quarantine.csv"

    stats = run_pipeline(src, out, quarantine, workers=2, chunk_bytes=4096)

    rows = read_quarantine(quarantine)
    assert stats.rows_ok == 0 and stats.rows_bad == n_lines == len(rows), (
        f"all {n_lines} lines are garbage and must be quarantined: stats say "
        f"{stats.rows_ok} ok / {stats.rows_bad} bad, quarantine has {len(rows)} rows")
    assert all(len(text) <= 300 for _, _, _, text in rows), (
        "keep at most 300 characters of a bad line in the quarantine file")
    assert out.read_text(encoding="utf-8").splitlines() == [
        "store,category,rows,units,revenue,min_unit_price,max_unit_price"], (
        "with no good rows the summary holds only its header")


def test_quarantine_matches_reference(medium_csv, tmp_path):
    quarantine = tmp_path / "quarantine.csv"
    run_pipeline(medium_csv, tmp_path / "summary.csv", quarantine, workers=2, chunk_bytes=8192)
    rows = read_quarantine(quarantine)
    check_bad_rows([(offset, code) for offset, code, _, _ in rows], MEDIUM, "the quarantine file")
    assert all(reason.startswith(code + ": ") and len(reason) > len(code) + 2
               for _, code, reason, _ in rows), "each reason should read '<code>: <detail>'"


def test_progress_logging_and_throughput(medium_csv, tmp_path, caplog):
    n_lines = MEDIUM.n_lines
    calls = []
    caplog.set_level(logging.INFO, logger="pipeline")
    started = time.perf_counter()
    stats = run_pipeline(medium_csv, tmp_path / "summary.csv", tmp_path / "quarantine.csv",
                         workers=2, chunk_bytes=20_000,
                         progress=lambda done, total, rows: calls.append((done, total, rows)))
    wall = time.perf_counter() - started

    assert stats.chunks > 1 and len(calls) == stats.chunks, (
        f"progress should be called once per chunk ({stats.chunks}), was called {len(calls)} times")
    assert [c[0] for c in calls] == list(range(1, stats.chunks + 1)), "chunks_done should count 1, 2, ..."
    assert all(c[1] == stats.chunks for c in calls), "chunks_total should be the number of chunks"
    rows_done = [c[2] for c in calls]
    assert rows_done == sorted(rows_done) and rows_done[-1] == n_lines, (
        f"rows_done should grow and end at {n_lines}, got {rows_done[:3]}...{rows_done[-1:]}")

    # The run's own clock must agree with the test's: measure it, do not make it up.
    assert 0.5 * wall <= stats.seconds <= wall, (
        f"stats.seconds is {stats.seconds:.4f} s but the call took {wall:.4f} s; time the whole "
        "run with time.perf_counter()")
    assert abs(stats.rows_per_second - stats.rows_total / stats.seconds) < 1e-6 * stats.rows_per_second
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("pipeline")]
    reported = []
    for message in messages:
        for number in re.findall(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*rows/s", message):
            reported.append((float(number.replace(",", "")), message))
    assert reported, (
        f"log a summary with the throughput in rows/s through logging.getLogger('pipeline'); "
        f"logged: {messages}")
    assert any(abs(value - stats.rows_per_second) <= 0.01 * stats.rows_per_second + 1
               and re.search(rf"\b{n_lines}\b|\b{n_lines:,}\b", message)
               for value, message in reported), (
        f"the logged summary should give the run's real numbers: {n_lines} rows at "
        f"{stats.rows_per_second:,.0f} rows/s; logged: {[m for _, m in reported]}")


def test_progress_is_reported_while_the_run_goes_on(medium_csv, tmp_path, monkeypatch):
    # Progress replayed at the end (after pool.map has finished everything) has the right
    # calls but tells the user nothing while they wait. Here chunk i cannot even start until
    # progress has reported chunk i - 1, which only a live report lets happen.
    gate = tmp_path / "gate"
    gate.mkdir()
    monkeypatch.setitem(_GATE, "dir", str(gate))
    monkeypatch.setattr(pipeline.run, "process_chunk", _gated_process_chunk)
    monkeypatch.setattr(pipeline.aggregate, "process_chunk", _gated_process_chunk)
    calls = []

    def progress(done, total, rows):
        calls.append(done)
        (gate / f"done_{done}").touch()

    stats = run_pipeline(medium_csv, tmp_path / "summary.csv", tmp_path / "quarantine.csv",
                         workers=2, chunk_bytes=40_000, progress=progress)
    assert stats.chunks > 4 and calls == list(range(1, stats.chunks + 1)), (
        f"progress should be called once per chunk ({stats.chunks}); calls: {calls}")
    stuck = (gate / "timed_out").read_text() if (gate / "timed_out").exists() else None
    assert stuck is None, (
        f"chunk {stuck} waited {GATE_SECONDS:.0f} s for progress to report chunk {int(stuck) - 1}, "
        "which was finished long before: report each chunk as its result arrives (pool.imap), "
        "not all of them at the end")
