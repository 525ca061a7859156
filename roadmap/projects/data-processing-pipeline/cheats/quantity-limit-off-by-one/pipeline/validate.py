"""Parse and validate one raw line of the sales CSV."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

HEADER = "tx_id,timestamp,store,category,quantity,unit_price"
N_FIELDS = 6
CATEGORIES = frozenset({"books", "clothing", "electronics", "grocery", "home", "sports", "toys"})
MAX_QUANTITY = 999

# Reason codes, in the order the checks run: the first failing check wins.
REASONS = ("encoding", "empty", "field_count", "tx_id", "timestamp", "store", "category",
           "quantity", "unit_price")

_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")
_PRICE = re.compile(r"([0-9]+)(?:\.([0-9]{1,2}))?")


class BadRow(ValueError):
    """A line that cannot be used. ``code`` is one of REASONS."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


class Record(NamedTuple):
    tx_id: int
    timestamp: str
    store: str
    category: str
    quantity: int
    price_cents: int


def _positive_int(text: str) -> int | None:
    """The value of an ASCII digit string, or None (also for 0)."""
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value > 0 else None


def parse_line(raw: bytes) -> Record:
    """Turn one line (bytes, with or without its line ending) into a Record.

    Raises BadRow with the code of the first problem found.
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRow("encoding", f"not valid UTF-8 at byte {exc.start}") from None
    line = line.rstrip("\r\n")
    if not line.strip():
        raise BadRow("empty", "blank line")

    fields = [field.strip() for field in line.split(",")]
    if len(fields) != N_FIELDS:
        raise BadRow("field_count", f"expected {N_FIELDS} fields, got {len(fields)}")
    tx_text, when, store, category, quantity_text, price_text = fields

    tx_id = _positive_int(tx_text)
    if tx_id is None:
        raise BadRow("tx_id", f"{tx_text!r} is not a positive integer")

    if not _TIMESTAMP.fullmatch(when):
        raise BadRow("timestamp", f"{when!r} is not YYYY-MM-DDTHH:MM:SS")
    try:
        dt.datetime.fromisoformat(when)
    except ValueError:
        raise BadRow("timestamp", f"{when!r} is not a real date and time") from None

    if not store:
        raise BadRow("store", "store is empty")
    if category not in CATEGORIES:
        raise BadRow("category", f"{category!r} is not a known category")

    quantity = _positive_int(quantity_text)
    if quantity is None or quantity >= MAX_QUANTITY:
        raise BadRow("quantity", f"{quantity_text!r} is not a whole number from 1 to {MAX_QUANTITY}")

    match = _PRICE.fullmatch(price_text)
    if match is None:
        raise BadRow("unit_price", f"{price_text!r} is not a price like 12.34")
    whole, fraction = match.group(1), match.group(2) or ""
    price_cents = int(whole) * 100 + int(fraction.ljust(2, "0"))
    if price_cents == 0:
        raise BadRow("unit_price", "price must be greater than zero")

    return Record(tx_id, when, store, category, quantity, price_cents)
