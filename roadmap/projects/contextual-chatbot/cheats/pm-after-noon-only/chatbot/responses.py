"""Milestone 5: turning actions into words, with variation.

Every action has several hand-written templates; ``{date}``, ``{time}``, ``{people}`` and
``{name}`` are filled from the action's slots, formatted for people to read.
"""
from __future__ import annotations

import random
import re

RESPONSES = {
    "greet": ["Hello! I can book, change or cancel a table for you.",
              "Hi there! Would you like to book a table, or change or cancel one?",
              "Good to hear from you. How can I help with your table?"],
    "goodbye": ["Goodbye, and enjoy your meal!", "Bye for now. See you soon!", "Take care, goodbye!"],
    "you_are_welcome": ["You're welcome!", "My pleasure.", "Glad I could help."],
    "opening_hours": ["We're open every day from noon until 11 pm, and the kitchen closes at 10 pm.",
                      "Our hours are noon to 11 pm, seven days a week (last orders at 10 pm)."],
    "fallback": ["Sorry, I didn't catch that. I can book, change or cancel a table.",
                 "I'm not sure I understood. Could you put it another way?",
                 "Sorry, that's beyond me. I only look after table bookings."],
    "ask_task": ["What can I do for you: book a table, or change or cancel a booking?",
                 "Would you like to book, change or cancel a table?"],
    "request_date": ["Which day would you like to come?", "For which day?", "What day should I book it for?"],
    "request_time": ["What time would suit you?", "At what time?", "What time should I put you down for?"],
    "request_people": ["How many people will there be?", "For how many people?", "How many of you are coming?"],
    "request_name": ["Under which name is the booking?", "Can I have a name for the booking?", "What name should I use?"],
    "confirm_booking": ["So that's a table for {people} {date} at {time}, under {name}. Shall I book it?",
                        "Let me check: {people}, {date} at {time}, name {name}. Is that right?",
                        "A table for {people} {date} at {time} for {name}: shall I go ahead?"],
    "booked": ["Done! Your table for {people} is booked {date} at {time}, {name}.",
               "All booked: {people} {date} at {time} under {name}. See you then!",
               "Great, that's booked: {date} at {time} for {people}."],
    "ask_change": ["I've found the booking for {name}: {people} {date} at {time}. What would you like to change?",
                   "Your booking is {date} at {time} for {people}. What should I change?"],
    "confirm_change": ["So the booking for {name} becomes {people} {date} at {time}. Is that right?",
                       "I'll change it to {people} {date} at {time}. Shall I go ahead?"],
    "changed": ["Done, your booking is now {people} {date} at {time}.",
                "All changed: {people} {date} at {time}, {name}.",
                "That's updated: {date} at {time} for {people}."],
    "confirm_cancel": ["You'd like to cancel the table for {people} {date} at {time}, under {name}. Are you sure?",
                       "Shall I cancel {name}'s booking {date} at {time}?"],
    "cancelled": ["Your booking {date} at {time} is cancelled. Hope to see you another time!",
                  "Done, I've cancelled the table for {name}.", "That's cancelled. Sorry we won't see you!"],
    "no_booking": ["I can't find a booking under {name}. Could you check the name?",
                   "Sorry, there's no booking for {name}."],
    "ask_correction": ["Sorry about that. What should I change?", "No problem. Which part is wrong?"],
    "kept_booking": ["No problem, your booking {date} at {time} stays as it is.", "Okay, I've kept your booking."],
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def format_value(kind: str, value) -> str:
    """How a slot reads in a sentence.

    - people: ``1`` -> "1 person", ``4`` -> "4 people";
    - time: ``"19:00"`` -> "7 pm", ``"19:30"`` -> "7:30 pm", ``"12:00"`` -> "noon", ``"11:15"`` -> "11:15 am";
    - date: ``"today"`` and ``"tomorrow"`` stay, ``"friday"`` -> "on Friday",
      ``"next saturday"`` -> "next Saturday";
    - name: as it is.
    """
    if kind == "people":
        return f"{value} person" if int(value) == 1 else f"{value} people"
    if kind == "time":
        h, m = (int(x) for x in str(value).split(":"))
        if (h, m) == (12, 0):
            return "noon"
        suffix = "pm" if h > 12 else "am"
        h12 = h % 12 or 12
        return f"{h12} {suffix}" if m == 0 else f"{h12}:{m:02d} {suffix}"
    if kind == "date":
        if value in ("today", "tomorrow"):
            return value
        if value.startswith("next "):
            return "next " + value[5:].capitalize()
        return "on " + value.capitalize()
    return str(value)


class Responder:
    """Picks a template for an action and fills it in."""

    def __init__(self, seed: int = 0, responses: dict | None = None):
        self.rng = random.Random(seed)
        self.responses = responses or RESPONSES
        self.last: dict[str, int] = {}

    def render(self, action, slots: dict | None = None, reprompt: str | None = None) -> str:
        """The reply for ``action`` (a name in ``responses``) with its ``slots``.

        Choose among the action's templates at random (with ``self.rng``), but never the one used
        for the same action last time, when there is more than one. Fill every placeholder with
        ``format_value``; a template whose placeholders are not all known is never chosen (and
        if none fits, use the ``fallback``). An unknown action gets a ``fallback`` reply. When
        ``reprompt`` names an action, append one of its replies (a question left pending).
        """
        slots = slots or {}
        options = self.responses.get(action)
        if options is None:
            return self.render("fallback")
        usable = [i for i, t in enumerate(options) if all(k in slots for k in _PLACEHOLDER.findall(t))]
        if not usable:
            return self.render("fallback") if action != "fallback" else options[0]
        if len(usable) > 1 and self.last.get(action) in usable:
            usable.remove(self.last[action])
        choice = self.rng.choice(usable)
        self.last[action] = choice
        text = _PLACEHOLDER.sub(lambda m: format_value(m.group(1), slots[m.group(1)]), options[choice])
        if reprompt:
            text += " " + self.render(reprompt, slots)
        return text
