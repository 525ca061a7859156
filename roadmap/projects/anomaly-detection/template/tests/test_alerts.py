"""Milestone 5: one incident raises one alert."""
import numpy as np

from anomaly.alerts import AlertManager
from anomaly.data import make_stream
from anomaly.streaming import StreamingDetector


def _feed(manager, anomalous_steps, n_steps, scores=None):
    for step in range(n_steps):
        score = (scores or {}).get(step, 0.0)
        manager.process(step, step in anomalous_steps, score)


def test_one_incident_one_alert():
    sent = []
    manager = AlertManager(cooldown=5, notify=sent.append)
    # A flapping incident: the gaps (1 to 3 normal steps) are shorter than the cooldown.
    steps = {10, 11, 13, 14, 17}
    _feed(manager, steps, 40, scores={10: 6.5, 11: 9.0, 13: 7.0, 14: 6.1, 17: 8.0})
    assert len(manager.alerts) == 1, f"one incident must raise ONE alert, got {len(manager.alerts)}"
    assert len(sent) == 1, f"notify must be called once per incident, got {len(sent)} calls"
    alert = manager.alerts[0]
    assert (alert.start, alert.end, alert.count) == (10, 17, 5), (
        f"expected start=10, end=17, count=5, got start={alert.start}, end={alert.end}, count={alert.count}"
    )
    assert alert.peak_score == 9.0, f"peak_score should be the largest score (9.0), got {alert.peak_score}"
    assert not alert.open, "more than `cooldown` quiet steps after step 17, the incident must be closed"


def test_separate_incidents_separate_alerts():
    sent = []
    manager = AlertManager(cooldown=5, notify=sent.append)
    returned = []
    for step in range(60):
        returned.append(manager.process(step, step in {10, 11, 12, 30, 31}, 7.0))
    assert len(manager.alerts) == 2, (
        f"two bursts 18 steps apart (cooldown 5) are two incidents, got {len(manager.alerts)} alerts"
    )
    assert [a.start for a in manager.alerts] == [10, 30], "alerts should start at steps 10 and 30"
    assert [step for step, r in enumerate(returned) if r is not None] == [10, 30], (
        "process() returns the new Alert only on the step that opens an incident, otherwise None"
    )
    assert len(sent) == 2, "notify must be called once for each of the two incidents"


def test_cooldown_is_the_longest_quiet_gap():
    # Anomalies at steps 0 and `gap`: the incident is still open at step `gap` when
    # gap - 0 <= cooldown, and closed (a new alert) when gap > cooldown.
    for cooldown, gap, alerts in ((3, 3, 1), (3, 4, 2), (12, 12, 1), (12, 13, 2)):
        manager = AlertManager(cooldown=cooldown)
        _feed(manager, {0, gap}, gap + 1)
        assert len(manager.alerts) == alerts, (
            f"cooldown={cooldown}, anomalies at steps 0 and {gap}: expected {alerts} alert(s), got "
            f"{len(manager.alerts)}. An incident closes when MORE than `cooldown` steps have passed since "
            "its last anomalous step"
        )


def test_stream_to_single_alert():
    values, labels = make_stream(n=600, anomaly_start=400, anomaly_length=12, seed=5)
    detector = StreamingDetector(window=40, threshold=6.0)
    manager = AlertManager(cooldown=10)
    for step, value in enumerate(values):
        result = detector.update(value)
        manager.process(step, result.is_anomaly, result.score)
    assert len(manager.alerts) == 1, (
        f"the stream holds one incident, so exactly one alert is expected, got {len(manager.alerts)}: "
        f"{manager.alerts}"
    )
    alert = manager.alerts[0]
    assert 400 <= alert.start < 403, f"the alert should start within 3 steps of step 400, got {alert.start}"
    assert alert.count >= 10, f"the alert should cover most of the 12 anomalous steps, got {alert.count}"
    assert np.isfinite(alert.peak_score) and alert.peak_score > 6.0, "peak_score should be the highest score seen"
