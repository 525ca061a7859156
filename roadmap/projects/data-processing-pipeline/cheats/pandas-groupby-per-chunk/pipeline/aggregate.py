"""Per-group running totals, and the work done on one chunk."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.chunks import Chunk, iter_lines
from pipeline.validate import BadRow, Record, parse_line

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
        self.rows += 1
        self.units += quantity
        self.revenue_cents += quantity * price_cents
        if self.min_price_cents is None or price_cents < self.min_price_cents:
            self.min_price_cents = price_cents
        if self.max_price_cents is None or price_cents > self.max_price_cents:
            self.max_price_cents = price_cents

    def merge(self, other: "GroupStats") -> None:
        if other.rows == 0:
            return
        self.rows += other.rows
        self.units += other.units
        self.revenue_cents += other.revenue_cents
        assert other.min_price_cents is not None and other.max_price_cents is not None
        if self.min_price_cents is None or other.min_price_cents < self.min_price_cents:
            self.min_price_cents = other.min_price_cents
        if self.max_price_cents is None or other.max_price_cents > self.max_price_cents:
            self.max_price_cents = other.max_price_cents


class Totals:
    """GroupStats for every (store, category) seen so far.

    Integers only, so merging partial totals in any order gives exactly the
    same result as one pass over the whole file.
    """

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], GroupStats] = {}

    def add(self, record: Record) -> None:
        key = (record.store, record.category)
        stats = self.groups.get(key)
        if stats is None:
            stats = self.groups[key] = GroupStats()
        stats.add(record.quantity, record.price_cents)

    def merge(self, other: "Totals") -> "Totals":
        for key, stats in other.groups.items():
            self.groups.setdefault(key, GroupStats()).merge(stats)
        return self

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

    Bad lines never raise: they are collected in ``bad_rows`` with their reason.
    """
    import pandas as pd

    result = ChunkResult(index=chunk.index, pid=os.getpid())
    good = []
    for offset, raw in iter_lines(path, chunk.start, chunk.end):
        result.bytes_read += len(raw)
        try:
            good.append(parse_line(raw))
        except BadRow as problem:
            result.rows_bad += 1
            result.bad_rows.append(QuarantinedRow(offset, str(problem), safe_text(raw)))
    result.rows_ok = len(good)
    if not good:
        return result
    # pandas does the grouping: no GroupStats bookkeeping by hand.
    frame = pd.DataFrame(good, columns=Record._fields)
    frame["revenue"] = frame["quantity"] * frame["price_cents"]
    table = frame.groupby(["store", "category"]).agg(
        rows=("tx_id", "size"), units=("quantity", "sum"), revenue=("revenue", "sum"),
        low=("price_cents", "min"), high=("price_cents", "max"))
    for (store, category), row in table.iterrows():
        result.totals.groups[(store, category)] = GroupStats(
            int(row["rows"]), int(row["units"]), int(row["revenue"]), int(row["low"]),
            int(row["high"]))
    return result
