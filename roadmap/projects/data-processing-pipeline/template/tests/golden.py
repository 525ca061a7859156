"""What the pipeline must produce for the generated test files, as golden values.

They were computed once by a plain single-process implementation (a regular expression per
rule, one pass, no chunks), written independently of the pipeline package. Only hashes and a
few totals are kept here, not that implementation and not the answers themselves: the tests
compare your output with them, and there is nothing here your code could copy.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HEADER = "tx_id,timestamp,store,category,quantity,unit_price"
SUMMARY_HEADER = "store,category,rows,units,revenue,min_unit_price,max_unit_price"


@dataclass(frozen=True)
class Golden:
    rows: int  # data rows the generator was asked for
    seed: int
    bad_rate: float
    size: int  # bytes of the generated file
    n_lines: int  # data lines
    summary_sha256: str  # of the exact summary CSV text
    quarantine_sha256: str  # of "offset,code\n" for every bad line, in file order
    good_rows: int
    units: int
    groups: int
    bad_codes: dict = field(default_factory=dict)  # reason code -> number of bad lines

    @property
    def n_bad(self) -> int:
        return sum(self.bad_codes.values())


BIG = Golden(
    rows=100_000, seed=2024, bad_rate=0.004, size=4_763_945, n_lines=100_000,
    summary_sha256="d9948d77a27aa508540946431177ba7898f1487c392dd7e45c9d561d72b232e6",
    quarantine_sha256="32bc9b787959a35035c721d470db96eefc17677597559b3af47298ff29508812",
    good_rows=99_587, units=219_843, groups=35,
    bad_codes={"category": 27, "empty": 31, "encoding": 22, "field_count": 62, "quantity": 62,
               "store": 29, "timestamp": 53, "tx_id": 38, "unit_price": 89})

MEDIUM = Golden(
    rows=15_000, seed=7, bad_rate=0.03, size=712_846, n_lines=15_000,
    summary_sha256="8eb00aa7bcc5ce1ab5c8f23b2173db00eb7454d60e463fcab527184042fa555f",
    quarantine_sha256="4e4d75448dcfab31a169063f7605e546fd6480dcbbb27d160ed7b04a4d9ff3cf",
    good_rows=14_515, units=32_264, groups=35,
    bad_codes={"category": 34, "empty": 31, "encoding": 26, "field_count": 68, "quantity": 75,
               "store": 30, "timestamp": 60, "tx_id": 39, "unit_price": 122})


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quarantine_digest(bad: list[tuple[int, str]]) -> str:
    return sha256("".join(f"{offset},{code}\n" for offset, code in bad))


def check_summary(text: str, golden: Golden, what: str = "the summary") -> None:
    """Assert that ``text`` is exactly the expected summary CSV, with a useful message if not."""
    if sha256(text) == golden.summary_sha256:
        return
    problems = []
    lines = text.splitlines()
    if not lines or lines[0] != SUMMARY_HEADER:
        problems.append(f"the first line should be {SUMMARY_HEADER!r}")
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
        good = sum(int(r["rows"]) for r in rows)
        units = sum(int(r["units"]) for r in rows)
        if len(rows) != golden.groups:
            problems.append(f"{len(rows)} (store, category) groups, expected {golden.groups}")
        if good != golden.good_rows:
            problems.append(f"{good} good rows counted, expected {golden.good_rows}")
        if units != golden.units:
            problems.append(f"{units} units, expected {golden.units}")
        keys = [(r["store"], r["category"]) for r in rows]
        if keys != sorted(keys):
            problems.append("the rows should be sorted by (store, category)")
    except (KeyError, ValueError, TypeError) as exc:
        problems.append(f"it does not parse as the summary CSV ({exc!r})")
    if not problems:
        problems.append("the counts agree, so look at revenue, min and max prices (exact cents)")
    raise AssertionError(f"{what} differs from the single-process answer: " + "; ".join(problems)
                         + f"\nyours starts with:\n" + "\n".join(lines[:4]))


def check_bad_rows(bad: list[tuple[int, str]], golden: Golden, what: str = "the bad rows") -> None:
    """Assert that ``bad`` is exactly the expected [(offset, reason code), ...] in file order."""
    if quarantine_digest(bad) == golden.quarantine_sha256:
        return
    got = Counter(code for _, code in bad)
    diff = {code: (got.get(code, 0), golden.bad_codes.get(code, 0))
            for code in sorted(set(got) | set(golden.bad_codes))
            if got.get(code, 0) != golden.bad_codes.get(code, 0)}
    if diff:
        detail = "; ".join(f"{code}: {mine} found, {want} expected"
                           for code, (mine, want) in diff.items())
    elif [o for o, _ in bad] != sorted(o for o, _ in bad):
        detail = "the counts per reason agree but the rows are not in file (offset) order"
    else:
        detail = "the counts per reason agree, so check the byte offsets"
    raise AssertionError(f"{what} (byte offset, reason code) differ from the single-process "
                         f"answer: {len(bad)} found, {golden.n_bad} expected. {detail}")


def read_quarantine(path: str | Path):
    """[(offset, reason_code, reason, line), ...] from a quarantine CSV."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        assert header == ["offset", "reason", "line"], (
            f"the quarantine file should start with the header offset,reason,line; got {header}")
        return [(int(row[0]), row[1].split(":", 1)[0].strip(), row[1], row[2]) for row in reader]
