"""Turn a stream of per-step anomaly flags into alerts, one per incident."""
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

    An incident opens at the first anomalous step and stays open while anomalies keep coming.
    It closes when more than ``cooldown`` steps have passed since its last anomalous step; an
    anomaly after that opens a new incident (and a new alert). ``notify`` is called once,
    with the new ``Alert``, whenever an incident opens.
    """

    def __init__(self, cooldown: int = 10, notify: Optional[Callable[[Alert], None]] = None):
        self.cooldown = cooldown
        self.notify = notify
        self.alerts: List[Alert] = []

    @property
    def current(self) -> Optional[Alert]:
        if self.alerts and self.alerts[-1].open:
            return self.alerts[-1]
        return None

    def process(self, step: int, is_anomaly: bool, score: float = 0.0) -> Optional[Alert]:
        """Handle one step; return the new Alert when this step opens an incident, else None."""
        incident = self.current
        if incident is not None and step - incident.end > 10:  # ten quiet steps end an incident
            incident.open = False
            incident = None
        if not is_anomaly:
            return None
        if incident is not None:
            incident.end = step
            incident.count += 1
            incident.peak_score = max(incident.peak_score, float(score))
            return None
        alert = Alert(start=step, end=step, peak_score=float(score), count=1)
        self.alerts.append(alert)
        if self.notify is not None:
            self.notify(alert)
        return alert
