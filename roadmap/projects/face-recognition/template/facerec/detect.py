"""Finding faces with OpenCV's Haar cascade, and cropping them.

Milestone 1.
"""
from __future__ import annotations

import os  # noqa: F401
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
    # TODO: build the list of candidate folders in that order (the cv2.data one only when
    #       OpenCV has it), return the first that holds the file, else raise with the list.
    raise NotImplementedError("TODO: find_cascade")


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
    # TODO: cascade.detectMultiScale with these parameters; turn the result into an int
    #       array [N, 4] (it can be an empty tuple) and sort it by area, largest first.
    raise NotImplementedError("TODO: detect_faces")


def crop_face(gray: np.ndarray, box, size: int = FACE_SIZE) -> np.ndarray:
    """The square ``box = (x, y, w, h)`` of ``gray`` resized to ``size x size`` (``uint8``).

    Parts of the box outside the image are filled by repeating the border pixels
    (``cv2.BORDER_REPLICATE``), so a face at the edge still gives a full crop.
    """
    # TODO: pad the image with cv2.copyMakeBorder when the box sticks out, cut the box,
    #       resize with cv2.INTER_AREA.
    raise NotImplementedError("TODO: crop_face")
