"""Milestone 3: the web app streams the image while it is being optimised."""
import base64
import io
import json
import threading

import numpy as np
import torch
from fastapi.testclient import TestClient
from PIL import Image

from conftest import ProbeExtractor
from stylize.web import create_app, event_stream, format_sse, frame_to_png


def test_format_sse_by_hand():
    assert format_sse("frame", "abc") == "event: frame\ndata: abc\n\n"
    assert format_sse("done", "line one\nline two") == "event: done\ndata: line one\ndata: line two\n\n"


def test_frame_to_png_round_trip():
    x = torch.rand(1, 3, 6, 9, generator=torch.Generator().manual_seed(0))
    png = frame_to_png(x)
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "frame_to_png must return the bytes of a PNG file"
    back = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert back.shape == (6, 9, 3)
    assert np.array_equal(back, (x[0].permute(1, 2, 0).numpy() * 255).round().astype(np.uint8))


def _events(lines):
    events, current = [], {}
    for line in lines:
        line = line.rstrip("\r\n")  # older httpx versions keep the line ending
        if not line:
            if current:
                events.append((current.get("event", "message"), "\n".join(current.get("data", []))))
            current = {}
        elif line.startswith("event:"):
            current["event"] = line[6:].strip()
        elif line.startswith("data:"):
            current.setdefault("data", []).append(line[5:].lstrip())
    return events


def test_web_page_streams_the_frames():
    app = create_app(make_extractor=lambda: ProbeExtractor())
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and "EventSource" in page.text, "the page listens to the frame stream"
        bad = client.post("/jobs", json={"style": "no-such-style"})
        assert bad.status_code == 422
        r = client.post("/jobs", json={"content": "scene", "style": "dots", "size": 32, "steps": 12, "every": 4,
                                       "style_weight": 1e3, "lr": 0.05})
        assert r.status_code == 200, r.text
        job = r.json()["id"]
        with client.stream("GET", f"/jobs/{job}/frames") as stream:
            assert stream.status_code == 200
            assert stream.headers["content-type"].startswith("text/event-stream"), "Server-Sent Events"
            events = _events(stream.iter_lines())
        names = [name for name, _ in events]
        assert names == ["frame"] * 4 + ["done"], f"frames at steps 0, 4, 8 and 12, then done; got {names}"
        frames = [json.loads(data) for name, data in events if name == "frame"]
        assert [f["step"] for f in frames] == [0, 4, 8, 12]
        images = [np.asarray(Image.open(io.BytesIO(base64.b64decode(f["png"]))).convert("RGB")) for f in frames]
        assert all(im.shape == (32, 32, 3) for im in images)
        assert not np.array_equal(images[0], images[-1]), "the frames show the image changing"
        assert "style" in frames[-1]["losses"], "each frame carries the latest losses"
        status = client.get(f"/jobs/{job}").json()
        assert status["done"] and status["frames"] == 4 and status["error"] is None
        latest = client.get(f"/jobs/{job}/latest.png")
        assert latest.headers["content-type"] == "image/png" and latest.content[:4] == b"\x89PNG"


class PausingProbe(ProbeExtractor):
    """The probe network, which holds the painting at its second step until the test lets it go on
    (or 10 s have passed): by then the first frame exists, and the job is still painting."""

    def __init__(self):
        super().__init__()
        self.steps_seen = 0
        self.go_on = threading.Event()

    def forward(self, x):
        if torch.is_grad_enabled() and x.requires_grad:  # a step on the image, not the targets
            self.steps_seen += 1
            if self.steps_seen == 2:
                self.go_on.wait(timeout=10)
        return super().forward(x)


def test_frames_reach_the_page_while_the_image_is_painted():
    extractor = PausingProbe()
    app = create_app(make_extractor=lambda: extractor)
    with TestClient(app) as client:
        try:
            r = client.post("/jobs", json={"content": "scene", "style": "dots", "size": 32, "steps": 12, "every": 4,
                                           "style_weight": 1e3, "lr": 0.05})
            assert r.status_code == 200, r.text
            job = app.state.jobs[r.json()["id"]]
            stream = event_stream(job, timeout=30)
            first = next(stream)
            still_painting = not job.done
        finally:
            extractor.go_on.set()
        rest = list(stream)
    assert _events(first.split("\n"))[0][0] == "frame", f"the stream starts with a frame, got {first[:40]!r}"
    assert still_painting, (
        "the first frame reached the stream only after the job had finished: send each frame as soon as the "
        "job adds it (a live preview), not all of them at the end"
    )
    names = [name for name, _ in _events("".join([first] + rest).split("\n"))]
    assert names == ["frame"] * 4 + ["done"], f"frames at steps 0, 4, 8 and 12, then done; got {names}"
