"""Milestone 6: a summarisation API with input validation, and a small web page.

``python -m summarizer serve`` runs it on http://127.0.0.1:8000/ (the page) and /docs (the API).
"""
from __future__ import annotations

from typing import List, Literal, Optional

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StrictStr, root_validator, validator

from .multidoc import summarize_many
from .textrank import lead, summarize

MAX_CHARS = 20_000
MAX_DOCUMENTS = 10


class SummarizeIn(BaseModel):
    """A request. Anything that does not fit is answered with HTTP 422 before any work is done."""

    text: Optional[StrictStr] = None
    documents: Optional[List[StrictStr]] = Field(None, min_items=2, max_items=MAX_DOCUMENTS)
    method: Literal["textrank", "lead", "abstractive"] = "textrank"
    max_sentences: Optional[int] = Field(None, ge=1, le=20)
    max_words: Optional[int] = Field(None, ge=5, le=1000)

    class Config:
        extra = "forbid"

    @validator("text")
    def text_not_blank(cls, value):  # noqa: N805 - pydantic passes the class
        if value is not None and not value.strip():
            raise ValueError("text must not be blank")
        return value

    @validator("documents")
    def documents_not_blank(cls, value):  # noqa: N805
        if value is not None and any(not d.strip() for d in value):
            raise ValueError("every document must be non-blank")
        return value

    @root_validator(skip_on_failure=True)
    def one_input(cls, values):  # noqa: N805
        if (values.get("text") is None) == (values.get("documents") is None):
            raise ValueError("send either text or documents, not both and not neither")
        if values.get("documents") is not None and values.get("method") != "textrank":
            raise ValueError("several documents are summarised with method 'textrank' (TextRank + MMR)")
        return values


class SummaryOut(BaseModel):
    summary: str
    sentences: List[str]
    method: str
    words: int


def create_app(abstractive=None) -> FastAPI:
    """The API. ``abstractive`` is an optional object with ``summarize(text, max_words) -> str``.

    - ``GET /`` answers the web page (``PAGE``), ``GET /health`` answers ``{"status": "ok"}``;
    - ``POST /summarize`` takes a ``SummarizeIn``. One ``text`` is summarised by ``method``;
      ``documents`` by ``summarize_many``. ``"abstractive"`` without an abstractive summariser
      answers 501. The answer is a ``SummaryOut``; ``words`` counts ``summary.split()``.
    """
    app = FastAPI(title="Summarisation API", version="1.0")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return PAGE

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "abstractive": abstractive is not None}

    @app.post("/summarize", response_model=SummaryOut)
    def summarize_endpoint(request: SummarizeIn) -> dict:
        limits = dict(max_sentences=request.max_sentences, max_words=request.max_words)
        if request.documents is not None:
            sentences = summarize_many(request.documents, **limits).sentences
        elif request.method == "abstractive":
            if abstractive is None:
                raise HTTPException(status_code=501, detail="no abstractive model is loaded (pip install transformers)")
            text = abstractive.summarize(request.text, max_words=request.max_words or 60)
            return {"summary": text, "sentences": [text], "method": "abstractive", "words": len(text.split())}
        else:
            sentences = (summarize if request.method == "textrank" else lead)(request.text, **limits).sentences
        summary = " ".join(sentences)
        return {"summary": summary, "sentences": sentences, "method": request.method, "words": len(summary.split())}

    return app


# The web page (GIVEN): paste one text, or several separated by a line with three dashes.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Summariser</title>
<style>
 body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
 textarea { width: 100%; font: inherit; } label { margin-right: 1rem; } .error { color: #b00; }
 blockquote { border-left: 4px solid #3b7; margin: 1rem 0; padding: .2rem 1rem; background: #f4faf6; }
</style></head><body>
<h1>Summariser</h1>
<p>Paste a text. To summarise several documents together, separate them with a line holding <code>---</code>.</p>
<form id="form">
<textarea id="text" rows="12"></textarea>
<p><label>Method <select id="method"><option>textrank</option><option>lead</option><option>abstractive</option></select></label>
<label>Length <input id="size" type="number" value="3" min="1" max="1000" style="width:5rem"></label>
<label><select id="unit"><option value="max_sentences">sentences</option><option value="max_words">words</option></select></label>
<button type="submit">Summarise</button></p></form>
<div id="out"></div>
<script>
const out = document.getElementById('out');
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const parts = document.getElementById('text').value.split(/\\n---+\\n/).map((p) => p.trim()).filter((p) => p);
  const body = {method: document.getElementById('method').value};
  body[document.getElementById('unit').value] = Number(document.getElementById('size').value);
  if (parts.length > 1) body.documents = parts; else body.text = parts[0] || '';
  const response = await fetch('/summarize', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
  const data = await response.json();
  if (!response.ok) { out.innerHTML = '<p class="error">' + esc(JSON.stringify(data.detail)) + '</p>'; return; }
  out.innerHTML = '<h2>Summary (' + data.words + ' words, ' + esc(data.method) + ')</h2>' +
    data.sentences.map((s) => '<blockquote>' + esc(s) + '</blockquote>').join('');
});
</script></body></html>
"""


def main() -> None:
    import uvicorn

    uvicorn.run(create_app(), host="127.0.0.1", port=8000)


if __name__ == "__main__":
    main()
