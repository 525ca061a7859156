"""Split a big file into byte ranges that start and end on line boundaries."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.validate import HEADER


@dataclass(frozen=True)
class Chunk:
    """The lines that *start* at a byte offset in ``[start, end)``."""

    index: int
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


def data_start(path: str | Path) -> int:
    """Check the header line and return the byte offset of the first data line."""
    with open(path, "rb") as handle:
        first = handle.readline()
    if first.rstrip(b"\r\n").decode("utf-8", errors="replace") != HEADER:
        raise ValueError(f"{path}: the first line is not the expected header {HEADER!r}")
    return len(first)


def plan_chunks(path: str | Path, chunk_bytes: int) -> list[Chunk]:
    """Cut the data part of ``path`` into ranges of about ``chunk_bytes`` bytes.

    Only the boundaries are computed (a seek and one readline per chunk), so
    this is cheap even for a file of many gigabytes.
    """
    if chunk_bytes < 1:
        raise ValueError("chunk_bytes must be positive")
    start = data_start(path)
    data = Path(path).read_bytes()  # simplest way to find the newlines
    size = len(data)
    chunks: list[Chunk] = []
    while start < size:
        end = start + chunk_bytes
        if end >= size:
            end = size
        else:
            newline = data.find(b"\n", end - 1)
            end = size if newline < 0 else newline + 1
        chunks.append(Chunk(len(chunks), start, end))
        start = end
    return chunks


def iter_lines(path: str | Path, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """Yield ``(offset, line)`` for each line that starts in ``[start, end)``.

    Lines are read one at a time; only the current one is in memory.
    """
    with open(path, "rb") as handle:
        handle.seek(start)
        offset = start
        while offset < end:
            line = handle.readline()
            if not line:
                break
            yield offset, line
            offset += len(line)
