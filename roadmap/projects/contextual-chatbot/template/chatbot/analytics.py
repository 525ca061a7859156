"""Milestone 6: conversation analytics from the bot's event log. Fill in ``compute_analytics``."""
from __future__ import annotations

from collections import Counter  # noqa: F401

TASKS = ("book", "change", "cancel")


def compute_analytics(events: list[dict]) -> dict:
    """Summarise an event log (one dict per turn, as ``Bot.reply`` logs them).

    Returns:

    - ``turns``: the number of turns; ``sessions``: the number of distinct ``session`` values;
    - ``intent_counts``: ``{intent: turns}`` over the intents the NLU predicted;
    - ``fallback_rate``: the share of turns whose ``action`` was ``"fallback"`` (0.0 for no turns);
    - ``completed_tasks``: ``{task: count}`` for every task in ``TASKS`` (0 when none);
    - ``turns_per_completed_task``: the mean ``task_turns`` of the turns that completed a task
      (None when none did);
    - ``turns_per_session``: ``turns / sessions`` (0.0 for no turns).
    """
    # TODO
    raise NotImplementedError("TODO: compute the analytics")
