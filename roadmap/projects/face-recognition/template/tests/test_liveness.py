"""Milestone 5: liveness, an anti-replay signal over a short clip."""
import numpy as np

from facerec.data import make_identities, make_sequence
from facerec.liveness import best_shift, is_live


def test_best_shift_hand_case():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 255, (24, 24)).astype(np.uint8)
    b = np.roll(a, (2, -3), axis=(0, 1))  # b is a moved 2 down and 3 left
    dy, dx, residual = best_shift(a, b, max_shift=4)
    assert (dy, dx) == (-2, 3), f"rolling b by (-2, 3) puts it back onto a; got ({dy}, {dx})"
    assert residual.shape == (16, 16) and np.allclose(residual, 0), "compare the inner region only"
    same = best_shift(a, a, max_shift=2)
    assert same[:2] == (0, 0)


def test_replayed_sequences_fail():
    rng = np.random.default_rng(21)
    people = make_identities(12, seed=210)
    replay = [is_live(make_sequence(p, rng, "replay")) for p in people]
    moved = [is_live(make_sequence(p, rng, "photo_moved")) for p in people]
    assert not any(replay), f"{sum(replay)} of 12 replayed still pictures passed as live"
    assert sum(moved) <= 1, f"{sum(moved)} of 12 photos moved in front of the camera passed as live"
    assert not is_live(make_sequence(people[0], rng, "live")[:1]), "one frame proves nothing"


def test_live_sequences_pass():
    rng = np.random.default_rng(22)
    live = [is_live(make_sequence(p, rng, "live")) for p in make_identities(12, seed=220)]
    assert sum(live) >= 11, f"only {sum(live)} of 12 live clips passed"
