"""Milestone 6: rate limiting, an append-only audit log, and an encrypted database."""
import sqlite3

import numpy as np
import pytest
from cryptography.fernet import Fernet, InvalidToken

from facerec.database import FaceDB
from facerec.security import RateLimiter


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_rate_limit_holds():
    clock = FakeClock()
    limiter = RateLimiter(limit=3, window=10.0, clock=clock)
    assert [limiter.allow("mallory") for _ in range(3)] == [True, True, True]
    assert limiter.allow("mallory") is False, "the 4th attempt within 10 s is refused"
    assert limiter.allow("alice") is True, "another client has its own limit"
    clock.now += 5
    assert limiter.allow("mallory") is False, "still within the window"
    assert 4.9 <= limiter.retry_after("mallory") <= 5.0, "the first attempt leaves the window 5 s from now"
    clock.now += 5.01
    assert limiter.allow("mallory") is True, "a sliding window: the oldest attempts have left it"
    assert limiter.allow("mallory") is True and limiter.allow("mallory") is True
    assert limiter.allow("mallory") is False, "refused attempts did not count, allowed ones do"
    assert limiter.retry_after("alice") == 0.0
    # Attempts spread over time: each one leaves the window 10 s after it was made, not when a
    # fixed 10-second period of the clock ends.
    spread = RateLimiter(limit=3, window=10.0, clock=clock)
    clock.now = 2000.0
    for dt in (0.0, 4.0, 4.0):  # attempts at 2000, 2004 and 2008
        clock.now += dt
        assert spread.allow("eve") is True
    clock.now = 2009.0
    assert spread.allow("eve") is False, "3 attempts in the last 10 s: refused"
    clock.now = 2010.5
    assert spread.allow("eve") is True, "the attempt at 2000 has left the window"
    clock.now = 2011.0
    assert spread.allow("eve") is False, "2004, 2008 and 2010.5 are all within the last 10 s: a sliding window"
    assert 2.9 <= spread.retry_after("eve") <= 3.0, "the attempt at 2004 leaves the window at 2014"


def test_audit_log_is_append_only(tmp_path):
    clock = FakeClock()
    db = FaceDB(tmp_path / "faces.db", clock=clock)
    db.audit("identify", "client-1", "unknown", "distance 0.912")
    clock.now += 1
    db.audit("enrol", "client-2", "ok", "3 of 3 images had a face")
    log = db.audit_log()
    assert [(e["action"], e["client"], e["outcome"]) for e in log] == [
        ("identify", "client-1", "unknown"), ("enrol", "client-2", "ok")]
    assert log[0]["ts"] == 1000.0 and log[1]["ts"] == 1001.0 and log[0]["detail"] == "distance 0.912"
    for statement in ("UPDATE audit SET outcome = 'match'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.DatabaseError):
            db.conn.execute(statement)
    assert len(db.audit_log()) == 2, "nobody may change or delete audit lines, even with SQL"
    db.close()
    other = sqlite3.connect(tmp_path / "faces.db")  # someone else opening the file: the rule lives in it
    for statement in ("UPDATE audit SET outcome = 'match'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.DatabaseError):
            other.execute(statement)
    assert other.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 2, (
        "the audit log must be append-only in the database file itself (triggers), not only in FaceDB's connection"
    )
    other.close()


def test_encrypted_database(tmp_path):
    key = FaceDB.new_key()
    e = np.random.default_rng(0).normal(size=(2, 32)).astype(np.float32)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    db = FaceDB(tmp_path / "secret.db", key=key)
    db.enrol("Grace Example", e)
    db.close()
    raw = (tmp_path / "secret.db").read_bytes()
    assert b"Grace Example" not in raw, "with a key, names are stored encrypted"
    assert e[0].astype("<f4").tobytes()[:16] not in raw, "with a key, embeddings are stored encrypted"
    conn = sqlite3.connect(tmp_path / "secret.db")
    fernet = Fernet(key)
    (lookup, name_token), = conn.execute("SELECT lookup, name FROM identities").fetchall()
    vectors = [bytes(r[0]) for r in conn.execute("SELECT vector FROM embeddings ORDER BY id")]
    conn.close()
    try:
        assert fernet.decrypt(bytes(name_token)) == b"Grace Example"
        assert [fernet.decrypt(v) for v in vectors] == [v.astype("<f4").tobytes() for v in e]
    except InvalidToken:
        raise AssertionError("with a key, names and embeddings are stored as Fernet tokens under that key") from None
    other = FaceDB(tmp_path / "other.db", key=FaceDB.new_key())
    other.enrol("Grace Example", e[:1])
    other.close()
    conn = sqlite3.connect(tmp_path / "other.db")
    other_lookup = conn.execute("SELECT lookup FROM identities").fetchone()[0]
    conn.close()
    assert other_lookup != lookup, (
        "the name lookup must depend on the key (an HMAC): a plain hash of the name lets anyone with the file "
        "test a list of names"
    )
    db = FaceDB(tmp_path / "secret.db", key=key)
    assert db.names() == ["Grace Example"]
    assert db.identify(e[0], threshold=0.9)[0] == "Grace Example", "the right key gives everything back"
    db.close()
    with pytest.raises(ValueError):
        FaceDB(tmp_path / "secret.db", key=FaceDB.new_key())
    with pytest.raises(ValueError):
        FaceDB(tmp_path / "secret.db")
    plain = FaceDB(tmp_path / "plain.db")
    plain.enrol("Plain Name", e)
    plain.close()
    assert b"Plain Name" in (tmp_path / "plain.db").read_bytes(), "without a key nothing is encrypted"
