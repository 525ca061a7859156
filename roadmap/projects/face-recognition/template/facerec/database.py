"""A database of known faces in SQLite: enrol, identify, verify, delete, audit.

Milestones 4 (the database and its audit log) and 6 (encryption, and making the audit log
append-only). The schema, opening the file and checking the key are given.

Only embeddings are stored, never images: an embedding is 32 numbers from which the face
cannot be drawn back. With a ``key`` (``FaceDB.new_key()``), names and embeddings are
encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from the ``cryptography`` package) and a
name is looked up by an HMAC of it, so the file alone reveals neither.
"""
from __future__ import annotations

import hashlib  # noqa: F401
import hmac  # noqa: F401
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
# TODO: two triggers (CREATE TRIGGER IF NOT EXISTS ...) that abort any UPDATE or DELETE on audit.
AUDIT_APPEND_ONLY = ""


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
        if self._fernet is None:
            return data
        # TODO (milestone 6): encrypt with self._fernet.
        raise NotImplementedError("TODO: FaceDB._seal")

    def _open(self, data: bytes) -> bytes:
        """Undo ``_seal``."""
        if self._fernet is None:
            return bytes(data)
        # TODO (milestone 6): decrypt with self._fernet.
        raise NotImplementedError("TODO: FaceDB._open")

    def _lookup(self, name: str) -> str:
        """How a name is found: itself, or an HMAC of it under the key when encrypted."""
        if self._key is None:
            return name
        # TODO (milestone 6): an HMAC-SHA256 of the name under self._key, as hex.
        raise NotImplementedError("TODO: FaceDB._lookup")

    # ------------------------------------------------------------------ identities
    def enrol(self, name: str, embeddings: np.ndarray) -> int:
        """Store the embeddings ``[n, dim]`` under ``name`` (created if new); returns ``n``."""
        # TODO: find or create the identity (by self._lookup(name), storing self._seal(name
        #       as UTF-8)); insert one row per embedding (float32 bytes, through self._seal);
        #       commit.
        raise NotImplementedError("TODO: FaceDB.enrol")

    def names(self) -> list:
        """The enrolled names, sorted."""
        # TODO
        raise NotImplementedError("TODO: FaceDB.names")

    def templates(self):
        """``(names, matrix [n_identities, dim])``: each identity's mean embedding, renormalised."""
        # TODO: read every embedding with its identity's name (self._open both), group by
        #       name, average, renormalise.
        raise NotImplementedError("TODO: FaceDB.templates")

    def identify(self, embedding: np.ndarray, threshold: float):
        """``(name, distance)`` of the closest identity, or ``(None, distance)`` when even the
        closest is farther than ``threshold`` (or nobody is enrolled: ``(None, inf)``)."""
        # TODO: distances to every template; the closest; apply the threshold.
        raise NotImplementedError("TODO: FaceDB.identify")

    def verify(self, name: str, embedding: np.ndarray, threshold: float):
        """``(accepted, distance)``: is ``embedding`` within ``threshold`` of ``name``'s template?"""
        # TODO
        raise NotImplementedError("TODO: FaceDB.verify")

    def delete(self, name: str) -> bool:
        """Forget an identity and all its embeddings; returns whether it existed."""
        # TODO: delete the identity (its embeddings go with it: ON DELETE CASCADE).
        raise NotImplementedError("TODO: FaceDB.delete")

    # ------------------------------------------------------------------ audit
    def audit(self, action: str, client: str, outcome: str, detail: str = "") -> None:
        """Append one line to the audit log (never an image or an embedding)."""
        # TODO: one INSERT with self.clock() as the time; commit.
        raise NotImplementedError("TODO: FaceDB.audit")

    def audit_log(self) -> list:
        """Every audit line, oldest first, as dicts with ts, action, client, outcome, detail."""
        # TODO
        raise NotImplementedError("TODO: FaceDB.audit_log")

    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
