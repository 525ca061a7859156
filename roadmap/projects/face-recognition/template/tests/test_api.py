"""Milestone 7: the web interface (FastAPI), enrol and identify over HTTP."""
import numpy as np
from fastapi.testclient import TestClient

from facerec.api import create_app, encode_image
from facerec.data import make_identities, make_scene, make_sequence
from facerec.database import FaceDB
from facerec.embed import embed
from facerec.pipeline import Recognizer
from facerec.security import RateLimiter
from facerec.verify import make_pairs, pair_distances


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def _threshold(model, faces, far=0.01):
    """The tests' own threshold for identification: the largest distance that lets at most 1 %
    of the different-identity validation pairs through."""
    x, y = faces["val"]
    pairs, same = make_pairs(y, 400, np.random.default_rng(42))
    d = pair_distances(embed(model, x), pairs)
    return float(np.sort(d[~same])[int(np.floor(far * (~same).sum()))] - 1e-9)


def _setup(embedder, faces, limit=100):
    model = embedder()["model"]
    db = FaceDB(":memory:")
    clock = FakeClock()
    app = create_app(Recognizer(model, db, threshold=_threshold(model, faces())),
                     RateLimiter(limit=limit, window=60.0, clock=clock))
    return TestClient(app), db, clock


def test_enrol_and_identify_over_http(embedder, faces):
    client, db, _ = _setup(embedder, faces)
    rng = np.random.default_rng(31)
    ada, bo, stranger = make_identities(3, seed=310)
    assert client.get("/health").json() == {"status": "ok", "identities": 0}
    for name, person in (("Ada", ada), ("Bo", bo)):
        images = [encode_image(make_scene(rng, person)[0]) for _ in range(3)]
        r = client.post("/enrol", json={"name": name, "images": images})
        assert r.status_code == 200, r.text
        assert r.json()["name"] == name and r.json()["embeddings"] >= 2
    assert client.get("/health").json()["identities"] == 2
    hits = [client.post("/identify", json={"image": encode_image(make_scene(rng, ada)[0])}).json()["name"]
            for _ in range(4)]
    assert hits.count("Ada") >= 3, f"a new picture of Ada was identified as {hits}"
    out = [client.post("/identify", json={"image": encode_image(make_scene(rng, stranger)[0])}).json()["name"]
           for _ in range(4)]
    assert out.count(None) >= 2, f"a stranger was identified as {out}"
    no_face = client.post("/identify", json={"image": encode_image(make_scene(rng, None)[0])})
    assert no_face.status_code == 422, "no face in the picture: 422"
    assert client.post("/identify", json={"image": "not base64!"}).status_code == 422
    assert client.post("/enrol", json={"name": "<script>", "images": [encode_image(make_scene(rng, ada)[0])]}
                       ).status_code == 422, "names are letters, digits, spaces and .'- only"
    assert client.delete("/identities/Bo").status_code == 200
    assert client.delete("/identities/Bo").status_code == 404
    actions = [e["action"] for e in db.audit_log()]
    assert actions.count("enrol") >= 2 and actions.count("identify") >= 9 and "delete" in actions, (
        "every enrolment, identification and deletion is in the audit log"
    )
    assert "facerec" in client.get("/").text, "GET / serves the page"


def test_identify_is_rate_limited(embedder, faces):
    client, db, clock = _setup(embedder, faces, limit=3)
    rng = np.random.default_rng(32)
    image = encode_image(make_scene(rng, make_identities(1, seed=320)[0])[0])
    headers = {"X-Client-Id": "mallory"}
    codes = [client.post("/identify", json={"image": image}, headers=headers).status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429, f"status codes {codes}: the 4th must be 429"
    r = client.post("/identify", json={"image": image}, headers=headers)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0, "429 with a Retry-After header"
    assert client.post("/identify", json={"image": image}, headers={"X-Client-Id": "alice"}).status_code == 200
    clock.now += 61
    assert client.post("/identify", json={"image": image}, headers=headers).status_code == 200
    assert any(e["outcome"] == "rate-limited" for e in db.audit_log()), "refusals are audited too"


def test_replayed_clip_is_refused(embedder, faces):
    client, db, _ = _setup(embedder, faces)
    rng = np.random.default_rng(33)
    person = make_identities(1, seed=330)[0]
    replay = [encode_image(f) for f in make_sequence(person, rng, "replay")]
    assert client.post("/identify", json={"frames": replay}).status_code == 403, "a replayed picture: 403"
    live = [encode_image(f) for f in make_sequence(person, rng, "live")]
    r = client.post("/identify", json={"frames": live})
    assert r.status_code == 200 and r.json()["live"] is True, f"a live clip passes: {r.status_code} {r.text}"
    assert any(e["outcome"] == "not-live" for e in db.audit_log())
