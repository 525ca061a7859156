"""Split a big file into byte ranges that start and end on line boundaries."""

from __future__ import annotations

import os  # noqa: F401
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.validate import HEADER  # noqa: F401


@dataclass(frozen=True)
class Chunk:
    """The lines that *start* at a byte offset in ``[start, end)``."""

    index: int
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


def plan_chunks(path: str | Path, chunk_bytes: int) -> list[Chunk]:
    """Cut the data part of ``path`` (everything after the header line) into
    ranges of about ``chunk_bytes`` bytes, numbered 0, 1, 2, ...

    - Raise ``ValueError`` if the first line is not HEADER (it may end in
      ``\\n`` or ``\\r\\n``).
    - Every chunk ends right after a ``\\n`` (or at the end of the file), so no
      line is split, and the chunks cover the data with no gap or overlap.
    - Do NOT read the whole file: seek to each planned cut and read one line
      to find the next line start.
    """
    # TODO
    raise NotImplementedError("TODO: implement plan_chunks")


def iter_lines(path: str | Path, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """Yield ``(offset, line)`` for each line that starts in ``[start, end)``.

    ``line`` is the raw bytes including its line ending; ``offset`` is its
    byte position in the file. Keep only one line in memory at a time.
    """
    # TODO: open in binary mode, seek(start), readline() until the offset reaches end.
    raise NotImplementedError("TODO: implement iter_lines")
