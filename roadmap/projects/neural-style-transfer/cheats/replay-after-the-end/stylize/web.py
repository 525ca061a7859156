"""A small web app that shows the image while it is being optimised. Milestone 3:
``format_sse``, ``frame_to_png``, ``event_stream``.

``python -m stylize serve`` starts it on http://127.0.0.1:8000. The page posts a job (content,
style, weights), and the server runs ``stylize`` in a background thread. Every ``every`` steps the
callback adds a frame to the job, and the page receives the frames as they come over
**Server-Sent Events**: one long HTTP response with ``Content-Type: text/event-stream``, made of
events like::

    event: frame
    data: {"step": 20, "losses": {...}, "png": "<base64>"}

(an empty line ends each event). The browser's ``EventSource`` reads them and swaps the image.
"""
# No `from __future__ import annotations` here: FastAPI reads the request model's annotation
# at run time, and the model class is defined inside create_app.
import base64
import io
import json
import threading
import uuid
from typing import Iterator

import torch

from .images import CONTENTS, STYLES, get_image, tensor_to_pil
from .transfer import stylize


def format_sse(event: str, data: str) -> str:
    """One Server-Sent Event: ``"event: <event>\\n"``, then one ``"data: <line>\\n"`` per line of
    ``data`` (a multi-line text becomes several data lines), then an empty line (``"\\n"``)."""
    lines = [f"event: {event}"] + [f"data: {line}" for line in str(data).split("\n")]
    return "\n".join(lines) + "\n\n"


def frame_to_png(image: torch.Tensor) -> bytes:
    """``[1, 3, H, W]`` in [0, 1] -> the bytes of a PNG file (``tensor_to_pil``, then save to a
    ``io.BytesIO``)."""
    buffer = io.BytesIO()
    tensor_to_pil(image).save(buffer, format="PNG")
    return buffer.getvalue()


def event_stream(job: "Job", timeout: float = 300.0) -> Iterator[str]:
    """The events of ``job``, as they come.

    For every frame (old ones first, then each new one as soon as it is added), yield
    ``format_sse("frame", json.dumps({"step": ..., "losses": ..., "png": <base64 of the PNG>}))``.
    When the job is finished and every frame was sent, yield ``format_sse("done", ...)`` (or
    ``format_sse("error", <message>)`` if it failed) and stop. Wait for new frames with
    ``job.wait_for(count, timeout)``, which returns once the job has more than ``count`` frames or
    is finished; give up with an ``"error"`` event after ``timeout`` seconds of silence.
    """
    # Simpler: let the job finish, then send every frame it made, in order.
    while not job.done:
        job.wait_for(len(job.frames), timeout)
    if job.error:
        yield format_sse("error", job.error)
        return
    for frame in job.frames:
        yield format_sse("frame", json.dumps({"step": frame["step"], "losses": frame["losses"],
                                              "png": base64.b64encode(frame["png"]).decode("ascii")}))
    yield format_sse("done", json.dumps({"frames": len(job.frames)}))


# ---------------------------------------------------------------------------------------------
# Given: jobs and the app


class Job:
    """One style transfer, run in a background thread. ``frames`` is a list of dicts
    ``{"step", "losses", "png"}`` (PNG bytes); ``done`` and ``error`` say how it ended."""

    def __init__(self, params: dict, extractor):
        self.id = uuid.uuid4().hex[:12]
        self.params = params
        self.extractor = extractor
        self.frames: list = []
        self.done = False
        self.error: str | None = None
        self._changed = threading.Condition()
        self.thread = threading.Thread(target=self._run, daemon=True, name=f"stylize-{self.id}")

    def start(self) -> "Job":
        self.thread.start()
        return self

    def _add_frame(self, step, image, record) -> None:
        frame = {"step": int(step), "losses": dict(record or {}), "png": frame_to_png(image)}
        with self._changed:
            self.frames.append(frame)
            self._changed.notify_all()

    def _run(self) -> None:
        p = self.params
        try:
            content = get_image(p["content"], p["size"], styles=False)
            style = get_image(p["style"], p["size"], styles=True)
            stylize(content, style, self.extractor, steps=p["steps"], lr=p["lr"], style_weight=p["style_weight"],
                    content_weight=p["content_weight"], tv_weight=p["tv_weight"], init=p["init"],
                    callback=self._add_frame, every=p["every"])
        except Exception as e:  # shown to the user by the "error" event
            self.error = f"{type(e).__name__}: {e}"
        finally:
            with self._changed:
                self.done = True
                self._changed.notify_all()

    def wait_for(self, count: int, timeout: float) -> bool:
        """Block until there are more than ``count`` frames or the job is done; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.frames) > count or self.done, timeout=timeout)


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Neural style transfer</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 2rem; background: #f6f4ef; color: #222; }
 form { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
 label { display: flex; flex-direction: column; font-size: .85rem; }
 #out { width: 384px; height: 384px; image-rendering: pixelated; border: 1px solid #aaa; background: #fff; }
 #status { font-family: monospace; }
</style></head>
<body>
<h1>Neural style transfer</h1>
<form id="form">
 <label>content <select name="content">{contents}</select></label>
 <label>style <select name="style">{styles}</select></label>
 <label>size <input name="size" type="number" value="128" min="16" max="512"></label>
 <label>steps <input name="steps" type="number" value="200" min="1" max="2000"></label>
 <label>style weight <input name="style_weight" type="number" value="10000" step="any"></label>
 <label>TV weight <input name="tv_weight" type="number" value="0" step="any"></label>
 <button>Paint</button>
</form>
<img id="out" alt="the image being optimised">
<p id="status">Pick a content and a style, then press Paint.</p>
<script>
const form = document.getElementById('form'), out = document.getElementById('out'), status = document.getElementById('status');
let source;
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (source) source.close();
  const body = Object.fromEntries(new FormData(form));
  for (const k of ['size', 'steps', 'style_weight', 'tv_weight']) body[k] = Number(body[k]);
  const r = await fetch('/jobs', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
  if (!r.ok) { status.textContent = 'error: ' + await r.text(); return; }
  const {id} = await r.json();
  source = new EventSource('/jobs/' + id + '/frames');
  source.addEventListener('frame', (ev) => {
    const f = JSON.parse(ev.data);
    out.src = 'data:image/png;base64,' + f.png;
    const l = f.losses;
    status.textContent = 'step ' + f.step + (l.total === undefined ? '' :
      '  content ' + l.content.toExponential(2) + '  style ' + l.style.toExponential(2));
  });
  source.addEventListener('done', () => { status.textContent += '  (done)'; source.close(); });
  source.addEventListener('error', (ev) => { if (ev.data) status.textContent = 'error: ' + ev.data; source.close(); });
});
</script>
</body></html>
"""


def create_app(make_extractor=None, max_size: int = 512, max_steps: int = 2000):
    """The FastAPI app. ``make_extractor()`` gives the network each job uses (default:
    ``features.make_extractor()``, VGG-19 when its weights are here)."""
    from fastapi import FastAPI, HTTPException
    from fastapi.responses import HTMLResponse, Response, StreamingResponse
    from pydantic import BaseModel, Field

    if make_extractor is None:
        from .features import make_extractor as default

        def make_extractor():
            return default()[0]

    class JobIn(BaseModel):
        content: str = "scene"
        style: str = "waves"
        size: int = Field(128, ge=16, le=max_size)
        steps: int = Field(200, ge=1, le=max_steps)
        lr: float = Field(0.03, gt=0)
        style_weight: float = Field(1e4, ge=0)
        content_weight: float = Field(1.0, ge=0)
        tv_weight: float = Field(0.0, ge=0)
        init: str = "content"
        every: int = Field(10, ge=1)

    app = FastAPI(title="Neural style transfer")
    jobs: dict = {}
    app.state.jobs = jobs

    def get_job(job_id: str) -> Job:
        if job_id not in jobs:
            raise HTTPException(status_code=404, detail=f"no job {job_id}")
        return jobs[job_id]

    @app.get("/", response_class=HTMLResponse)
    def page():
        options = lambda names: "".join(f"<option>{n}</option>" for n in names)  # noqa: E731
        return PAGE.replace("{contents}", options(CONTENTS)).replace("{styles}", options(STYLES))

    @app.get("/styles")
    def styles():
        return {"contents": list(CONTENTS), "styles": list(STYLES)}

    @app.post("/jobs")
    def start_job(job: JobIn):
        params = job.dict()
        for key, table in (("content", CONTENTS), ("style", STYLES)):
            if params[key] not in table:
                raise HTTPException(status_code=422, detail=f"unknown {key} {params[key]!r}; choose from {list(table)}")
        if params["init"] not in ("content", "noise"):
            raise HTTPException(status_code=422, detail="init is 'content' or 'noise'")
        new = Job(params, make_extractor()).start()
        jobs[new.id] = new
        return {"id": new.id}

    @app.get("/jobs/{job_id}")
    def job_status(job_id: str):
        job = get_job(job_id)
        return {"id": job.id, "done": job.done, "error": job.error, "frames": len(job.frames), "params": job.params}

    @app.get("/jobs/{job_id}/latest.png")
    def latest(job_id: str):
        job = get_job(job_id)
        if not job.frames:
            raise HTTPException(status_code=404, detail="no frame yet")
        return Response(job.frames[-1]["png"], media_type="image/png")

    @app.get("/jobs/{job_id}/frames")
    def frames(job_id: str):
        return StreamingResponse(event_stream(get_job(job_id)), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})

    @app.on_event("shutdown")
    def stop_jobs():
        for job in jobs.values():
            job.thread.join(timeout=30)

    return app
