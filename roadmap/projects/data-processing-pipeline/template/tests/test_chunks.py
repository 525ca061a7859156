"""Milestone 2: chunk planning, streaming lines and mergeable totals."""

import tracemalloc

import pytest

from pipeline.aggregate import Totals, process_chunk, write_summary
from pipeline.chunks import Chunk, iter_lines, plan_chunks
from tests.golden import HEADER, MEDIUM, check_bad_rows, check_summary


def test_chunks_cover_the_data_exactly(medium_csv):
    data = medium_csv.read_bytes()
    header_len = data.index(b"\n") + 1
    for chunk_bytes in (1000, 4096, 65536):
        chunks = plan_chunks(medium_csv, chunk_bytes)
        assert chunks, "a file with data lines must give at least one chunk"
        assert all(isinstance(c, Chunk) for c in chunks)
        assert [c.index for c in chunks] == list(range(len(chunks))), "number chunks 0, 1, 2, ..."
        assert chunks[0].start == header_len, (
            f"the first chunk should start right after the header (byte {header_len}), "
            f"not at {chunks[0].start}")
        assert chunks[-1].end == len(data), "the last chunk should end at the end of the file"
        for before, after in zip(chunks, chunks[1:]):
            assert before.end == after.start, f"gap or overlap between chunks {before} and {after}"
            assert data[after.start - 1:after.start] == b"\n", (
                f"chunk {after.index} starts at byte {after.start}, which is not the start of a line")
        for c in chunks[:-1]:
            assert chunk_bytes <= c.size <= chunk_bytes + 200, (
                f"with chunk_bytes={chunk_bytes}, chunk {c.index} has {c.size} bytes; it should "
                "reach the planned cut and stop at the end of that line")


def test_chunk_planning_edge_cases(tmp_path):
    no_newline = tmp_path / "no_newline.csv"
    no_newline.write_bytes(HEADER.encode() + b"\r\n1,a\n2,b\n3,c")
    chunks = plan_chunks(no_newline, 4)
    assert chunks[-1].end == no_newline.stat().st_size, "a last line without \\n must be covered"
    assert [no_newline.read_bytes()[c.start:c.end] for c in chunks] == [b"1,a\n", b"2,b\n", b"3,c"]

    assert len(plan_chunks(no_newline, 10_000)) == 1, "a chunk size larger than the file gives one chunk"

    header_only = tmp_path / "header_only.csv"
    header_only.write_bytes(HEADER.encode() + b"\n")
    assert plan_chunks(header_only, 100) == [], "a file with only a header has no chunks"

    wrong = tmp_path / "wrong.csv"
    wrong.write_bytes(b"id,when,where\n1,2,3\n")
    with pytest.raises(ValueError):
        plan_chunks(wrong, 100)


def test_iter_lines_yields_each_line_once_with_its_offset(medium_csv):
    data = medium_csv.read_bytes()
    header_len = data.index(b"\n") + 1
    seen = []
    for c in plan_chunks(medium_csv, 3000):
        for offset, line in iter_lines(medium_csv, c.start, c.end):
            assert c.start <= offset < c.end, f"line at {offset} does not start inside {c}"
            assert data[offset:offset + len(line)] == line, f"wrong offset {offset} for line {line!r}"
            seen.append(line)
    assert b"".join(seen) == data[header_len:], "the lines of all chunks must rebuild the file body"


def test_partial_totals_merge_to_the_reference(medium_csv, tmp_path):
    results = [process_chunk(medium_csv, c) for c in plan_chunks(medium_csv, 2048)]
    counted = sum(r.rows_ok + r.rows_bad for r in results)
    assert counted == MEDIUM.n_lines, f"{counted} lines counted, the file has {MEDIUM.n_lines}"

    for order, name in ((results, "forward"), (results[::-1], "reverse")):
        merged = Totals()
        for r in order:
            merged.merge(r.totals)
        write_summary(merged, tmp_path / f"{name}.csv")
        check_summary((tmp_path / f"{name}.csv").read_text(encoding="utf-8"), MEDIUM,
                      f"the chunk totals merged in {name} order")

    bad = [(b.offset, b.reason.split(":", 1)[0]) for r in results for b in r.bad_rows]
    check_bad_rows(bad, MEDIUM, "the bad rows of the chunks")


def test_streaming_keeps_memory_small(big_csv):
    tracemalloc.start()
    try:
        chunks = plan_chunks(big_csv, 1_200_000)
        _, plan_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        first = chunks[0]
        result = process_chunk(big_csv, first)
        _, chunk_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.rows_ok > 20_000, "process_chunk should aggregate the good rows of the chunk"
    assert plan_peak < 100_000, (
        f"plan_chunks allocated {plan_peak / 1e6:.2f} MB for a "
        f"{big_csv.stat().st_size / 1e6:.1f} MB file; it should only seek and read one line per cut")
    assert chunk_peak < 400_000, (
        f"process_chunk allocated {chunk_peak / 1e6:.2f} MB at its peak for a "
        f"{first.size / 1e6:.1f} MB chunk; stream it line by line instead of reading it all")
