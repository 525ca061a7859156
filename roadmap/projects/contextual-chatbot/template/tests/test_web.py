"""Milestone 6: analytics, the web chat endpoint and its page, and the command line."""
import json
import pickle

from fastapi.testclient import TestClient

from chatbot.analytics import compute_analytics
from chatbot.api import MAX_CHARS, create_app
from chatbot.bot import Bot
from tests.helpers import ScriptedNLU, nlu

SCRIPT = {
    "hi": nlu("greet"),
    "table for 4 on friday at 7:30": nlu("book_table", people=4, date="friday", time="19:30"),
    "Okafor": nlu("inform", name="Okafor"),
    "yes": nlu("affirm"),
    "what is the capital of peru": nlu("out_of_scope", 0.9),
    "mumble": nlu("inform", 0.2),
    "make it 7 pm instead": nlu("change_booking", time="19:00"),
    "cancel it, under Okafor": nlu("cancel_booking", name="Okafor"),
    "bye": nlu("goodbye"),
}


def _session(bot):
    for text in ["hi", "table for 4 on friday at 7:30", "what is the capital of peru", "Okafor", "yes",
                 "make it 7 pm instead", "yes", "bye"]:
        bot.reply("alice", text)
    for text in ["mumble", "cancel it, under Okafor", "yes"]:
        bot.reply("bob", text)


def test_analytics_match_a_scripted_session():
    bot = Bot(ScriptedNLU(SCRIPT))
    _session(bot)
    stats = compute_analytics(bot.events)
    assert stats["turns"] == 11 and stats["sessions"] == 2
    assert stats["intent_counts"] == {"greet": 1, "book_table": 1, "out_of_scope": 1, "inform": 2, "affirm": 3,
                                      "change_booking": 1, "goodbye": 1, "cancel_booking": 1}
    assert abs(stats["fallback_rate"] - 2 / 11) < 1e-9, f"2 of 11 turns fell back, got {stats['fallback_rate']}"
    assert stats["completed_tasks"] == {"book": 1, "change": 1, "cancel": 1}
    # book: 4 turns (request, fallback, name, yes); change: 2; cancel: 2.
    assert abs(stats["turns_per_completed_task"] - 8 / 3) < 1e-9, f"got {stats['turns_per_completed_task']}"
    assert abs(stats["turns_per_session"] - 5.5) < 1e-9
    empty = compute_analytics([])
    assert empty["turns"] == 0 and empty["fallback_rate"] == 0.0 and empty["turns_per_completed_task"] is None


def test_chat_endpoint_keeps_context_per_session():
    bot = Bot(ScriptedNLU(SCRIPT))
    client = TestClient(create_app(bot))
    r = client.post("/chat", json={"session_id": "alice", "text": "table for 4 on friday at 7:30"})
    assert r.status_code == 200 and r.json()["action"] == "request_name", r.text
    assert client.post("/chat", json={"session_id": "bob", "text": "hi"}).json()["action"] == "greet"
    body = client.post("/chat", json={"session_id": "alice", "text": "Okafor"}).json()
    assert body["action"] == "confirm_booking" and "Okafor" in body["reply"], "alice's context survives bob's turn"
    assert set(body) >= {"reply", "intent", "confidence", "entities", "action", "slots"}
    client.post("/chat", json={"session_id": "alice", "text": "yes"})
    assert bot.restaurant.bookings["Okafor"]["people"] == 4
    stats = client.get("/analytics").json()
    assert stats["turns"] == 4 and stats["completed_tasks"]["book"] == 1


def test_rejects_bad_input_with_422():
    bot = Bot(ScriptedNLU(SCRIPT))
    client = TestClient(create_app(bot))
    bad = {
        "missing text": {"session_id": "a"},
        "missing session": {"text": "hi"},
        "empty text": {"session_id": "a", "text": ""},
        "blank text": {"session_id": "a", "text": "  \t"},
        "too long": {"session_id": "a", "text": "x" * (MAX_CHARS + 1)},
        "a number as text": {"session_id": "a", "text": 5},
        "a bad session id": {"session_id": "a b/../c", "text": "hi"},
        "an empty session id": {"session_id": "", "text": "hi"},
        "an unknown field": {"session_id": "a", "text": "hi", "admin": True},
    }
    for label, payload in bad.items():
        r = client.post("/chat", json=payload)
        assert r.status_code == 422, f"{label}: expected 422, got {r.status_code} {r.text[:200]}"
    assert bot.events == [], "invalid messages never reach the bot"


def test_health_page_and_dashboard():
    client = TestClient(create_app(Bot(ScriptedNLU(SCRIPT))))
    assert client.get("/health").json().get("status") == "ok"
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/chat" in page.text and "/analytics" in page.text and "<input" in page.text


def test_cli_train_reports_what_it_measured(tmp_path, splits):
    from chatbot.__main__ import main

    metrics = main(["train", "--out", str(tmp_path)])
    saved = json.loads((tmp_path / "metrics.json").read_text())
    assert saved == metrics and (tmp_path / "confusion.png").read_bytes()[:4] == b"\x89PNG"
    with open(tmp_path / "nlu.pkl", "rb") as f:
        nlu_model = pickle.load(f)
    test = splits["test"]
    accuracy = sum(p == u.intent for (p, _), u in zip(nlu_model.intents.predict([u.text for u in test]), test)) / len(test)
    assert abs(saved["intent_accuracy"] - accuracy) < 1e-9, f"metrics.json says {saved['intent_accuracy']}, the saved model scores {accuracy}"
