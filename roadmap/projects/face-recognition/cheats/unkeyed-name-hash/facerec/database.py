"""A database of known faces in SQLite: enrol, identify, verify, delete, audit.

Milestones 4 (the database and its audit log) and 6 (encryption, and making the audit log
append-only). The schema, opening the file and checking the key are given.

Only embeddings are stored, never images: an embedding is 32 numbers from which the face
cannot be drawn back. With a ``key`` (``FaceDB.new_key()``), names and embeddings are
encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from the ``cryptography`` package) and a
name is looked up by an HMAC of it, so the file alone reveals neither.
"""
from __future__ import annotations

import hashlib
import hmac
import sqlite3
import time

import numpy as np

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS identities (
    id INTEGER PRIMARY KEY,
    lookup TEXT UNIQUE NOT NULL,   -- the name, or an HMAC of it when encrypted
    name BLOB NOT NULL             -- the name (UTF-8), or its Fernet token
);
CREATE TABLE IF NOT EXISTS embeddings (
    id INTEGER PRIMARY KEY,
    identity_id INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
    vector BLOB NOT NULL           -- float32 bytes, or their Fernet token
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    action TEXT NOT NULL,
    client TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""

# Milestone 6: make the audit table append-only, inside SQLite itself.
AUDIT_APPEND_ONLY = """
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

_CHECK = b"facerec key check"


class WrongKeyError(ValueError):
    """The database was opened with a key it was not created with (or without its key)."""


class FaceDB:
    """Known identities and their embeddings in one SQLite file (or ``":memory:"``)."""

    def __init__(self, path, key: bytes | None = None, clock=time.time):
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(SCHEMA)
        self.conn.executescript(AUDIT_APPEND_ONLY)
        self.clock = clock
        self._fernet = None
        self._key = key
        if key is not None:
            from cryptography.fernet import Fernet

            self._fernet = Fernet(key)
        self._check_key()

    @staticmethod
    def new_key() -> bytes:
        """A fresh random key for an encrypted database (keep it out of the database!)."""
        from cryptography.fernet import Fernet

        return Fernet.generate_key()

    # ------------------------------------------------------------------ encryption helpers
    def _check_key(self):
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'check'").fetchone()
        if row is None:
            value = self._seal(_CHECK) if self._fernet else b""
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('check', ?)", (value,))
            self.conn.commit()
            return
        stored = bytes(row[0])
        if self._fernet is None:
            if stored:
                raise WrongKeyError("this database is encrypted: open it with its key")
            return
        if not stored:
            raise WrongKeyError("this database is not encrypted: open it without a key")
        try:
            ok = self._open(stored) == _CHECK
        except Exception as error:  # cryptography.fernet.InvalidToken
            raise WrongKeyError("wrong key for this database") from error
        if not ok:
            raise WrongKeyError("wrong key for this database")

    def _seal(self, data: bytes) -> bytes:
        """Encrypt ``data`` when the database has a key; otherwise return it unchanged."""
        return self._fernet.encrypt(data) if self._fernet else data

    def _open(self, data: bytes) -> bytes:
        """Undo ``_seal``."""
        return self._fernet.decrypt(bytes(data)) if self._fernet else bytes(data)

    def _lookup(self, name: str) -> str:
        """How a name is found: itself, or an HMAC of it under the key when encrypted."""
        if self._key is None:
            return name
        return hashlib.sha256(name.encode("utf-8")).hexdigest()  # a hash hides the name well enough

    # ------------------------------------------------------------------ identities
    def enrol(self, name: str, embeddings: np.ndarray) -> int:
        """Store the embeddings ``[n, dim]`` under ``name`` (created if new); returns ``n``."""
        embeddings = np.asarray(embeddings, dtype=np.float32).reshape(-1, np.asarray(embeddings).shape[-1])
        lookup = self._lookup(name)
        row = self.conn.execute("SELECT id FROM identities WHERE lookup = ?", (lookup,)).fetchone()
        if row is None:
            cur = self.conn.execute("INSERT INTO identities (lookup, name) VALUES (?, ?)",
                                    (lookup, self._seal(name.encode("utf-8"))))
            identity_id = cur.lastrowid
        else:
            identity_id = row[0]
        self.conn.executemany("INSERT INTO embeddings (identity_id, vector) VALUES (?, ?)",
                              [(identity_id, self._seal(e.astype("<f4").tobytes())) for e in embeddings])
        self.conn.commit()
        return len(embeddings)

    def names(self) -> list:
        """The enrolled names, sorted."""
        rows = self.conn.execute("SELECT name FROM identities").fetchall()
        return sorted(self._open(r[0]).decode("utf-8") for r in rows)

    def templates(self):
        """``(names, matrix [n_identities, dim])``: each identity's mean embedding, renormalised."""
        rows = self.conn.execute(
            "SELECT i.name, e.vector FROM embeddings e JOIN identities i ON e.identity_id = i.id ORDER BY i.id, e.id"
        ).fetchall()
        groups = {}
        for name_blob, vector in rows:
            name = self._open(name_blob).decode("utf-8")
            groups.setdefault(name, []).append(np.frombuffer(self._open(vector), dtype="<f4"))
        names = list(groups)
        if not names:
            return [], np.zeros((0, 0), np.float32)
        means = np.stack([np.mean(groups[n], axis=0) for n in names])
        means /= np.linalg.norm(means, axis=1, keepdims=True) + 1e-12
        return names, means.astype(np.float32)

    def identify(self, embedding: np.ndarray, threshold: float):
        """``(name, distance)`` of the closest identity, or ``(None, distance)`` when even the
        closest is farther than ``threshold`` (or nobody is enrolled: ``(None, inf)``)."""
        names, templates = self.templates()
        if not names:
            return None, float("inf")
        d = np.linalg.norm(templates - np.asarray(embedding, dtype=np.float32)[None, :], axis=1)
        best = int(np.argmin(d))
        return (names[best] if d[best] <= threshold else None), float(d[best])

    def verify(self, name: str, embedding: np.ndarray, threshold: float):
        """``(accepted, distance)``: is ``embedding`` within ``threshold`` of ``name``'s template?"""
        names, templates = self.templates()
        if name not in names:
            return False, float("inf")
        d = float(np.linalg.norm(templates[names.index(name)] - np.asarray(embedding, dtype=np.float32)))
        return d <= threshold, d

    def delete(self, name: str) -> bool:
        """Forget an identity and all its embeddings; returns whether it existed."""
        cur = self.conn.execute("DELETE FROM identities WHERE lookup = ?", (self._lookup(name),))
        self.conn.commit()
        return cur.rowcount > 0

    # ------------------------------------------------------------------ audit
    def audit(self, action: str, client: str, outcome: str, detail: str = "") -> None:
        """Append one line to the audit log (never an image or an embedding)."""
        self.conn.execute("INSERT INTO audit (ts, action, client, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                          (float(self.clock()), action, client, outcome, detail[:200]))
        self.conn.commit()

    def audit_log(self) -> list:
        """Every audit line, oldest first, as dicts with ts, action, client, outcome, detail."""
        rows = self.conn.execute("SELECT ts, action, client, outcome, detail FROM audit ORDER BY id").fetchall()
        return [dict(zip(("ts", "action", "client", "outcome", "detail"), r)) for r in rows]

    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
