"""Milestone 7: a REST API with input validation, and a small web page.

Run it after training (``python -m sentiment train``) with ``python -m sentiment serve``, then
open http://127.0.0.1:8000/ (the page) or http://127.0.0.1:8000/docs (the API).
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StrictStr, validator

MAX_CHARS = 500
DEFAULT_MODEL = Path("artifacts") / "model.pt"


class ReviewIn(BaseModel):
    """What a client sends. Anything else must be answered with HTTP 422 before the model runs."""

    text: StrictStr = Field(..., min_length=1, max_length=MAX_CHARS)
    explain: bool = True

    class Config:
        extra = "forbid"

    @validator("text")
    def not_blank(cls, value: str) -> str:  # noqa: N805 - pydantic passes the class
        if not value.strip():
            raise ValueError("text must contain something other than white space")
        return value


class TokenScore(BaseModel):
    token: str
    score: float


class PredictionOut(BaseModel):
    label: str
    probabilities: dict[str, float]
    aspects: dict[str, str]
    tokens: list[TokenScore] = []


def create_app(predictor) -> FastAPI:
    """The API around a predictor with ``predict(text, explain) -> dict`` (see ``Predictor``).

    - ``GET /`` answers the web page (``PAGE``);
    - ``GET /health`` answers ``{"status": "ok"}``;
    - ``POST /predict`` takes a ``ReviewIn`` and answers a ``PredictionOut``.
    """
    app = FastAPI(title="Sentiment analysis API", version="1.0")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return PAGE

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.post("/predict", response_model=PredictionOut)
    def predict(review: ReviewIn) -> dict:
        return predictor.predict(review.text, explain=review.explain)

    return app


class Predictor:
    """Ties the trained model, the vocabulary, aspects and explanations together (GIVEN)."""

    def __init__(self, model, vocab):
        self.model, self.vocab = model.eval(), vocab

    def predict(self, text: str, explain: bool = True) -> dict:
        from .aspects import extract_aspects
        from .data import LABELS
        from .explain import explain as explain_text
        from .train import predict_sentences

        probs = predict_sentences(self.model, self.vocab, [text])[0]
        out = {
            "label": LABELS[int(probs.argmax())],
            "probabilities": {label: float(p) for label, p in zip(LABELS, probs)},
            "aspects": extract_aspects(self.model, self.vocab, [text])[0],
            "tokens": [],
        }
        if explain:
            scores, _ = explain_text(self.model, self.vocab, text)
            out["tokens"] = [{"token": t, "score": s} for t, s in scores]
        return out


def build_app_from_disk(path: Path = DEFAULT_MODEL) -> FastAPI:
    """Load the model saved by ``python -m sentiment train`` and serve it (GIVEN)."""
    from .model import load_model

    model, vocab = load_model(path)
    return create_app(Predictor(model, vocab))


# The web page (GIVEN). It posts to /predict and colours each word by its attribution.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review sentiment</title>
<style>
 body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
 textarea { width: 100%; font: inherit; } .bar { height: .6rem; background: #ccc; }
 .bar span { display: block; height: 100%; background: #3b7; } .tok { padding: 0 .15rem; border-radius: .2rem; }
 .error { color: #b00; } table { border-collapse: collapse; } td { padding: .1rem .6rem; }
</style></head><body>
<h1>Review sentiment</h1>
<form id="form"><textarea id="text" rows="4" maxlength="500">The battery dies before lunch, but the screen is bright and sharp.</textarea>
<p><button type="submit">Analyse</button></p></form>
<div id="out"></div>
<script>
const out = document.getElementById('out');
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const response = await fetch('/predict', {method: 'POST', headers: {'content-type': 'application/json'},
    body: JSON.stringify({text: document.getElementById('text').value})});
  const body = await response.json();
  if (!response.ok) { out.innerHTML = '<p class="error">' + esc(JSON.stringify(body.detail)) + '</p>'; return; }
  const top = Math.max(1e-6, ...body.tokens.map((t) => Math.abs(t.score)));
  const words = body.tokens.map((t) => '<span class="tok" title="' + t.score.toFixed(3) + '" style="background:' +
    (t.score >= 0 ? 'rgba(60,180,90,' : 'rgba(220,60,60,') + (Math.abs(t.score) / top).toFixed(2) + ')">' + esc(t.token) + '</span>').join(' ');
  const probs = Object.entries(body.probabilities).map(([k, v]) =>
    '<tr><td>' + k + '</td><td style="width:12rem"><div class="bar"><span style="width:' + (100 * v).toFixed(1) + '%"></span></div></td><td>' + (100 * v).toFixed(1) + '%</td></tr>').join('');
  const aspects = Object.entries(body.aspects).map(([k, v]) => '<li>' + esc(k) + ': <b>' + esc(v) + '</b></li>').join('') || '<li>none found</li>';
  out.innerHTML = '<h2>' + esc(body.label) + '</h2><table>' + probs + '</table><h3>Aspects</h3><ul>' + aspects +
    '</ul><h3>Why (gradient x input)</h3><p>' + words + '</p>';
});
</script></body></html>
"""


def main() -> None:
    import uvicorn

    uvicorn.run(build_app_from_disk(), host="127.0.0.1", port=8000)


if __name__ == "__main__":
    main()
