"""Milestones 3 and 4: dialogue management with slots, several flows, and context across turns.

The dialogue manager never sees text. Each turn it gets what the NLU understood (an ``NLU``:
intent, confidence, entity values) and the conversation's ``DialogueState``, updates the state,
and answers an ``Action``: what the bot should do next. ``responses.py`` turns actions into words.

Three flows (tasks) can be active, one at a time:

- ``"book"``: collect ``date``, ``time``, ``people`` and ``name`` (asking for the first missing
  one, in that order), confirm, then store the booking;
- ``"change"``: find an existing booking (by name), collect what should change, confirm, apply;
- ``"cancel"``: find an existing booking, confirm, delete it.

The actions, and the values they carry in ``Action.slots``:

| action | when | slots |
|---|---|---|
| ``greet``, ``goodbye``, ``you_are_welcome``, ``opening_hours`` | small talk and questions | |
| ``fallback`` | out of scope, or confidence below the threshold | |
| ``ask_task`` | nothing is going on and the turn does not start anything | |
| ``request_date`` / ``request_time`` / ``request_people`` / ``request_name`` | a slot is missing | what is known |
| ``confirm_booking`` | all four booking slots are filled | date, time, people, name |
| ``booked`` | the user said yes to ``confirm_booking`` | the booking |
| ``ask_change`` | a change flow knows the booking but not what to change | the booking |
| ``confirm_change`` | a change flow knows the booking and the new values | the booking as it will be |
| ``changed`` | the user said yes to ``confirm_change`` | the booking as it now is |
| ``confirm_cancel`` | a cancel flow found the booking | the booking |
| ``cancelled`` | the user said yes to ``confirm_cancel`` | the booking that was removed |
| ``no_booking`` | no booking exists under the name given (the flow ends) | name |
| ``ask_correction`` | the user said no to ``confirm_booking`` or ``confirm_change`` | what is known |
| ``kept_booking`` | the user said no to ``confirm_cancel`` (the flow ends) | the booking |

``Action.reprompt`` repeats the pending question after a digression (opening hours, a greeting,
a fallback in the middle of a flow): it is the action that asked it, for example
``"request_time"``, or None.
"""
from __future__ import annotations

from dataclasses import dataclass, field

BOOKING_SLOTS = ("date", "time", "people", "name")   # asked for in this order
TASK_ACTIONS = {"booked": "book", "changed": "change", "cancelled": "cancel"}


@dataclass
class NLU:
    intent: str
    confidence: float = 1.0
    entities: dict = field(default_factory=dict)   # {"people": 4, "time": "19:30", ...}


@dataclass
class DialogueState:
    flow: str | None = None        # "book", "change", "cancel" or None
    slots: dict = field(default_factory=dict)      # the booking being made / the one being changed
    changes: dict = field(default_factory=dict)    # change flow: the new values
    requested: str | None = None   # the action that asked the pending question ("request_time", ...)
    confirming: bool = False       # waiting for a yes or a no to a confirm_* action
    booking_name: str | None = None  # the booking this conversation made or last dealt with
    flow_turns: int = 0            # turns since the current flow started (the first one counts)


@dataclass
class Action:
    name: str
    slots: dict = field(default_factory=dict)
    reprompt: str | None = None
    completed: str | None = None   # "book", "change" or "cancel" when this turn finished a task
    task_turns: int | None = None  # how many turns that task took


class Restaurant:
    """The bookings, shared by every conversation: ``{name: {"date", "time", "people"}}`` (GIVEN)."""

    def __init__(self, bookings: dict | None = None):
        self.bookings = {k: dict(v) for k, v in (bookings or {}).items()}


class DialogueManager:
    def __init__(self, restaurant: Restaurant, threshold: float = 0.5):
        self.restaurant = restaurant
        self.threshold = threshold

    # ── milestones 3 and 4 ────────────────────────────────────────────────────────────────
    def handle(self, state: DialogueState, nlu: NLU) -> Action:
        """One turn: update ``state`` from ``nlu`` and return the next ``Action``.

        The rules (the checks test each one):

        1. Turns: when a flow is active at the start of the turn, ``state.flow_turns += 1``;
           starting a flow sets it to 1. A task's ``task_turns`` is the value when it completes.
        2. ``out_of_scope``, or a confidence below ``self.threshold``: ``fallback``. Ignore the
           entities. Inside a flow, set ``reprompt`` to ``state.requested``.
        3. ``greet``, ``goodbye``, ``thanks``, ``ask_hours``: ``greet``, ``goodbye``,
           ``you_are_welcome``, ``opening_hours``, with the same ``reprompt`` rule.
        4. ``book_table``, ``change_booking``, ``cancel_booking`` ask for the flows ``book``,
           ``change`` and ``cancel``. Asking for the flow that is already active continues it,
           and so does ``change_booking`` during a booking ("make it 7 pm instead": only the
           slots it names change). Otherwise start the new flow from empty slots. For ``change``
           and ``cancel``, if ``state.booking_name`` is still booked in the restaurant, load that
           booking (with its name) as the slots: the conversation remembers its booking.
        5. ``inform``: continue the active flow with the entities, or ``ask_task`` when there is none.
        6. ``affirm`` to a confirmation: commit. ``book`` stores the booking, ``change`` stores the
           booking with the changes, and ``cancel`` deletes it. The action is ``booked``,
           ``changed`` or ``cancelled``, with ``completed`` and ``task_turns``.
           ``state.booking_name`` becomes the booking's name (None after a cancel), and the flow
           ends. An ``affirm`` or ``deny`` that answers no confirmation repeats the pending
           question (``Action(state.requested, ...)``) in a flow, and is ``ask_task`` outside one.
        7. ``deny`` to a confirmation: in ``cancel``, ``kept_booking`` and the flow ends. In
           ``book`` and ``change``, ``ask_correction``: stop confirming, and let the next turn say
           what to change.

        Continuing a flow with some entities:

        - ``book``: copy the entities into ``state.slots``. Then either ask for the first missing
          slot in ``BOOKING_SLOTS`` (``request_<slot>``), or, with all four known,
          ``confirm_booking`` and ``state.confirming = True``.
        - ``change`` / ``cancel``: a ``name`` entity other than the loaded booking's selects that
          booking. An unknown name is ``no_booking``, and the flow ends. With no booking known,
          ask ``request_name`` (a ``change`` keeps the other entities as changes meanwhile).
          ``cancel`` then asks ``confirm_cancel``. ``change`` adds the other entities to
          ``state.changes``: with none it asks ``ask_change``, otherwise ``confirm_change``.

        Keep ``state.requested`` = the name of the last action that asked something, and give
        every action what is known (``{**state.slots, **state.changes}``) as its slots. A flow
        that ends leaves ``flow=None``, empty ``slots`` and ``changes``, ``requested=None``,
        ``confirming=False`` and ``flow_turns=0``.
        """
        if state.flow:
            state.flow_turns += 1
        intent = nlu.intent
        if intent == "out_of_scope" or nlu.confidence < self.threshold:
            return self._aside("fallback", state)
        if intent in ("greet", "goodbye", "thanks", "ask_hours"):
            name = {"greet": "greet", "goodbye": "goodbye", "thanks": "you_are_welcome",
                    "ask_hours": "opening_hours"}[intent]
            return self._aside(name, state)
        flow = {"book_table": "book", "change_booking": "change", "cancel_booking": "cancel"}.get(intent)
        if flow is not None:
            # Staying in the same flow keeps what is known. A change of mind while booking ("make
            # it 7 pm instead") stays in the booking and overrides only the slots it names.
            if state.flow != flow:  # no context: a new request starts from scratch
                self._start(state, flow)
                if flow == "change" and not state.slots:
                    self._start(state, "book")
            return self._continue(state, nlu.entities)
        if intent == "inform":
            if state.flow is None:
                return Action("ask_task")
            return self._continue(state, nlu.entities)
        if intent == "affirm":
            if state.confirming:
                return self._commit(state)
            return self._aside(None, state)
        if intent == "deny":
            if state.confirming and state.flow == "cancel":
                return self._end(state, Action("kept_booking", dict(state.slots)))
            if state.confirming:
                state.confirming = False
                state.requested = "ask_correction"
                return Action("ask_correction", self._known(state))
            return self._aside(None, state)
        return self._aside("fallback", state)

    def _start(self, state: DialogueState, flow: str) -> None:
        state.flow, state.slots, state.changes = flow, {}, {}
        state.requested, state.confirming, state.flow_turns = None, False, 1
        if flow in ("change", "cancel") and state.booking_name in self.restaurant.bookings:
            state.slots = dict(self.restaurant.bookings[state.booking_name], name=state.booking_name)

    def _known(self, state: DialogueState) -> dict:
        return {**state.slots, **state.changes}

    def _aside(self, name: str | None, state: DialogueState) -> Action:
        """Small talk or a fallback: answer it and, inside a flow, repeat the pending question."""
        if name is None:  # a yes or a no that answers nothing
            if state.flow is None:
                return Action("ask_task")
            return Action(state.requested or "ask_task", self._known(state))
        return Action(name, self._known(state), reprompt=state.requested if state.flow else None)

    def _continue(self, state: DialogueState, entities: dict) -> Action:
        if state.flow == "book":
            state.slots.update({k: v for k, v in entities.items() if k in BOOKING_SLOTS and v is not None})
            for slot in BOOKING_SLOTS:
                if slot not in state.slots:
                    state.confirming, state.requested = False, f"request_{slot}"
                    return Action(state.requested, dict(state.slots))
            state.confirming, state.requested = True, "confirm_booking"
            return Action("confirm_booking", dict(state.slots))
        # change and cancel: first find the booking
        name = entities.get("name")
        if name is not None and name != state.slots.get("name"):
            if name not in self.restaurant.bookings:
                return self._end(state, Action("no_booking", {"name": name}))
            state.slots = dict(self.restaurant.bookings[name], name=name)
        if "name" not in state.slots:
            if state.flow == "change":
                state.changes.update({k: v for k, v in entities.items() if k != "name" and v is not None})
            state.confirming, state.requested = False, "request_name"
            return Action("request_name", {})
        if state.flow == "cancel":
            state.confirming, state.requested = True, "confirm_cancel"
            return Action("confirm_cancel", dict(state.slots))
        state.changes.update({k: v for k, v in entities.items() if k != "name" and v is not None})
        if not state.changes:
            state.confirming, state.requested = False, "ask_change"
            return Action("ask_change", dict(state.slots))
        state.confirming, state.requested = True, "confirm_change"
        return Action("confirm_change", self._known(state))

    def _commit(self, state: DialogueState) -> Action:
        booking = self._known(state)
        name = booking["name"]
        if state.flow == "book":
            self.restaurant.bookings[name] = {k: booking[k] for k in ("date", "time", "people")}
            action = Action("booked", booking)
        elif state.flow == "change":
            self.restaurant.bookings[name] = {k: booking[k] for k in ("date", "time", "people")}
            action = Action("changed", booking)
        else:
            self.restaurant.bookings.pop(name, None)
            action = Action("cancelled", booking)
        action.completed, action.task_turns = state.flow, state.flow_turns
        state.booking_name = None if state.flow == "cancel" else name
        return self._end(state, action)

    def _end(self, state: DialogueState, action: Action) -> Action:
        state.flow, state.slots, state.changes = None, {}, {}
        state.requested, state.confirming, state.flow_turns = None, False, 0
        return action
