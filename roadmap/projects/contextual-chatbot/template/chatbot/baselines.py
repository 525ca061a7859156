"""The keyword matchers your models must beat (GIVEN): what a bot without learning does."""
from __future__ import annotations

import re

from .text import tokenize

KEYWORDS = [
    ("cancel_booking", ["cancel", "call off", "scrap", "delete", "remove"]),
    ("change_booking", ["change", "move", "instead", "switch", "modify", "update", "push"]),
    ("book_table", ["book", "reserve", "reservation", "table"]),
    ("ask_hours", ["open", "close", "hours"]),
    ("thanks", ["thank", "thanks", "cheers"]),
    ("goodbye", ["bye", "goodbye", "see you"]),
    ("greet", ["hello", "hi", "hey", "good morning", "good evening"]),
    ("affirm", ["yes", "yep", "sure", "correct", "right"]),
    ("deny", ["no", "nope", "wrong", "not"]),
]
_NUMBER_WORDS = set("two three four five six seven eight nine ten eleven twelve".split())
_DAYS = set("today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday".split())


def keyword_intent(text: str) -> str:
    """The first intent whose keyword occurs in the text, else ``inform``."""
    padded = " " + text.lower() + " "
    for intent, words in KEYWORDS:
        if any(re.search(r"\b" + re.escape(w) + r"\b", padded) for w in words):
            return intent
    return "inform"


def regex_entities(text: str) -> list[tuple[str, int, int]]:
    """Numbers are people unless "pm", ":" or "o'clock" make them a time; day words are dates;
    a capitalised word after "is", "under" or "for" is a name."""
    tokens = tokenize(text)
    out = []
    for i, (w, s, e) in enumerate(tokens):
        lower = w.lower()
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        if ":" in w or nxt in ("pm", "am", "o") or lower in ("noon", "midday"):
            out.append(("time", s, tokens[i + 1][2] if nxt in ("pm", "am") else e))
        elif lower.isdigit() or lower in _NUMBER_WORDS:
            out.append(("people", s, e))
        elif lower in _DAYS:
            out.append(("date", s, e))
        elif w.istitle() and i > 0 and tokens[i - 1][0].lower() in ("is", "under", "for"):
            out.append(("name", s, e))
    return out
