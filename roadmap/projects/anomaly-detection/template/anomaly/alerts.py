"""Turn a stream of per-step anomaly flags into alerts, one per incident.

Milestone 5. Fill in ``AlertManager.process``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional


@dataclass
class Alert:
    start: int  # first anomalous step of the incident
    end: int  # last anomalous step seen so far
    peak_score: float  # largest score during the incident
    count: int  # number of anomalous steps in the incident
    open: bool = True  # False once the incident is over


class AlertManager:
    """De-duplicates alerts: a burst of anomalous steps is ONE incident, so ONE alert.

    - An incident opens at the first anomalous step: create an ``Alert``, append it to
      ``self.alerts``, call ``self.notify(alert)`` (when notify is set) and return it.
    - While it is open, further anomalous steps extend it (end, count, peak_score) and
      ``process`` returns None.
    - It closes (``open = False``) as soon as a step arrives more than ``cooldown`` steps after
      its last anomalous step. An anomaly after that opens a NEW incident.
    """

    def __init__(self, cooldown: int = 10, notify: Optional[Callable[[Alert], None]] = None):
        self.cooldown = cooldown
        self.notify = notify
        self.alerts: List[Alert] = []

    @property
    def current(self) -> Optional[Alert]:
        """The open incident, if there is one."""
        if self.alerts and self.alerts[-1].open:
            return self.alerts[-1]
        return None

    def process(self, step: int, is_anomaly: bool, score: float = 0.0) -> Optional[Alert]:
        """Handle one step; return the new Alert when this step opens an incident, else None."""
        # TODO: close the current incident if it has been quiet for more than `cooldown` steps,
        #       then extend it or open a new one when `is_anomaly` is true.
        raise NotImplementedError("TODO: group anomalous steps into incidents")
