"""A deliberately plain, single-process reference implementation.

It is written independently of the pipeline package (regular expressions and
strptime, one pass, no chunks), so comparing the two catches mistakes in
either. The tests treat its output as the truth.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

HEADER = "tx_id,timestamp,store,category,quantity,unit_price"
CATEGORIES = {"books", "clothing", "electronics", "grocery", "home", "sports", "toys"}
WHOLE = re.compile(r"[0-9]+\Z")
STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\Z")
PRICE = re.compile(r"([0-9]+)(\.[0-9]{1,2})?\Z")


def classify(raw: bytes):
    """Return (reason_code, None) for a bad line or (None, fields) for a good one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "encoding", None
    text = text.rstrip("\r\n")
    if text.strip() == "":
        return "empty", None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 6:
        return "field_count", None
    tx, stamp, store, category, qty, price = parts
    if not WHOLE.match(tx) or int(tx) == 0:
        return "tx_id", None
    if not STAMP.match(stamp):
        return "timestamp", None
    try:
        dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return "timestamp", None
    if store == "":
        return "store", None
    if category not in CATEGORIES:
        return "category", None
    if not WHOLE.match(qty) or not 1 <= int(qty) <= 999:
        return "quantity", None
    m = PRICE.match(price)
    if not m:
        return "unit_price", None
    cents = int(m.group(1)) * 100 + (int((m.group(2)[1:] + "0")[:2]) if m.group(2) else 0)
    if cents <= 0:
        return "unit_price", None
    return None, (store, category, int(qty), cents)


def money(cents: int) -> str:
    return "%d.%02d" % divmod(cents, 100)


def reference(path: str | Path):
    """Return (summary_csv_text, [(offset, reason_code), ...], n_lines)."""
    groups: dict = {}
    bad = []
    n_lines = 0
    with open(path, "rb") as f:
        offset = len(f.readline())
        for raw in f:
            n_lines += 1
            code, fields = classify(raw)
            if code is not None:
                bad.append((offset, code))
            else:
                store, category, qty, cents = fields
                g = groups.setdefault((store, category), [0, 0, 0, cents, cents])
                g[0] += 1
                g[1] += qty
                g[2] += qty * cents
                g[3] = min(g[3], cents)
                g[4] = max(g[4], cents)
            offset += len(raw)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["store", "category", "rows", "units", "revenue", "min_unit_price",
                     "max_unit_price"])
    for (store, category) in sorted(groups):
        rows, units, revenue, low, high = groups[(store, category)]
        writer.writerow([store, category, rows, units, money(revenue), money(low), money(high)])
    return out.getvalue(), bad, n_lines


def read_quarantine(path: str | Path):
    """[(offset, reason_code, reason, line), ...] from a quarantine CSV."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        assert header == ["offset", "reason", "line"], (
            f"the quarantine file should start with the header offset,reason,line; got {header}")
        return [(int(row[0]), row[1].split(":", 1)[0].strip(), row[1], row[2]) for row in reader]
