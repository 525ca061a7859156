"""Milestone 6: the API, its validation and its page, and the command line."""
import json

from fastapi.testclient import TestClient

from summarizer.api import MAX_CHARS, MAX_DOCUMENTS, create_app
from summarizer.corpus import ARTICLES, CLUSTERS, clusters
from summarizer.multidoc import summarize_many
from summarizer.rouge import rouge_l, rouge_n
from summarizer.textrank import lead, summarize

TEXT = ARTICLES[0]["text"]


class StubAbstractive:
    def __init__(self):
        self.calls = []

    def summarize(self, text, max_words=60):
        self.calls.append((text, max_words))
        return "a short abstract"


def test_health_and_web_page():
    client = TestClient(create_app())
    assert client.get("/health").json().get("status") == "ok"
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "<textarea" in page.text and "/summarize" in page.text


def test_summarize_endpoint():
    stub = StubAbstractive()
    client = TestClient(create_app(abstractive=stub))
    r = client.post("/summarize", json={"text": TEXT, "max_sentences": 2})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["sentences"] == summarize(TEXT, max_sentences=2).sentences and body["method"] == "textrank"
    assert body["summary"] == " ".join(body["sentences"]) and body["words"] == len(body["summary"].split())
    r = client.post("/summarize", json={"text": TEXT, "max_words": 30, "method": "lead"}).json()
    assert r["sentences"] == lead(TEXT, max_words=30).sentences and r["words"] <= 30
    docs = [a["text"] for a in clusters()["strike"]]
    r = client.post("/summarize", json={"documents": docs, "max_words": 70}).json()
    assert r["sentences"] == summarize_many(docs, max_words=70).sentences
    r = client.post("/summarize", json={"text": TEXT, "method": "abstractive", "max_words": 25})
    assert r.status_code == 200 and r.json()["summary"] == "a short abstract" and stub.calls == [(TEXT, 25)]
    bare = TestClient(create_app())
    r = bare.post("/summarize", json={"text": TEXT, "method": "abstractive"})
    assert r.status_code == 501, f"no abstractive model loaded: answer 501, got {r.status_code}"


def test_rejects_bad_input_with_422():
    stub = StubAbstractive()
    client = TestClient(create_app(abstractive=stub))
    bad = {
        "neither text nor documents": {"max_sentences": 2},
        "both text and documents": {"text": TEXT, "documents": [TEXT, TEXT]},
        "blank text": {"text": "   \n "},
        "a number instead of text": {"text": 42},
        "a single document": {"documents": [TEXT]},
        "a blank document": {"documents": [TEXT, "  "]},
        "too long a text": {"text": "word " * (MAX_CHARS // 5 + 1)},
        "too long a document": {"documents": [TEXT, "word " * (MAX_CHARS // 5 + 1)]},
        "too many documents": {"documents": [TEXT] * (MAX_DOCUMENTS + 1)},
        "zero sentences": {"text": TEXT, "max_sentences": 0},
        "too few words": {"text": TEXT, "max_words": 2},
        "an unknown method": {"text": TEXT, "method": "magic"},
        "an unknown field": {"text": TEXT, "ratio": 0.3},
        "several documents with lead": {"documents": [TEXT, TEXT], "method": "lead"},
    }
    for label, payload in bad.items():
        r = client.post("/summarize", json=payload)
        assert r.status_code == 422, f"{label}: expected 422, got {r.status_code} {r.text[:200]}"
    longest = ("word " * (MAX_CHARS // 5))[:MAX_CHARS]
    assert client.post("/summarize", json={"text": longest}).status_code == 200, f"{MAX_CHARS} characters are allowed"
    assert stub.calls == []


def test_cli_evaluate_reports_what_it_measured(tmp_path):
    from summarizer.__main__ import main

    main(["evaluate", "--out", str(tmp_path)])
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert (tmp_path / "rouge.png").read_bytes()[:4] == b"\x89PNG" and (tmp_path / "summaries.md").exists()
    for method, fn in (("textrank", summarize), ("lead", lead)):
        for key, limits in ((f"{method}_2_sentences", dict(max_sentences=2)), (f"{method}_45_words", dict(max_words=45))):
            _assert_reported(metrics, key, [(fn(a["text"], **limits).text, a["summary"]) for a in ARTICLES])
    stories = [(summarize_many([a["text"] for a in arts], max_words=70).text, CLUSTERS[name]) for name, arts in clusters().items()]
    _assert_reported(metrics, "multidoc_70_words", stories)


def _assert_reported(metrics, key, pairs):
    """Every mean F1 that metrics.json reports under ``key`` equals the one recomputed here."""
    measures = {"rouge1": lambda c, r: rouge_n(c, r, 1), "rouge2": lambda c, r: rouge_n(c, r, 2), "rougeL": rouge_l}
    for name, measure in measures.items():
        expected = sum(measure(c, r).fmeasure for c, r in pairs) / len(pairs)
        got = metrics[key][name]
        assert abs(got - expected) < 1e-9, f"metrics.json says {key} {name} {got}, recomputed {expected}"
