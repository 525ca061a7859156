"""Milestone 4: the SQLite database of known faces."""
import sqlite3

import numpy as np

from facerec.data import make_identities, make_scene
from facerec.database import FaceDB
from facerec.embed import embed
from facerec.pipeline import Recognizer
from facerec.verify import make_pairs, pair_distances


# The tables and columns of the schema in facerec/database.py: nothing else may be stored.
SCHEMA_COLUMNS = {
    "meta": ["key", "value"],
    "identities": ["id", "lookup", "name"],
    "embeddings": ["id", "identity_id", "vector"],
    "audit": ["id", "ts", "action", "client", "outcome", "detail"],
}


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def _threshold(model, faces, far=0.01):
    """The tests' own threshold for identification: the largest distance that lets at most 1 %
    of the different-identity validation pairs through."""
    x, y = faces["val"]
    pairs, same = make_pairs(y, 400, np.random.default_rng(42))
    d = pair_distances(embed(model, x), pairs)
    return float(np.sort(d[~same])[int(np.floor(far * (~same).sum()))] - 1e-9)


def test_enrol_identify_verify(tmp_path):
    db = FaceDB(tmp_path / "faces.db")
    e1, e2 = np.eye(4, dtype=np.float32)[:2]
    assert db.enrol("Ada", np.stack([_unit([1, 0.1, 0, 0]), _unit([1, -0.1, 0, 0])])) == 2
    assert db.enrol("Bo", e2[None]) == 1
    assert db.enrol("Ada", _unit([1, 0, 0.1, 0])[None]) == 1, "enrolling a known name adds to it"
    assert db.names() == ["Ada", "Bo"]
    names, templates = db.templates()
    assert sorted(names) == ["Ada", "Bo"] and templates.shape == (2, 4)
    ada = templates[names.index("Ada")]
    assert np.isclose(np.linalg.norm(ada), 1.0, atol=1e-5), "a template is the mean embedding, renormalised"
    assert np.allclose(ada, _unit(np.mean([_unit([1, 0.1, 0, 0]), _unit([1, -0.1, 0, 0]), _unit([1, 0, 0.1, 0])], 0)),
                       atol=1e-5)
    name, d = db.identify(_unit([1, 0.05, 0, 0]), threshold=0.5)
    assert name == "Ada" and d < 0.1, f"identify near Ada gave {name}, {d}"
    name, d = db.identify(_unit([0, 0, 0, 1]), threshold=0.5)
    assert name is None and np.isclose(d, np.sqrt(2), atol=1e-3), "nobody within the threshold: (None, distance)"
    assert db.verify("Bo", e2, threshold=0.5)[0] is True
    assert db.verify("Bo", e1, threshold=0.5)[0] is False
    assert db.verify("Nobody", e1, threshold=0.5)[0] is False
    assert db.delete("Bo") is True and db.delete("Bo") is False
    assert db.names() == ["Ada"]
    db.close()
    reopened = FaceDB(tmp_path / "faces.db")
    assert reopened.names() == ["Ada"], "the database lives in the file"
    assert reopened.conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == 3, (
        "deleting an identity deletes its embeddings"
    )
    reopened.close()


def test_unknown_faces_are_rejected(embedder, faces):
    model = embedder()["model"]
    threshold = _threshold(model, faces())
    x, y = faces()["test"]
    db = FaceDB(":memory:")
    for person in range(10):  # identities 0-9 are known, 10-19 are strangers
        db.enrol(f"person {person}", embed(model, x[y == person][:3]))
    known_right = [db.identify(e, threshold)[0] == f"person {p}"
                   for p in range(10) for e in embed(model, x[y == p][3:])]
    strangers_out = [db.identify(e, threshold)[0] is None for p in range(10, 20) for e in embed(model, x[y == p])]
    assert np.mean(known_right) >= 0.7, f"only {np.mean(known_right):.0%} of enrolled people are recognised"
    assert np.mean(strangers_out) >= 0.7, f"only {np.mean(strangers_out):.0%} of strangers are rejected"


def test_database_holds_no_raw_pixels(embedder, faces, tmp_path):
    model = embedder()["model"]
    rng = np.random.default_rng(11)
    db = FaceDB(tmp_path / "faces.db")
    recognizer = Recognizer(model, db, threshold=_threshold(model, faces()))
    scenes = []
    for k, person in enumerate(make_identities(2, seed=110)):
        images = [make_scene(rng, person)[0] for _ in range(3)]
        scenes.extend(images)
        assert recognizer.enrol(f"person {k}", images) >= 2
    db.close()
    conn = sqlite3.connect(tmp_path / "faces.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table}"):
            for value in row:
                size = len(value) if isinstance(value, (bytes, str)) else 0
                assert size <= 400, f"table {table} holds a {size}-byte value: only embeddings may be stored"
    raw = (tmp_path / "faces.db").read_bytes()
    for scene in scenes:
        for row in scene[::16]:
            assert bytes(row[:32]) not in raw, "pixels of an enrolled image are in the database file"
    n = conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    assert 4 <= n <= 6, f"one embedding per enrolled image with a face, found {n}"
    extra = set(tables) - set(SCHEMA_COLUMNS) - {"sqlite_sequence"}
    assert not extra, f"the database may hold only the tables of the schema, found also {sorted(extra)}"
    for table, columns in SCHEMA_COLUMNS.items():
        found = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert found == columns, f"table {table} has columns {found}, the schema's are {columns}"
    for (vector,) in conn.execute("SELECT vector FROM embeddings"):
        v = np.frombuffer(bytes(vector), dtype="<f4")
        assert v.shape == (32,) and np.isclose(np.linalg.norm(v), 1.0, atol=1e-4), (
            "every stored vector is one embedding: 32 float32 numbers of unit length"
        )
    assert [r[0] for r in conn.execute("SELECT key FROM meta")] == ["check"], "meta holds only the key check"
    conn.close()
