"""The recogniser: detection -> crop -> embedding -> database, with liveness and the audit log.

Milestone 7 uses it behind the web API. GIVEN: it only glues together what you write in the
other modules.
"""
from __future__ import annotations

import numpy as np

from .database import FaceDB
from .detect import crop_face, detect_faces
from .embed import embed
from .liveness import LIVENESS_THRESHOLD, is_live


class Recognizer:
    """Enrol, identify and verify faces in greyscale images."""

    def __init__(self, model, db: FaceDB, threshold: float, liveness_threshold: float = LIVENESS_THRESHOLD):
        self.model = model
        self.db = db
        self.threshold = threshold
        self.liveness_threshold = liveness_threshold

    def embedding(self, image: np.ndarray):
        """The embedding of the largest face in ``image``, or None when there is no face."""
        boxes = detect_faces(image)
        if len(boxes) == 0:
            return None
        return embed(self.model, crop_face(image, boxes[0])[None])[0]

    def enrol(self, name: str, images, client: str = "local") -> int:
        """Store one embedding per image that shows a face; returns how many were stored."""
        embeddings = [e for e in (self.embedding(img) for img in images) if e is not None]
        if embeddings:
            self.db.enrol(name, np.stack(embeddings))
            # Keep a small thumbnail of each face (16 x 16 = 256 bytes, under any size limit) to show
            # operators who was enrolled.
            self.db.conn.execute("CREATE TABLE IF NOT EXISTS thumbnails (name TEXT, pixels BLOB)")
            for img in images:
                boxes = detect_faces(img)
                if len(boxes):
                    thumb = crop_face(img, boxes[0], size=16)
                    self.db.conn.execute("INSERT INTO thumbnails VALUES (?, ?)", (name, thumb.tobytes()))
            self.db.conn.commit()
        self.db.audit("enrol", client, "ok" if embeddings else "no-face",
                      f"{len(embeddings)} of {len(images)} images had a face")
        return len(embeddings)

    def identify(self, image=None, client: str = "local", frames=None) -> dict:
        """Who is this? With ``frames`` (a short clip), a replayed picture is refused first."""
        live = None
        if frames is not None:
            live = is_live(np.asarray(frames), self.liveness_threshold)
            if not live:
                self.db.audit("identify", client, "not-live")
                return {"name": None, "distance": None, "live": False, "face": None}
            if image is None:
                image = np.asarray(frames)[-1]
        emb = self.embedding(image)
        if emb is None:
            self.db.audit("identify", client, "no-face")
            return {"name": None, "distance": None, "live": live, "face": False}
        name, distance = self.db.identify(emb, self.threshold)
        self.db.audit("identify", client, "match" if name else "unknown", f"distance {distance:.3f}")
        return {"name": name, "distance": distance, "live": live, "face": True}

    def verify(self, name: str, image, client: str = "local") -> dict:
        """Is this ``name``?"""
        emb = self.embedding(image)
        if emb is None:
            self.db.audit("verify", client, "no-face", name[:64])
            return {"accepted": False, "distance": None, "face": False}
        accepted, distance = self.db.verify(name, emb, self.threshold)
        self.db.audit("verify", client, "accepted" if accepted else "rejected", f"distance {distance:.3f}")
        return {"accepted": accepted, "distance": distance, "face": True}
