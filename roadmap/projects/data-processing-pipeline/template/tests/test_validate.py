"""Milestone 1: parse and validate single lines."""

import pytest

from pipeline.validate import BadRow, Record, parse_line

GOOD = b"1000042,2024-03-05T14:22:10,S03,grocery,2,4.99\n"

# raw line -> the reason code parse_line must report
BAD_LINES = {
    b"1000001,2024-03-05T14:22:10,S\xff\xfe1,grocery,2,4.99\n": "encoding",
    b"\n": "empty",
    b"   \r\n": "empty",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2\n": "field_count",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,4.99,extra\n": "field_count",
    b"abc,2024-03-05T14:22:10,S03,grocery,2,4.99\n": "tx_id",
    b"-5,2024-03-05T14:22:10,S03,grocery,2,4.99\n": "tx_id",
    b"0,2024-03-05T14:22:10,S03,grocery,2,4.99\n": "tx_id",
    b"1000001,yesterday,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-03-05,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-3-5T14:22:10,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-02-30T12:00:00,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-03-05T24:00:00,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-03-05T12:60:00,S03,grocery,2,4.99\n": "timestamp",
    b"1000001,2024-03-05T14:22:10,,grocery,2,4.99\n": "store",
    b"1000001,2024-03-05T14:22:10,S03,garden,2,4.99\n": "category",
    b"1000001,2024-03-05T14:22:10,S03,BOOKS,2,4.99\n": "category",
    b"1000001,2024-03-05T14:22:10,S03,grocery,0,4.99\n": "quantity",
    b"1000001,2024-03-05T14:22:10,S03,grocery,two,4.99\n": "quantity",
    b"1000001,2024-03-05T14:22:10,S03,grocery,1.5,4.99\n": "quantity",
    b"1000001,2024-03-05T14:22:10,S03,grocery,1000,4.99\n": "quantity",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,-4.99\n": "unit_price",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,4.999\n": "unit_price",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,free\n": "unit_price",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,$4.99\n": "unit_price",
    b"1000001,2024-03-05T14:22:10,S03,grocery,2,0.00\n": "unit_price",
    # Several problems at once: the first rule in REASONS order wins.
    b"x,never,,garden,0,free\n": "tx_id",
}


def test_good_rows_are_parsed():
    assert parse_line(GOOD) == Record(1000042, "2024-03-05T14:22:10", "S03", "grocery", 2, 499), (
        "a good line should become Record(tx_id, timestamp, store, category, quantity, price_cents)")
    spaced = parse_line(b" 7 , 2024-12-31T23:59:59 ,S01, toys ,10,5\r\n")
    assert spaced == Record(7, "2024-12-31T23:59:59", "S01", "toys", 10, 500), (
        f"strip spaces around fields and accept \\r\\n line endings; got {spaced}")
    assert parse_line(b"8,2024-01-01T00:00:00,S02,books,1,0.5").price_cents == 50, (
        "a line without a line ending (the last line of a file) must parse too; '0.5' is 50 cents")
    largest = parse_line(b"9,2024-02-29T23:59:59,S05,home,999,1.00\n")
    assert largest.quantity == 999, (
        "999 (MAX_QUANTITY) is the largest quantity allowed, and 2024-02-29 is a real date")


def test_bad_rows_get_the_right_reason():
    for raw, expected in BAD_LINES.items():
        with pytest.raises(BadRow) as info:
            parse_line(raw)
        assert info.value.code == expected, (
            f"{raw!r} should be rejected with code {expected!r}, got {info.value.code!r}")
        assert str(info.value).startswith(expected + ":") and info.value.detail, (
            f"the message should read '<code>: <detail>', got {str(info.value)!r}")


def test_prices_become_exact_cents():
    # float("0.29") * 100 == 28.999999999999996: converting through float loses cents.
    for cents in range(1, 20_001, 7):
        text = f"{cents // 100}.{cents % 100:02d}"
        line = f"1,2024-01-01T00:00:00,S01,books,1,{text}\n".encode()
        got = parse_line(line).price_cents
        assert got == cents, f"price {text!r} should be {cents} cents, got {got!r}"
        assert isinstance(got, int), "keep money as an int number of cents"
