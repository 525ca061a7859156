"""Generate a synthetic sales CSV with a sprinkling of malformed rows.

The file is written line by line, so it can be far larger than memory:

    python -m pipeline.generate data/sales.csv --rows 20000000   # about 1 GB

The same seed always produces byte-for-byte the same file. This module is
complete: you do not need to change it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

HEADER = "tx_id,timestamp,store,category,quantity,unit_price"
STORES = ("S01", "S02", "S03", "S04", "S05")
CATEGORIES = ("books", "clothing", "electronics", "grocery", "home", "sports", "toys")
# Typical price range (in cents) for each category.
PRICE_RANGE = {"books": (299, 4999), "clothing": (499, 12999), "electronics": (999, 99999),
               "grocery": (49, 2999), "home": (199, 24999), "sports": (399, 19999),
               "toys": (199, 7999)}
START = dt.datetime(2024, 1, 1)
YEAR_SECONDS = 366 * 24 * 3600

# Ways a row can be broken, as a generator (or a tired upstream system) might do.
BAD_KINDS = ("missing_field", "extra_field", "tx_id", "timestamp", "impossible_date", "store",
             "category", "quantity_zero", "quantity_text", "price_negative",
             "price_precision", "price_text", "encoding", "empty")


def _good_fields(rng: random.Random, tx_id: int) -> list[str]:
    category = rng.choice(CATEGORIES)
    low, high = PRICE_RANGE[category]
    cents = rng.randint(low, high)
    when = START + dt.timedelta(seconds=rng.randrange(YEAR_SECONDS))
    quantity = 1 + int(rng.expovariate(0.6)) % 20
    return [str(tx_id), when.isoformat(), rng.choice(STORES), category, str(quantity),
            f"{cents // 100}.{cents % 100:02d}"]


def _break(rng: random.Random, fields: list[str], kind: str) -> bytes:
    if kind == "missing_field":
        del fields[rng.randrange(len(fields))]
    elif kind == "extra_field":
        fields.append("oops")
    elif kind == "tx_id":
        fields[0] = rng.choice(["abc", "-17", "0", "12x"])
    elif kind == "timestamp":
        fields[1] = rng.choice(["yesterday", "2024/03/01 10:00:00", "", "2024-03-01"])
    elif kind == "impossible_date":
        fields[1] = "2024-02-30T12:00:00"
    elif kind == "store":
        fields[2] = ""
    elif kind == "category":
        fields[3] = rng.choice(["garden", "", "BOOKS"])
    elif kind == "quantity_zero":
        fields[4] = "0"
    elif kind == "quantity_text":
        fields[4] = rng.choice(["two", "1.5", "", "1e3"])
    elif kind == "price_negative":
        fields[5] = "-" + fields[5]
    elif kind == "price_precision":
        fields[5] = fields[5] + "9"
    elif kind == "price_text":
        fields[5] = rng.choice(["free", "", "N/A", "$4.99"])
    elif kind == "encoding":
        return (",".join(fields[:2]) + ",").encode() + b"S0\xff\xfe," + \
            ",".join(fields[3:]).encode()
    elif kind == "empty":
        return b""
    return ",".join(fields).encode()


def generate_csv(path: str | Path, rows: int, seed: int = 0, bad_rate: float = 0.01) -> Path:
    """Write ``rows`` data lines (plus the header) to ``path``.

    Roughly ``bad_rate`` of the lines are malformed in one of the BAD_KINDS ways.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with path.open("wb") as out:
        out.write(HEADER.encode() + b"\n")
        batch: list[bytes] = []
        for i in range(rows):
            fields = _good_fields(rng, 1_000_000 + i)
            if rng.random() < bad_rate:
                batch.append(_break(rng, fields, rng.choice(BAD_KINDS)))
            else:
                batch.append(",".join(fields).encode())
            if len(batch) >= 10_000:
                out.write(b"\n".join(batch) + b"\n")
                batch.clear()
        if batch:
            out.write(b"\n".join(batch) + b"\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="where to write the CSV")
    parser.add_argument("--rows", type=int, default=1_000_000, help="number of data rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bad-rate", type=float, default=0.01, help="share of malformed rows")
    args = parser.parse_args(argv)
    out = generate_csv(args.path, args.rows, seed=args.seed, bad_rate=args.bad_rate)
    print(f"wrote {args.rows:,} rows to {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
