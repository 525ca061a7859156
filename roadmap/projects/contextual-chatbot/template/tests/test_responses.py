"""Milestone 5: replies from templates, with variation and readable values."""
import re

from chatbot.dialogue import DialogueManager, DialogueState, Restaurant
from chatbot.responses import RESPONSES, Responder, format_value
from tests.helpers import nlu

SLOTS = {"people": 4, "date": "friday", "time": "19:30", "name": "Okafor"}


def test_format_values():
    cases = [("people", 1, "1 person"), ("people", 4, "4 people"), ("time", "19:00", "7 pm"),
             ("time", "19:30", "7:30 pm"), ("time", "12:00", "noon"), ("time", "11:15", "11:15 am"),
             ("time", "00:30", "12:30 am"), ("time", "12:45", "12:45 pm"), ("date", "today", "today"), ("date", "friday", "on Friday"),
             ("date", "next saturday", "next Saturday"), ("name", "Okafor", "Okafor")]
    for kind, value, want in cases:
        assert format_value(kind, value) == want, f"format_value({kind!r}, {value!r}) should be {want!r}"


def test_every_action_renders_without_placeholders():
    responder = Responder(seed=1)
    for action in RESPONSES:
        for _ in range(4):
            text = responder.render(action, SLOTS)
            assert text and "{" not in text and "}" not in text, f"{action}: {text!r}"
    text = Responder(seed=0).render("booked", SLOTS)
    assert "Okafor" in text or "4 people" in text or "7:30 pm" in text


def test_replies_vary_but_never_repeat_back_to_back():
    responder = Responder(seed=3)
    replies = [responder.render("request_time") for _ in range(30)]
    assert len(set(replies)) >= 2, "choose among the templates at random"
    assert all(a != b for a, b in zip(replies, replies[1:])), "never the same reply twice in a row"
    again = Responder(seed=3)
    assert [again.render("request_time") for _ in range(30)] == replies, "the same seed gives the same replies"


def test_template_choice_rules():
    responder = Responder(seed=0, responses={"a": ["x {time}", "y"], "fallback": ["sorry"], "b": ["ask {name}"],
                                             "q": ["when?"]})
    assert {responder.render("a", {}) for _ in range(5)} == {"y"}, "a template whose slots are unknown is never used"
    assert responder.render("b", {}) == "sorry", "no usable template: the fallback"
    assert responder.render("nothing like it", {}) == "sorry", "an unknown action: the fallback"
    assert responder.render("a", {}, reprompt="q") == "y when?", "a reprompt adds the pending question"


def test_replies_follow_the_dialogue():
    manager, state, responder = DialogueManager(Restaurant()), DialogueState(), Responder(seed=0)
    a = manager.handle(state, nlu("book_table", people=2, date="today", time="20:00"))
    assert responder.render(a.name, a.slots, a.reprompt) in RESPONSES["request_name"]
    a = manager.handle(state, nlu("ask_hours"))
    text = responder.render(a.name, a.slots, a.reprompt)
    assert any(text.startswith(t) for t in RESPONSES["opening_hours"]) and text.endswith("?"), (
        f"opening hours, then the pending question again: {text!r}"
    )
    a = manager.handle(state, nlu("inform", name="Kim"))
    text = responder.render(a.name, a.slots, a.reprompt)
    assert "8 pm" in text and "Kim" in text and re.search(r"\b2 people\b", text), text
