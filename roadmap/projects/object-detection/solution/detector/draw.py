"""Drawing detections on frames with OpenCV.

Milestone 5 (with ``video.py``).
"""
from __future__ import annotations

import cv2
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
    out = frame.copy()
    h, w = out.shape[:2]
    for box, score, label in zip(detections["boxes"], detections["scores"], detections["labels"]):
        x1, y1, x2, y2 = [int(round(float(v))) for v in box]
        x2, y2 = max(x1, x2 - 1), max(y1, y2 - 1)
        colour = tuple(int(c) for c in colours[int(label) % len(colours)])
        cv2.rectangle(out, (x1, y1), (x2, y2), colour, thickness)
        caption = f"{class_names[int(label)]} {float(score):.2f}"
        (tw, th), _ = cv2.getTextSize(caption, cv2.FONT_HERSHEY_SIMPLEX, 0.35, 1)
        ty = y1 - 3 if y1 - th - 3 >= 0 else min(h - 1, y2 + th + 3)
        cv2.putText(out, caption, (max(0, min(x1, w - tw)), ty), cv2.FONT_HERSHEY_SIMPLEX, 0.35, colour, 1,
                    cv2.LINE_AA)
    return out
