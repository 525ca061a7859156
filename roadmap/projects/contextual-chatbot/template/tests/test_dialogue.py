"""Milestone 3: slots and flows. The NLU is scripted here, so only the dialogue manager is tested."""
from chatbot.dialogue import DialogueManager, DialogueState, Restaurant
from tests.helpers import nlu


def run(manager, state, turns):
    return [manager.handle(state, t) for t in turns]


def test_booking_asks_for_missing_slots_in_order():
    restaurant = Restaurant()
    manager, state = DialogueManager(restaurant), DialogueState()
    actions = run(manager, state, [
        nlu("book_table", people=4),
        nlu("inform", date="friday"),
        nlu("inform", time="19:30"),
        nlu("inform", name="Okafor"),
    ])
    assert [a.name for a in actions] == ["request_date", "request_time", "request_name", "confirm_booking"], (
        f"ask for the first missing slot (date, time, people, name), then confirm; got {[a.name for a in actions]}"
    )
    assert actions[-1].slots == {"people": 4, "date": "friday", "time": "19:30", "name": "Okafor"}
    assert restaurant.bookings == {}, "nothing is booked before the user confirms"
    done = manager.handle(state, nlu("affirm"))
    assert done.name == "booked" and done.completed == "book" and done.task_turns == 5, (
        f"the yes completes the task, five turns after it started; got {done}"
    )
    assert restaurant.bookings == {"Okafor": {"date": "friday", "time": "19:30", "people": 4}}
    assert state.flow is None and state.slots == {}, "a finished flow leaves a clean state"


def test_booking_in_one_go_and_slots_in_any_order():
    restaurant = Restaurant()
    manager, state = DialogueManager(restaurant), DialogueState()
    a = manager.handle(state, nlu("book_table", people=2, date="today", time="20:00", name="Lind"))
    assert a.name == "confirm_booking"
    assert manager.handle(state, nlu("affirm")).name == "booked" and "Lind" in restaurant.bookings
    state = DialogueState()
    a = manager.handle(state, nlu("book_table", time="18:00", name="Chen"))
    assert a.name == "request_date"
    a = manager.handle(state, nlu("inform", people=3))      # an answer to a question not asked yet
    assert a.name == "request_date" and state.slots["people"] == 3


def test_cancel_flow():
    restaurant = Restaurant({"Okafor": {"date": "friday", "time": "19:30", "people": 4}})
    manager, state = DialogueManager(restaurant), DialogueState()
    assert manager.handle(state, nlu("cancel_booking")).name == "request_name"
    a = manager.handle(state, nlu("inform", name="Okafor"))
    assert a.name == "confirm_cancel" and a.slots["time"] == "19:30", "show the booking before cancelling it"
    a = manager.handle(state, nlu("affirm"))
    assert a.name == "cancelled" and a.completed == "cancel" and a.task_turns == 3
    assert restaurant.bookings == {}
    a = manager.handle(state, nlu("cancel_booking", name="Nobody"))
    assert a.name == "no_booking" and state.flow is None, "an unknown name ends the flow"


def test_small_talk_and_fallback():
    manager, state = DialogueManager(Restaurant(), threshold=0.5), DialogueState()
    assert manager.handle(state, nlu("greet")).name == "greet"
    assert manager.handle(state, nlu("thanks")).name == "you_are_welcome"
    assert manager.handle(state, nlu("ask_hours")).name == "opening_hours"
    assert manager.handle(state, nlu("out_of_scope")).name == "fallback"
    assert manager.handle(state, nlu("book_table", confidence=0.3, people=4)).name == "fallback", (
        "below the confidence threshold, fall back instead of guessing"
    )
    assert state.flow is None and state.slots == {}, "a fallback must not start a flow or keep its entities"
    assert manager.handle(state, nlu("inform", time="19:00")).name == "ask_task"
    assert manager.handle(state, nlu("goodbye")).name == "goodbye"
