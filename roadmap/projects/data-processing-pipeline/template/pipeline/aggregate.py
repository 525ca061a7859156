"""Per-group running totals, and the work done on one chunk."""

from __future__ import annotations

import csv
import os  # noqa: F401
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.chunks import Chunk, iter_lines  # noqa: F401
from pipeline.validate import BadRow, Record, parse_line  # noqa: F401

SUMMARY_HEADER = ["store", "category", "rows", "units", "revenue", "min_unit_price",
                  "max_unit_price"]
MAX_QUARANTINE_TEXT = 300  # characters of a bad line kept in the quarantine file


def format_cents(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def safe_text(raw: bytes) -> str:
    """A bad line as one printable line of text, for the quarantine file.

    Drops the line ending, shows undecodable bytes as ``\\xff``, escapes control
    characters (``\\r``, ``\\x00``, ...) so the CSV stays one entry per line,
    and keeps at most MAX_QUARANTINE_TEXT characters.
    """
    text = raw.rstrip(b"\r\n").decode("utf-8", errors="backslashreplace")
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                       for ch in text)
    return text[:MAX_QUARANTINE_TEXT]


@dataclass
class GroupStats:
    """Running totals for one (store, category) group. Money is in whole cents."""

    rows: int = 0
    units: int = 0
    revenue_cents: int = 0
    min_price_cents: int | None = None
    max_price_cents: int | None = None

    def add(self, quantity: int, price_cents: int) -> None:
        # TODO: count the row, add the units and the revenue (quantity * price),
        #       and keep the smallest and largest unit price seen.
        raise NotImplementedError("TODO: implement GroupStats.add")

    def merge(self, other: "GroupStats") -> None:
        # TODO: fold another group's totals into this one (mind groups with no rows).
        raise NotImplementedError("TODO: implement GroupStats.merge")


class Totals:
    """GroupStats for every (store, category) seen so far.

    Integers only, so merging partial totals in any order gives exactly the
    same result as one pass over the whole file.
    """

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], GroupStats] = {}

    def add(self, record: Record) -> None:
        # TODO: find (or create) the GroupStats for (store, category) and add to it.
        raise NotImplementedError("TODO: implement Totals.add")

    def merge(self, other: "Totals") -> "Totals":
        # TODO: merge every group of `other` into self, then return self.
        raise NotImplementedError("TODO: implement Totals.merge")

    def summary_rows(self) -> list[list[str]]:
        rows = []
        for (store, category), s in sorted(self.groups.items()):
            rows.append([store, category, str(s.rows), str(s.units), format_cents(s.revenue_cents),
                         format_cents(s.min_price_cents or 0), format_cents(s.max_price_cents or 0)])
        return rows


def write_summary(totals: Totals, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SUMMARY_HEADER)
        writer.writerows(totals.summary_rows())
    return path


@dataclass
class QuarantinedRow:
    offset: int  # byte offset of the line in the input file
    reason: str  # "code: detail", e.g. "quantity: 'two' is not a whole number ..."
    text: str  # the line itself (decoded leniently, shortened)


@dataclass
class ChunkResult:
    index: int
    totals: Totals = field(default_factory=Totals)
    bad_rows: list[QuarantinedRow] = field(default_factory=list)
    rows_ok: int = 0
    rows_bad: int = 0
    bytes_read: int = 0
    pid: int = 0


def process_chunk(path: str | Path, chunk: Chunk) -> ChunkResult:
    """Validate and aggregate every line of ``chunk``, streaming it line by line.

    Good lines are added to ``result.totals``; a line that raises BadRow is
    counted in ``rows_bad`` and kept in ``bad_rows`` as a QuarantinedRow with its
    byte offset, ``str(error)`` as the reason and ``safe_text(line)`` as its
    text. Nothing may raise for a bad line.
    Also fill ``rows_ok``, ``bytes_read`` and ``pid`` (os.getpid()).
    """
    # TODO: loop over iter_lines(path, chunk.start, chunk.end).
    raise NotImplementedError("TODO: implement process_chunk")
