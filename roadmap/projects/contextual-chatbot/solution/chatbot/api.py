"""Milestone 6: a web chat endpoint, a small chat page and the analytics, with FastAPI.

``python -m chatbot serve`` runs it on http://127.0.0.1:8000/ (after ``python -m chatbot train``).
"""
from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StrictStr, validator

from .analytics import compute_analytics

MAX_CHARS = 300
_SESSION = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ChatIn(BaseModel):
    """One message. Anything else is answered with HTTP 422 before the bot sees it."""

    session_id: StrictStr
    text: StrictStr = Field(..., min_length=1, max_length=MAX_CHARS)

    class Config:
        extra = "forbid"

    @validator("session_id")
    def safe_session(cls, value):  # noqa: N805 - pydantic passes the class
        if not _SESSION.fullmatch(value):
            raise ValueError("session_id is 1-64 letters, digits, '_' or '-'")
        return value

    @validator("text")
    def not_blank(cls, value):  # noqa: N805
        if not value.strip():
            raise ValueError("text must not be blank")
        return value


def create_app(bot) -> FastAPI:
    """The web face of a ``Bot``.

    - ``GET /`` the chat page (``PAGE``); ``GET /health`` ``{"status": "ok"}``;
    - ``POST /chat`` takes a ``ChatIn`` and answers ``bot.reply(session_id, text)``;
    - ``GET /analytics`` answers ``compute_analytics(bot.events)``.
    """
    app = FastAPI(title="Restaurant assistant", version="1.0")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return PAGE

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.post("/chat")
    def chat(message: ChatIn) -> dict:
        return bot.reply(message.session_id, message.text)

    @app.get("/analytics")
    def analytics() -> dict:
        return compute_analytics(bot.events)

    return app


# The chat page (GIVEN): a message list, a text box, and the analytics under it.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Book a table</title>
<style>
 body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
 #log { border: 1px solid #ccc; border-radius: .5rem; padding: 1rem; min-height: 16rem; }
 .me { text-align: right; color: #036; } .bot { color: #222; } .meta { color: #888; font-size: .8rem; }
 form { display: flex; gap: .5rem; margin-top: .5rem; } input { flex: 1; font: inherit; padding: .3rem; }
</style></head><body>
<h1>Book a table</h1>
<div id="log"><p class="bot">Hello! I can book, change or cancel a table for you.</p></div>
<form id="form"><input id="text" maxlength="300" autocomplete="off" placeholder="A table for four tomorrow at 7 pm"><button>Send</button></form>
<h2>Analytics</h2><pre id="stats">-</pre>
<script>
const session = 'web-' + Math.random().toString(36).slice(2, 10);
const log = document.getElementById('log');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
async function stats() { document.getElementById('stats').textContent = JSON.stringify(await (await fetch('/analytics')).json(), null, 1); }
document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const box = document.getElementById('text'); const text = box.value; if (!text.trim()) return; box.value = '';
  log.insertAdjacentHTML('beforeend', '<p class="me">' + esc(text) + '</p>');
  const response = await fetch('/chat', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({session_id: session, text})});
  const body = await response.json();
  const reply = response.ok ? body.reply : 'Error: ' + JSON.stringify(body.detail);
  const meta = response.ok ? body.intent + ' (' + body.confidence.toFixed(2) + ') ' + JSON.stringify(body.entities) + ' -> ' + body.action : '';
  log.insertAdjacentHTML('beforeend', '<p class="bot">' + esc(reply) + '<br><span class="meta">' + esc(meta) + '</span></p>');
  stats();
});
stats();
</script></body></html>
"""
