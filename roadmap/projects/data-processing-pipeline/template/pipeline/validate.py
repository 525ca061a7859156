"""Parse and validate one raw line of the sales CSV."""

from __future__ import annotations

import datetime as dt  # noqa: F401  (handy for checking dates)
import re  # noqa: F401
from typing import NamedTuple

HEADER = "tx_id,timestamp,store,category,quantity,unit_price"
N_FIELDS = 6
CATEGORIES = frozenset({"books", "clothing", "electronics", "grocery", "home", "sports", "toys"})
MAX_QUANTITY = 999

# Reason codes, in the order the checks run: the first failing check wins.
REASONS = ("encoding", "empty", "field_count", "tx_id", "timestamp", "store", "category",
           "quantity", "unit_price")


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


def parse_line(raw: bytes) -> Record:
    """Turn one line (bytes, with or without its line ending) into a Record.

    Rules, checked in this order (raise ``BadRow(code, detail)`` for the first
    one that fails):

    - ``encoding``: the bytes must decode as UTF-8.
    - ``empty``: after removing ``\\r\\n``, the line must not be blank.
    - ``field_count``: exactly 6 comma-separated fields (each field is then
      stripped of surrounding spaces).
    - ``tx_id``: an ASCII whole number > 0.
    - ``timestamp``: exactly ``YYYY-MM-DDTHH:MM:SS`` and a real date/time
      (``2024-02-30T12:00:00`` is rejected).
    - ``store``: not empty.
    - ``category``: one of CATEGORIES (exact, lower case).
    - ``quantity``: an ASCII whole number from 1 to MAX_QUANTITY.
    - ``unit_price``: digits with an optional ``.`` and 1-2 decimals, > 0;
      store it as whole cents (``"4.5"`` -> 450) so sums are exact.
    """
    # TODO: implement the checks above and return a Record.
    raise NotImplementedError("TODO: implement parse_line")
