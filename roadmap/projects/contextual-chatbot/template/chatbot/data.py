"""The labelled utterances for the restaurant assistant (GIVEN, do not edit).

Every template below was written for this project. Slots in braces are filled from the value
lists, and the generator remembers where each value went, so every utterance comes with its
intent and its entities as character spans:

    "table for four at 7 pm tomorrow"  ->  book_table, people "four", time "7 pm", date "tomorrow"

The split is honest. The templates after the ``HELD_OUT`` marker of every intent (about a quarter
of them) and a separate list of names occur only in held-out utterances. So the held-out split asks for
phrasings and names the models never saw in training. ``load_split("train" | "test")`` is the
only entry point.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

INTENTS = ("greet", "goodbye", "thanks", "affirm", "deny", "book_table", "change_booking",
           "cancel_booking", "inform", "ask_hours", "out_of_scope")
ENTITY_TYPES = ("people", "time", "date", "name")
SEED = 7

HELD_OUT = "--- held out ---"  # templates after this marker occur only in held-out utterances

# ── Hand-written templates, per intent. ──────────────────────────────────────────────────────
TEMPLATES = {
    "greet": [
        "hi", "hello", "hey there", "good evening", "good morning", "hiya", "hi there", "hello, is this the restaurant?",
        "hey", "good afternoon", "morning!", "hello!",
        HELD_OUT,
        "hello there", "hi, anyone there?", "evening!", "hey, good evening",
    ],
    "goodbye": [
        "bye", "goodbye", "see you", "that's all, bye", "have a nice evening", "bye for now", "see you soon",
        "that is everything, goodbye", "ok bye",
        HELD_OUT,
        "cheers, bye", "talk later", "see you then, bye",
    ],
    "thanks": [
        "thanks", "thank you", "thanks a lot", "much appreciated", "thank you very much", "thanks, that's great",
        "lovely, thank you", "that's kind, thanks", "brilliant, thanks",
        HELD_OUT,
        "thank you so much", "great, thanks", "perfect, thank you",
    ],
    "affirm": [
        "yes", "yes please", "that's right", "correct", "sure", "sounds good", "yep", "perfect", "absolutely",
        "yes, that's correct", "that works", "yeah", "ok, yes", "spot on", "please do", "go for it", "exactly right",
        HELD_OUT,
        "yes that works", "go ahead", "exactly", "yes, book it",
    ],
    "deny": [
        "no", "no thanks", "that's wrong", "not quite", "nope", "no, that's not right", "no, that is wrong",
        "not at all", "no, sorry", "that isn't right", "wrong",
        HELD_OUT,
        "not really", "that's not it", "no, that's not what I said",
    ],
    "book_table": [
        "I'd like to book a table for {people} {date} at {time}",
        "can I reserve a table for {people} people",
        "table for {people} at {time} please",
        "do you have space for {people} {date}",
        "we are {people} and would like to come {date} around {time}",
        "book us in for {time} {date}",
        "I want to make a reservation",
        "could we get a table {date} evening",
        "is there a free table at {time} for {people}",
        "reserve a table for {people} under {name}",
        "can you fit {people} of us in at {time}",
        "I need a booking for {date}",
        "we'd love to have dinner with you {date} at {time}",
        "a table for {people}, please",
        "I would like to book a table",
        "can I book for {people} people {date} at {time}, the name is {name}",
        "book a table for {name}, {people} people at {time}",
        "do you have a table for {people} at {time} {date}",
        "we want to come for dinner {date}",
        "I'd like a reservation for {people} at {time}",
        "have you got space for {people} {date}?",
        "any tables free {date} at {time}?",
        HELD_OUT,
        "hoping to grab a table for {people} around {time} {date}",
        "we would like to eat with you {date}, {people} of us",
        "have you got a table for {people} at {time}?",
        "put me down for a table at {time} {date}",
        "any chance of a table for {people} {date}?",
        "could you hold a table for {name} at {time}",
        "looking for a table {date} for {people}",
    ],
    "change_booking": [
        "I need to change my booking",
        "can I move my reservation to {time}",
        "make it {time} instead",
        "actually can we change it to {people} people",
        "could you push it back to {time}",
        "switch my table to {date}",
        "we'll be {people} instead",
        "change the time to {time}",
        "can I modify my reservation",
        "move it to {date} please",
        "update the booking to {date} at {time}",
        "can you change the booking for {name}",
        "I'd like to change my reservation to {people} people",
        "please move our table to {time} {date}",
        "change it to {date} instead",
        "we need to change the reservation under {name}",
        "actually, make that {people} people",
        "can we come at {time} instead",
        "the booking for {name} should be at {time} instead",
        "please update my reservation",
        "can you update it to {time}",
        "we are {people} now, not the number I gave",
        HELD_OUT,
        "is it possible to shift our table to {time}",
        "let's do {date} instead",
        "we're {people} now, can you update the booking",
        "could the reservation be at {time} rather than earlier",
        "I want to alter the booking for {name}",
        "can we move it to {date} rather than the original day",
    ],
    "cancel_booking": [
        "cancel my booking",
        "I want to cancel the reservation",
        "please cancel the table for {date}",
        "we can't make it {date}",
        "scrap the reservation",
        "I need to call off my booking",
        "we won't be coming anymore",
        "cancel the reservation under {name}",
        "forget the booking please",
        "please cancel my table",
        "can you cancel the booking for {name}",
        "we have to cancel, sorry",
        "I'd like to cancel my reservation for {date}",
        "we can't come after all",
        "please delete my booking",
        HELD_OUT,
        "something came up and we can't come {date}",
        "please remove my table booking",
        "we have to give up our table",
        "call off the reservation for {name}",
        "we won't make it, sorry",
    ],
    "inform": [
        "{people}", "{people} people", "for {people}", "at {time}", "{time}", "{date}", "{date} at {time}",
        "the name is {name}", "it's {name}", "under {name}", "{name}", "we are {people}", "around {time}",
        "{date} please", "{people} of us", "for {people} at {time}", "{time} {date}", "my name is {name}",
        "it will be {people} people", "{time} please", "put it under {name}", "{date} around {time}",
        "there will be {people} of us",
        HELD_OUT,
        "we'll be {people}", "{name} is the name", "let's say {time}", "{date}, if possible", "about {time}",
        "just {people} of us", "{people}, at {time}",
    ],
    "ask_hours": [
        "when are you open", "what are your opening hours", "are you open on {date}", "what time do you close",
        "how late are you open", "when do you open {date}", "what are your hours", "are you open {date}",
        "what time does the kitchen close", "when do you close {date}",
        HELD_OUT,
        "until what time do you serve food", "are you open {date} evening", "how late can we come",
    ],
    "out_of_scope": [
        "what is the capital of peru", "sing me a song", "what's the weather like", "tell me a joke",
        "who won the football last night", "can you help me with my homework", "what is two plus two",
        "how do I fix my bike", "do you like music", "are you a robot", "what's your favourite colour",
        "recommend a good film", "how tall is mount everest", "what day is it on mars",
        HELD_OUT,
        "tell me about the history of rome", "can you order me a taxi", "what's the meaning of life",
        "play some jazz",
    ],
}

# Slot values (shared by both splits, except the names).
PEOPLE = ["2", "3", "4", "5", "6", "8", "10", "two", "three", "four", "five", "six", "seven", "eight", "twelve"]
TIMES = ["7 pm", "7pm", "19:30", "8:15 pm", "half past seven", "eight o'clock", "noon", "6", "9 pm", "seven thirty",
         "6:45", "8 pm", "half past six", "nine o'clock", "5:30 pm", "midday", "8"]
DATES = ["today", "tonight", "tomorrow", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday",
         "thursday", "this friday", "next saturday", "tomorrow evening"]
NAMES = {
    "train": ["Alex", "Priya", "Tomas", "Grace", "Daniel", "Ruth", "Okafor", "Natarajan", "Lind", "Mensah", "Chen",
              "Garcia", "Nowak", "Silva", "Kim", "Patel", "Jones"],
    "test": ["Rivera", "Haddad", "Osei", "Brennan", "Ito", "Moreau", "Fischer"],
}
COUNTS = {"train": 1400, "test": 350}


@dataclass(frozen=True)
class Utterance:
    text: str
    intent: str
    entities: tuple = ()   # ((type, start, end), ...): character spans of the entities in text

    def values(self) -> dict:
        """``{type: surface text}`` of the entities."""
        return {kind: self.text[start:end] for kind, start, end in self.entities}


def _templates(intent: str, split: str) -> list[str]:
    items = TEMPLATES[intent]
    cut = items.index(HELD_OUT)
    return items[cut + 1:] if split == "test" else items[:cut]


_SLOT = re.compile(r"\{(people|time|date|name)\}")


def _fill(rng: random.Random, template: str, split: str) -> Utterance:
    out, spans, last = "", [], 0
    for m in _SLOT.finditer(template):
        out += template[last:m.start()]
        kind = m.group(1)
        pool = {"people": PEOPLE, "time": TIMES, "date": DATES, "name": NAMES[split]}[kind]
        value = rng.choice(pool)
        spans.append((kind, len(out), len(out) + len(value)))
        out += value
        last = m.end()
    out += template[last:]
    return out, tuple(spans)


@lru_cache(maxsize=None)
def _generate(split: str, seed: int) -> tuple:
    rng = random.Random(f"{seed}-{split}")
    out, seen = [], set()
    # Every intent gets a share proportional to its number of templates.
    weights = {i: len(_templates(i, split)) for i in INTENTS}
    pool = [i for i, w in weights.items() for _ in range(w)]
    tries = 0
    while len(out) < COUNTS[split] and tries < 50 * COUNTS[split]:
        tries += 1
        intent = rng.choice(pool)
        template = rng.choice(_templates(intent, split))
        text, spans = _fill(rng, template, split)
        if rng.random() < 0.3:  # people type in many ways
            text = text[0].upper() + text[1:]
        if (text.lower(), intent) in seen:
            continue
        seen.add((text.lower(), intent))
        out.append(Utterance(text, intent, spans))
    return tuple(out)


def load_split(split: str, seed: int = SEED) -> list[Utterance]:
    """The utterances of one split, ``"train"`` or ``"test"`` (held out)."""
    if split not in COUNTS:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    return list(_generate(split, seed))
