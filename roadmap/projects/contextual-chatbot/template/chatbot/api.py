"""Milestone 6: a web chat endpoint, a small chat page and the analytics, with FastAPI.

Add validation to ``ChatIn`` and finish the endpoints in ``create_app``.

``python -m chatbot serve`` runs it on http://127.0.0.1:8000/ (after ``python -m chatbot train``).
"""
from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StrictStr, validator  # noqa: F401

from .analytics import compute_analytics  # noqa: F401

MAX_CHARS = 300
_SESSION = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what a session id may look like


class ChatIn(BaseModel):
    """One message. Anything else is answered with HTTP 422 before the bot sees it.

    TODO: make pydantic reject, with a 422:
    - a ``session_id`` that is missing, not a string, or not 1-64 of ``A-Z a-z 0-9 _ -``;
    - a ``text`` that is missing, not a string, empty, blank, or longer than MAX_CHARS;
    - any other field.
    """

    session_id: str
    text: str


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
        # TODO
        return {"status": "TODO"}

    @app.post("/chat")
    def chat(message: ChatIn) -> dict:
        # TODO
        raise NotImplementedError("TODO: answer a message")

    @app.get("/analytics")
    def analytics() -> dict:
        # TODO
        raise NotImplementedError("TODO: the analytics")

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
