"""Turning entity text into values the dialogue can use (GIVEN).

``value("people", "four")`` -> 4, ``value("time", "half past seven")`` -> "19:30",
``value("date", "this friday")`` -> "friday", ``value("name", "okafor")`` -> "Okafor".
Times without am/pm are read as evening times (a restaurant takes few bookings at 7 am).
"""
from __future__ import annotations

import re

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _hour(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _evening(h: int, am: bool = False, pm: bool = False) -> int:
    if pm and h < 12:
        return h + 12
    if am or h >= 12:
        return h % 24
    return h + 12 if 1 <= h <= 11 else h


def people(text: str) -> int | None:
    for word in re.findall(r"[a-z]+|\d+", text.lower()):
        n = _hour(word)
        if n is not None:
            return n
    return None


def time(text: str) -> str | None:
    t = text.lower().replace("o'clock", "").strip()
    if t in ("noon", "midday"):
        return "12:00"
    am, pm = bool(re.search(r"\bam\b|\dam\b", t)), bool(re.search(r"\bpm\b|\dpm\b", t))
    m = re.search(r"(\d{1,2}):(\d{2})", t)
    if m:
        return f"{_evening(int(m.group(1)), am, pm):02d}:{m.group(2)}"
    m = re.search(r"half past (\w+)", t)
    if m and _hour(m.group(1)):
        return f"{_evening(_hour(m.group(1))):02d}:30"
    m = re.search(r"quarter past (\w+)", t)
    if m and _hour(m.group(1)):
        return f"{_evening(_hour(m.group(1))):02d}:15"
    words = re.findall(r"[a-z]+|\d+", t)
    for i, word in enumerate(words):
        h = _hour(word)
        if h is not None:
            minutes = "30" if i + 1 < len(words) and words[i + 1] == "thirty" else "00"
            return f"{_evening(h, am, pm):02d}:{minutes}"
    return None


def date(text: str) -> str | None:
    t = text.lower()
    if "tonight" in t or "today" in t:
        return "today"
    if "tomorrow" in t:
        return "tomorrow"
    for day in DAYS:
        if day in t:
            return f"next {day}" if "next" in t else day
    return None


def name(text: str) -> str | None:
    cleaned = " ".join(w.capitalize() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text))
    return cleaned or None


def value(kind: str, text: str):
    """The value of an entity of type ``kind`` ("people", "time", "date" or "name"), or None."""
    return {"people": people, "time": time, "date": date, "name": name}[kind](text)
