"""Finding faces with OpenCV's Haar cascade, and cropping them.

Milestone 1.
"""
from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

from .data import FACE_SIZE

CASCADE = "haarcascade_frontalface_default.xml"
# Where the cascade files live: pip's opencv-python ships them in cv2.data.haarcascades;
# Debian/Ubuntu's opencv-data package in /usr/share/opencv4/haarcascades (older releases:
# /usr/share/opencv/haarcascades); Homebrew and source builds under <prefix>/share/opencv4.
SEARCH_DIRS = (
    "/usr/share/opencv4/haarcascades",
    "/usr/share/opencv/haarcascades",
    "/usr/local/share/opencv4/haarcascades",
    "/opt/homebrew/share/opencv4/haarcascades",
)


def find_cascade(name: str = CASCADE) -> Path:
    """The path of a Haar cascade file.

    Looks, in order, in the folder named by the environment variable ``FACEREC_CASCADES``,
    in ``cv2.data.haarcascades`` when this OpenCV has it, then in ``SEARCH_DIRS``. Raises
    ``FileNotFoundError`` naming every place it looked.
    """
    candidates = []
    if os.environ.get("FACEREC_CASCADES"):
        candidates.append(Path(os.environ["FACEREC_CASCADES"]))
    data = getattr(cv2, "data", None)
    if data is not None and getattr(data, "haarcascades", None):
        candidates.append(Path(data.haarcascades))
    candidates.extend(Path(d) for d in SEARCH_DIRS)
    for folder in candidates:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} not found in: {', '.join(str(c) for c in candidates)}; "
                            "install opencv-data (Debian) or opencv-python (pip), or set FACEREC_CASCADES")


_loaded = {}


def load_cascade(name: str = CASCADE) -> cv2.CascadeClassifier:
    """A loaded cascade (cached). (Given.)"""
    if name not in _loaded:
        cascade = cv2.CascadeClassifier(str(find_cascade(name)))
        if cascade.empty():
            raise RuntimeError(f"OpenCV could not load {name}")
        _loaded[name] = cascade
    return _loaded[name]


def detect_faces(gray: np.ndarray, cascade=None, scale_factor: float = 1.05, min_neighbors: int = 4,
                 min_size: int = 30) -> np.ndarray:
    """Faces in a greyscale ``uint8`` image: an ``int`` array ``[N, 4]`` of ``x, y, w, h``, largest first.

    ``scale_factor`` is how much the cascade's window grows between scales, ``min_neighbors``
    how many overlapping raw detections a face needs, ``min_size`` the smallest face side in
    pixels. No face: an array of shape ``[0, 4]``.
    """
    cascade = cascade if cascade is not None else load_cascade()
    found = cascade.detectMultiScale(gray, scaleFactor=scale_factor, minNeighbors=min_neighbors,
                                     minSize=(min_size, min_size))
    boxes = np.asarray(found, dtype=np.int64).reshape(-1, 4)
    order = np.argsort(-(boxes[:, 2] * boxes[:, 3]), kind="stable")
    return boxes[order]


def crop_face(gray: np.ndarray, box, size: int = FACE_SIZE) -> np.ndarray:
    """The square ``box = (x, y, w, h)`` of ``gray`` resized to ``size x size`` (``uint8``).

    Parts of the box outside the image are filled by repeating the border pixels
    (``cv2.BORDER_REPLICATE``), so a face at the edge still gives a full crop.
    """
    x, y, w, h = (int(v) for v in box)
    H, W = gray.shape[:2]
    pad = max(0, -x, -y, x + w - W, y + h - H)
    if pad:
        gray = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        x, y = x + pad, y + pad
    crop = gray[y:y + h, x:x + w]
    return cv2.resize(crop, (size, size), interpolation=cv2.INTER_AREA)
