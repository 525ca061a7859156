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
        # TODO: milestone 3: rules 1-3, 5-6 and the book and cancel flows; milestone 4: the
        #       change flow, the overrides of rule 4, rule 7, and the reprompts. Helper methods
        #       (starting a flow, continuing it, committing, ending it) keep this readable.
        raise NotImplementedError("TODO: handle one turn of the dialogue")
