"""Drawing detections on frames with OpenCV.

Milestone 5 (with ``video.py``).
"""
from __future__ import annotations

import cv2  # noqa: F401
import numpy as np

from .data import CLASSES

# One BGR colour per class (OpenCV images are BGR).
CLASS_COLOURS = ((0, 0, 255), (0, 200, 0), (255, 64, 0), (0, 215, 255))


def draw_boxes(frame: np.ndarray, detections: dict, class_names=CLASSES, colours=CLASS_COLOURS,
               thickness: int = 2) -> np.ndarray:
    """Return a copy of the BGR ``frame`` with every detected box drawn on it.

    Each box is a rectangle of its class's colour with ``thickness`` pixels, from
    ``(x1, y1)`` to ``(x2 - 1, y2 - 1)`` (rounded to whole pixels), and a small
    ``"<class> <score>"`` caption, e.g. ``"circle 0.93"``, just above it (inside the frame).
    The input frame is left unchanged.
    """
    # TODO: copy the frame; for each box: cv2.rectangle, then cv2.putText for the caption.
    raise NotImplementedError("TODO: draw_boxes")
