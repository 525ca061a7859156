"""Milestone 5: drawing boxes, and the video pipeline on a clip the test generates.

The pipeline is run with a *probe* detector: a stand-in network that "sees" one triangle
in grid cell (row 3, column 4) of every frame and counts the images it is shown. So the
boxes the pipeline writes, and how many frames it ran the model on, are known exactly.
"""
import json
import math
import time

import cv2
import numpy as np
import torch

from detector import model as M
from detector.data import make_clip
from detector.draw import CLASS_COLOURS, draw_boxes
from detector.video import process_video

N_FRAMES, WIDTH, HEIGHT = 24, 128, 96


class ProbeDetector(torch.nn.Module):
    """Always one class-2 object, centred in cell (3, 4) of the 8 x 8 grid, 18 x 18 input px."""

    def __init__(self):
        super().__init__()
        self.dummy = torch.nn.Parameter(torch.zeros(1))
        self.num_classes = 4
        self.images_seen = 0
        self.first_call = self.last_call = None
        self.inputs = []

    def forward(self, x):
        now = time.perf_counter()
        self.first_call = self.first_call or now
        self.last_call = now
        self.images_seen += x.shape[0]
        self.inputs.extend(x.detach().float().clone())
        B, _, H, W = x.shape
        out = torch.full((B, 9, H // 8, W // 8), -20.0)
        out[:, 1:5] = 0.0
        out[:, 3:5] = math.log(18.0 / M.ANCHOR)
        out[:, 0, 3, 4] = 20.0
        out[:, 5 + 2, 3, 4] = 20.0
        return out + 0 * self.dummy


# In the 64 x 64 network input the probe's box is [27, 19, 45, 37]; the frames are
# 128 x 96, so x scales by 2 and y by 1.5.
EXPECTED_BOX = [54.0, 28.5, 90.0, 55.5]


def test_draw_boxes_draws_on_a_copy():
    frame = np.zeros((60, 80, 3), dtype=np.uint8)
    det = {"boxes": np.array([[10, 20, 50, 50]], dtype=np.float32), "scores": np.array([0.9], dtype=np.float32),
           "labels": np.array([1])}
    out = draw_boxes(frame, det)
    assert out is not frame and out.shape == frame.shape and out.dtype == np.uint8, "return a new uint8 BGR frame"
    assert frame.sum() == 0, "the input frame must not be changed"
    colour = np.array(CLASS_COLOURS[1])
    left = out[25:45, 10]  # the left edge of the box, away from the caption
    assert np.all(left == colour), f"the box's left edge should be drawn in class 1's colour {colour.tolist()}"
    assert np.all(out[30:40, 20:40] == 0), "the inside of the box stays untouched"
    assert out[:20].sum() > 0, "a caption (class name and score) goes just above the box"
    empty = {"boxes": np.zeros((0, 4), np.float32), "scores": np.zeros(0, np.float32), "labels": np.zeros(0, int)}
    assert np.array_equal(draw_boxes(frame, empty), frame), "no detections: an unchanged copy"


def _blocks(image):
    """8 x 8 block means of a [3, 64, 64] image: blind to the resize method, not to the content."""
    return image.reshape(3, 8, 8, 8, 8).mean(axis=(2, 4))


def _edge_strength(diff, xs, ys):
    """Median over the rows/columns of a box edge of the strongest change within 2 px of it."""
    return float(np.median([diff[y, xs].max() for y in ys])) if len(ys) else 0.0


def test_video_pipeline_processes_every_frame(tmp_path):
    clip, truth = make_clip(tmp_path / "clip.avi", seed=5, n_frames=N_FRAMES, width=WIDTH, height=HEIGHT)
    probe = ProbeDetector()
    stats = process_video(probe, clip, output=tmp_path / "out.avi", boxes_path=tmp_path / "boxes.jsonl",
                          conf_threshold=0.3)
    assert probe.images_seen == N_FRAMES, (
        f"the detector ran on {probe.images_seen} images for a clip of {N_FRAMES} frames: every frame must be detected"
    )
    assert stats["frames"] == N_FRAMES, f"stats report {stats['frames']} frames, the clip has {N_FRAMES}"
    source = cv2.VideoCapture(str(clip))
    for i, seen in enumerate(probe.inputs):
        ok, original = source.read()
        assert ok and tuple(seen.shape) == (3, 64, 64), f"frame {i}: the detector got {tuple(seen.shape)}"
        rgb = cv2.resize(cv2.cvtColor(original, cv2.COLOR_BGR2RGB), (64, 64), interpolation=cv2.INTER_AREA)
        expected = rgb.transpose(2, 0, 1).astype(np.float32) / 255.0
        gap = np.abs(_blocks(seen.numpy()) - _blocks(expected)).max()
        assert gap < 0.1, (
            f"frame {i}: the image the detector saw is not this frame of the video, in RGB, resized to "
            f"64 x 64 (largest 8 x 8 block difference {gap:.2f}): convert every frame (OpenCV reads BGR) "
            "and detect on it"
        )
    source.release()
    lines = [json.loads(line) for line in (tmp_path / "boxes.jsonl").read_text().splitlines() if line.strip()]
    assert [line["frame"] for line in lines] == list(range(N_FRAMES)), "one JSON line per frame, in order"
    for line in lines:
        assert line["labels"] == [2] and len(line["boxes"]) == 1, f"frame {line['frame']}: {line}"
        assert np.allclose(line["boxes"][0], EXPECTED_BOX, atol=0.6), (
            f"frame {line['frame']}: box {line['boxes'][0]}, expected {EXPECTED_BOX} (the detector's box, "
            "scaled from the 64 x 64 input back to the 128 x 96 frame)"
        )
    reader = cv2.VideoCapture(str(tmp_path / "out.avi"))
    source = cv2.VideoCapture(str(clip))
    written = 0
    strengths = []
    while True:
        ok, frame = reader.read()
        ok_src, original = source.read()
        if not ok:
            break
        written += 1
        assert frame.shape == (HEIGHT, WIDTH, 3), f"the annotated video keeps the frame size, got {frame.shape}"
        if ok_src:
            diff = np.abs(frame.astype(int) - original.astype(int)).sum(axis=2)
            strengths.append(min(_edge_strength(diff, slice(52, 57), range(34, 50)),  # left edge
                                 _edge_strength(diff, slice(87, 92), range(34, 50))))  # right edge
            assert diff[70:, :20].mean() < 40, "far from the box the frame should look like the source"
    assert written == N_FRAMES, f"the annotated video has {written} frames, expected {N_FRAMES}"
    assert np.median(strengths) > 60, "the probe's box should be drawn on the annotated frames"


def test_video_reports_measured_fps(tmp_path):
    clip, _ = make_clip(tmp_path / "clip.avi", seed=6, n_frames=N_FRAMES, width=WIDTH, height=HEIGHT)
    probe = ProbeDetector()
    start = time.perf_counter()
    stats = process_video(probe, clip, output=tmp_path / "out.avi", boxes_path=tmp_path / "boxes.jsonl")
    wall = time.perf_counter() - start
    assert stats["frames"] == N_FRAMES and probe.images_seen == N_FRAMES
    assert 0 < stats["seconds"] <= wall + 1e-3, (
        f"reported {stats['seconds']:.3f} s, but the call took {wall:.3f} s: measure the loop with time.perf_counter()"
    )
    assert stats["seconds"] >= probe.last_call - probe.first_call, (
        "the timing must cover the loop from the first frame's detection to the last"
    )
    assert math.isclose(stats["fps"], stats["frames"] / stats["seconds"], rel_tol=0.01), "fps = frames / seconds"
