"""The video pipeline: read frames, detect, draw, write, and measure frames per second.

Milestone 5. ``source`` is a video file or a webcam index (``0`` is the first camera).
"""
from __future__ import annotations

import json  # noqa: F401
import time  # noqa: F401
from pathlib import Path  # noqa: F401

import cv2
import numpy as np  # noqa: F401

from .draw import draw_boxes  # noqa: F401
from .model import detect  # noqa: F401


def open_source(source) -> cv2.VideoCapture:
    """A ``cv2.VideoCapture`` for a file path, or for a webcam when ``source`` is an int or digits. (Given.)"""
    if isinstance(source, int) or (isinstance(source, str) and source.isdigit()):
        capture = cv2.VideoCapture(int(source))
    else:
        capture = cv2.VideoCapture(str(source))
    if not capture.isOpened():
        raise RuntimeError(f"cannot open video source {source!r}")
    return capture


def process_video(model, source, output=None, boxes_path=None, input_size: int = 64,
                  conf_threshold: float = 0.3, max_frames=None) -> dict:
    """Run the detector on every frame of ``source``.

    For every frame (BGR, any size): convert it to RGB, resize it to ``input_size`` squared,
    detect, scale the boxes back to the frame's own size, and

    - when ``output`` is given, write the frame with its boxes drawn to that video file
      (same size and frame rate as the source; MJPG in an ``.avi``);
    - when ``boxes_path`` is given, write one JSON line per frame:
      ``{"frame": i, "boxes": [[x1, y1, x2, y2], ...], "scores": [...], "labels": [...]}``
      in the frame's pixel coordinates.

    Stops at the end of the source or after ``max_frames`` frames. Returns
    ``{"frames": n, "seconds": s, "fps": n / s, "detections": total boxes}``, where ``s`` is
    the wall time of the frame loop (reading, detecting, drawing and writing).
    """
    # TODO: open the source; loop over capture.read() until it fails; per frame: convert,
    #       resize, detect (the given detect() in model.py), rescale, draw and write; time
    #       the loop; always release the capture and the writer (try/finally).
    raise NotImplementedError("TODO: process_video")
