"""Milestone 6: conversation analytics from the bot's event log."""
from __future__ import annotations

from collections import Counter

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
    turns = len(events)
    sessions = len({e["session"] for e in events})
    done = [e for e in events if e.get("completed")]
    return {
        "turns": turns,
        "sessions": sessions,
        "intent_counts": dict(Counter(e["intent"] for e in events)),
        "fallback_rate": sum(e["action"] == "fallback" for e in events) / turns if turns else 0.0,
        "completed_tasks": {t: sum(e["completed"] == t for e in done) for t in TASKS},
        "turns_per_completed_task": sum(e["task_turns"] for e in done) / len(done) if done else None,
        "turns_per_session": turns / sessions if sessions else 0.0,
    }
