"""Milestone 4: a streaming detector that sees one value at a time."""
import numpy as np

from anomaly.data import make_stream
from anomaly.streaming import StreamingDetector

K_STEPS = 3


def test_warmup_never_flags():
    detector = StreamingDetector(window=10, threshold=6.0)
    results = [detector.update(v) for v in [5.0, 5.1, 4.9, 500.0, 5.0]]
    assert not any(r.is_anomaly for r in results), (
        "nothing may be flagged before the window holds `window` values (warm-up)"
    )
    constant = StreamingDetector(window=10, threshold=6.0)
    scores = [constant.update(7.0).score for _ in range(30)]
    assert np.isfinite(scores).all(), "a constant signal has MAD 0: guard the division (min_scale)"
    jump = constant.update(9.0)
    assert jump.is_anomaly, "after a perfectly constant signal, a jump of 2 is an anomaly"


def test_score_is_a_robust_z_score_by_hand():
    detector = StreamingDetector(window=5, threshold=6.0)
    for v in [1.0, 2.0, 3.0, 4.0, 100.0]:
        detector.update(v)  # warm-up: the window is now 1, 2, 3, 4, 100
    # median 3; absolute deviations 2, 1, 0, 1, 97 -> MAD 1; scale 1.4826 * 1; score |6 - 3| / 1.4826.
    # (A mean and standard deviation, 22 and 39.0, would let the 100 hide everything: score 0.41.)
    first = detector.update(6.0)
    assert np.isclose(first.score, 3 / 1.4826) and not first.is_anomaly, (
        f"score = |x - median(window)| / (1.4826 * MAD(window)): expected {3 / 1.4826:.4f}, got {first.score:.4f}"
    )
    # 6 was normal, so the window slides to 2, 3, 4, 100, 6: median 4, MAD 2, scale 2.9652.
    jump = detector.update(30.0)
    assert np.isclose(jump.score, 26 / 2.9652) and jump.is_anomaly, (
        f"after 6 joined the window (2, 3, 4, 100, 6), 30 scores (30 - 4) / 2.9652 = {26 / 2.9652:.3f} and is "
        f"flagged; got {jump.score:.3f}"
    )
    back = detector.update(4.0)
    assert np.isclose(back.score, 0.0), "the flagged 30 must stay out of the window: 4 is its median again"


def test_flags_injected_anomaly_quickly():
    for seed, start in ((0, 400), (1, 437), (2, 281)):
        values, labels = make_stream(n=600, anomaly_start=start, anomaly_length=12, seed=seed)
        detector = StreamingDetector(window=40, threshold=6.0)
        flags = np.array([detector.update(v).is_anomaly for v in values])
        hits = np.flatnonzero(flags & (labels == 1))
        assert hits.size > 0, f"seed {seed}: the incident at step {start} was never flagged"
        delay = hits[0] - start
        assert delay < K_STEPS, f"seed {seed}: first flag {delay} steps after the incident began (allowed < {K_STEPS})"
        false_alarms = int((flags & (labels == 0)).sum())
        assert false_alarms <= 1, (
            f"seed {seed}: {false_alarms} normal steps were flagged; use a robust, local baseline "
            "(median and MAD of the recent window)"
        )


def test_incident_does_not_become_normal():
    values, labels = make_stream(n=500, anomaly_start=300, anomaly_length=80, magnitude=20.0, seed=3)
    detector = StreamingDetector(window=40, threshold=6.0)
    flags = np.array([detector.update(v).is_anomaly for v in values])
    caught = flags[labels == 1].mean()
    assert caught >= 0.9, (
        f"only {caught:.0%} of an 80-step incident was flagged: keep flagged values OUT of the "
        "window, or the incident soon becomes the new normal"
    )


def test_follows_a_slow_drift():
    values, labels = make_stream(n=600, anomaly_start=520, anomaly_length=12, seed=4)
    values = values + np.linspace(0.0, 15.0, len(values))  # the normal level creeps up by 15
    detector = StreamingDetector(window=40, threshold=6.0)
    flags = np.array([detector.update(v).is_anomaly for v in values])
    false_alarms = int((flags & (labels == 0)).sum())
    assert false_alarms <= 1, (
        f"{false_alarms} normal steps were flagged on a signal whose level drifts slowly: the window "
        "must slide with the stream (append every value that was not flagged), so that what is "
        "normal now is judged against the recent past"
    )
    hits = np.flatnonzero(flags & (labels == 1))
    assert hits.size > 0 and hits[0] - 520 < K_STEPS, "the incident at step 520 must still be flagged quickly"
