"""Milestone 4: context across turns: changes of mind, follow-ups, digressions, corrections."""
from chatbot.bot import Bot
from chatbot.dialogue import DialogueManager, DialogueState, Restaurant
from tests.helpers import nlu

FULL = dict(people=4, date="friday", time="19:30", name="Okafor")


def test_change_of_mind_overrides_only_that_slot():
    manager, state = DialogueManager(Restaurant()), DialogueState()
    manager.handle(state, nlu("book_table", people=4, date="friday"))
    a = manager.handle(state, nlu("change_booking", people=6))        # "actually, make that six people"
    assert a.name == "request_time" and state.slots == {"people": 6, "date": "friday"}, (
        f"while booking, a change of mind updates that slot and keeps asking; got {a.name}, {state.slots}"
    )
    manager.handle(state, nlu("inform", time="19:30", name="Okafor"))
    a = manager.handle(state, nlu("change_booking", time="19:00"))   # "make it 7 pm instead"
    assert a.name == "confirm_booking"
    assert a.slots == {"people": 6, "date": "friday", "time": "19:00", "name": "Okafor"}, (
        f"only the time may change; got {a.slots}"
    )


def test_make_it_seven_after_the_booking():
    restaurant = Restaurant()
    manager, state = DialogueManager(restaurant), DialogueState()
    manager.handle(state, nlu("book_table", **FULL))
    assert manager.handle(state, nlu("affirm")).name == "booked"
    a = manager.handle(state, nlu("change_booking", time="19:00"))   # no name: the booking just made
    assert a.name == "confirm_change", f"the conversation remembers its booking; got {a.name}"
    assert a.slots == dict(FULL, time="19:00")
    a = manager.handle(state, nlu("affirm"))
    assert a.name == "changed" and a.completed == "change" and a.task_turns == 2
    assert restaurant.bookings == {"Okafor": {"date": "friday", "time": "19:00", "people": 4}}


def test_change_flow_asks_for_the_booking_and_the_change():
    restaurant = Restaurant({"Mensah": {"date": "today", "time": "20:00", "people": 2}})
    manager, state = DialogueManager(restaurant), DialogueState()
    assert manager.handle(state, nlu("change_booking")).name == "request_name"
    a = manager.handle(state, nlu("inform", name="Mensah"))
    assert a.name == "ask_change" and a.slots["time"] == "20:00"
    a = manager.handle(state, nlu("inform", people=5))
    assert a.name == "confirm_change" and a.slots == {"name": "Mensah", "date": "today", "time": "20:00", "people": 5}
    assert manager.handle(state, nlu("affirm")).name == "changed"
    assert restaurant.bookings["Mensah"] == {"date": "today", "time": "20:00", "people": 5}
    state = DialogueState()
    manager.handle(state, nlu("change_booking", date="sunday"))       # the change first, the name after
    a = manager.handle(state, nlu("inform", name="Mensah"))
    assert a.name == "confirm_change" and a.slots["date"] == "sunday" and a.slots["people"] == 5


def test_digressions_return_to_the_pending_question():
    manager, state = DialogueManager(Restaurant()), DialogueState()
    manager.handle(state, nlu("book_table", people=2, date="today"))
    a = manager.handle(state, nlu("ask_hours"))
    assert a.name == "opening_hours" and a.reprompt == "request_time", (
        f"answer the question, then ask again what was pending; got {a.name} / {a.reprompt}"
    )
    a = manager.handle(state, nlu("out_of_scope"))
    assert a.name == "fallback" and a.reprompt == "request_time"
    assert state.flow == "book" and state.slots == {"people": 2, "date": "today"}, "a digression keeps the flow"
    assert manager.handle(state, nlu("inform", time="18:00")).name == "request_name"


def test_corrections_at_the_confirmation():
    restaurant = Restaurant()
    manager, state = DialogueManager(restaurant), DialogueState()
    manager.handle(state, nlu("book_table", **FULL))
    assert manager.handle(state, nlu("deny")).name == "ask_correction"
    a = manager.handle(state, nlu("inform", date="saturday"))
    assert a.name == "confirm_booking" and a.slots == dict(FULL, date="saturday")
    manager.handle(state, nlu("affirm"))
    assert restaurant.bookings["Okafor"]["date"] == "saturday"
    manager.handle(state, nlu("cancel_booking"))
    a = manager.handle(state, nlu("deny"))
    assert a.name == "kept_booking" and "Okafor" in restaurant.bookings and state.flow is None


SCRIPTS = [
    (["hello", "I'd like to book a table for four on friday", "at 8 pm", "the name is Okafor", "yes please"],
     {"Okafor": {"date": "friday", "time": "20:00", "people": 4}}),
    (["can I reserve a table for two people tomorrow at 7 pm under Chen", "actually make it 9 pm instead", "yes"],
     {"Chen": {"date": "tomorrow", "time": "21:00", "people": 2}}),
    (["table for 6 at 7pm", "saturday", "when are you open", "Garcia", "yes"],
     {"Garcia": {"date": "saturday", "time": "19:00", "people": 6}}),
]


def test_scripted_conversations_end_in_the_right_state(trained):
    nlu_model = trained()["nlu"]
    for script, expected in SCRIPTS:
        bot = Bot(nlu_model)
        for text in script:
            bot.reply("s", text)
        assert bot.restaurant.bookings == expected, (
            f"after {script} the bookings should be {expected}, got {bot.restaurant.bookings}; "
            f"actions: {[e['action'] for e in bot.events]}"
        )
    bot = Bot(nlu_model, Restaurant({"Nowak": {"date": "monday", "time": "19:00", "people": 3}}))
    for text in ["I need to change my booking", "it's Nowak", "we'll be 5 people", "yes"]:
        bot.reply("s", text)
    assert bot.restaurant.bookings == {"Nowak": {"date": "monday", "time": "19:00", "people": 5}}
    for text in ["please cancel the reservation under Nowak", "yes"]:
        bot.reply("t", text)
    assert bot.restaurant.bookings == {}
