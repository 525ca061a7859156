"""Milestone 7: the REST API and its page, the ONNX export, and the command line."""
import json

import numpy as np
import onnx
import torch
from fastapi.testclient import TestClient

from sentiment.api import MAX_CHARS, Predictor, create_app
from sentiment.export import export_onnx
from tests import onnx_numpy
from tests.helpers import aspect_scores

GOOD = {"text": "The battery dies before lunch, but the screen is bright and sharp."}


class StubPredictor:
    def __init__(self):
        self.seen = []

    def predict(self, text, explain=True):
        self.seen.append(text)
        return {"label": "positive", "probabilities": {"negative": 0.1, "neutral": 0.2, "positive": 0.7},
                "aspects": {"screen": "positive"}, "tokens": [{"token": "great", "score": 0.5}] if explain else []}


def test_health_and_web_page():
    client = TestClient(create_app(StubPredictor()))
    health = client.get("/health")
    assert health.status_code == 200 and health.json().get("status") == "ok", f"/health: {health.status_code} {health.text}"
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers.get("content-type", ""), "GET / serves the web page"
    assert "<textarea" in page.text and "/predict" in page.text, "the page has a text box and posts to /predict"


def test_predict_answers_good_input(trained):
    stub = StubPredictor()
    client = TestClient(create_app(stub))
    response = client.post("/predict", json=GOOD)
    assert response.status_code == 200, f"a valid review must get 200, got {response.status_code}: {response.text}"
    assert response.json()["label"] == "positive" and stub.seen == [GOOD["text"]], "the endpoint must ask the predictor"

    data = trained()
    client = TestClient(create_app(Predictor(data["model"], data["vocab"])))
    body = client.post("/predict", json=GOOD).json()
    assert set(body) >= {"label", "probabilities", "aspects", "tokens"}, f"unexpected answer {body}"
    assert abs(sum(body["probabilities"].values()) - 1) < 1e-4
    assert body["aspects"] == {"battery": "negative", "screen": "positive"}, f"aspects of {GOOD['text']!r}: {body['aspects']}"
    assert [t["token"] for t in body["tokens"]][:3] == ["the", "battery", "dies"]


def test_rejects_bad_input_with_422():
    stub = StubPredictor()
    client = TestClient(create_app(stub))
    bad = {
        "missing text": {},
        "empty text": {"text": ""},
        "only white space": {"text": "   \n\t "},
        "too long": {"text": "good " * (MAX_CHARS // 5 + 1)},
        "a number instead of text": {"text": 12345},
        "null text": {"text": None},
        "a list instead of text": {"text": ["good", "bad"]},
        "an unknown field": {"text": "fine", "colour": "blue"},
        "explain is not a boolean": {"text": "fine", "explain": "maybe"},
    }
    for label, payload in bad.items():
        response = client.post("/predict", json=payload)
        assert response.status_code == 422, f"{label}: expected 422, got {response.status_code} {response.text[:200]}"
    assert stub.seen == [], "invalid input must be rejected before it reaches the model"
    assert client.post("/predict", json={"text": "x" * MAX_CHARS}).status_code == 200, f"{MAX_CHARS} characters are allowed"


def test_onnx_export_matches_torch(trained, splits, tmp_path):
    data = trained()
    model, vocab = data["model"], data["vocab"]
    path = tmp_path / "sentiment.onnx"
    export_onnx(model, path)
    graph = onnx.load(str(path))
    onnx.checker.check_model(graph)
    assert max(o.version for o in graph.opset_import if o.domain in ("", "ai.onnx")) <= 17, "use opset 17 or lower"
    inputs = [i for i in graph.graph.input if i.name not in {init.name for init in graph.graph.initializer}]
    assert [i.name for i in inputs] == ["input_ids"], f"one input named input_ids, got {[i.name for i in inputs]}"
    assert inputs[0].type.tensor_type.elem_type == onnx.TensorProto.INT64, "input_ids is int64"
    dims = inputs[0].type.tensor_type.shape.dim
    assert len(dims) == 2 and all(d.dim_param for d in dims), "both axes of input_ids must be dynamic (dynamic_axes)"
    assert [o.name for o in graph.graph.output] == ["sentence_logits", "aspect_logits", "polarity_logits"]
    for texts in ([r.text for r in splits["test"][:7]], ["Fine.", "The sound is tinny and thin, but the price is a real bargain!"]):
        ids = vocab.encode_batch(texts)
        with torch.no_grad():
            expected = model(ids)
        got = onnx_numpy.run(graph, {"input_ids": ids.numpy()})
        for name, want in zip(("sentence_logits", "aspect_logits", "polarity_logits"), expected):
            diff = float(np.abs(got[name] - want.numpy()).max())
            assert diff < 1e-4, f"{name}: the ONNX graph differs from the trained model by {diff:.2e} ({len(texts)} texts)"


CLI_ACCURACY_BAR = 0.6  # majority class 0.34, a model saved without training about 0.33


def test_cli_writes_artefacts_that_match(splits, tmp_path):
    from sentiment.__main__ import main
    from sentiment.aspects import extract_aspects
    from sentiment.data import sentence_examples
    from sentiment.model import load_model

    main(["train", "--epochs", "5", "--seed", "3", "--out", str(tmp_path)])
    for name in ("model.pt", "sentiment.onnx", "tokenizer.json", "metrics.json", "training_loss.png", "attributions.png"):
        assert (tmp_path / name).exists(), f"python -m sentiment train must write {name}"
    for png in ("training_loss.png", "attributions.png"):
        assert (tmp_path / png).read_bytes()[:4] == b"\x89PNG"
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    model, vocab = load_model(tmp_path / "model.pt")
    texts, labels = sentence_examples(splits["test"])
    with torch.no_grad():
        accuracy = float((model(vocab.encode_batch(texts)).sentence.argmax(1) == torch.tensor(labels)).float().mean())
    assert abs(metrics["sentence_accuracy"] - accuracy) < 1e-6, (
        f"metrics.json says sentence_accuracy {metrics['sentence_accuracy']}, the saved model scores {accuracy}"
    )
    assert accuracy >= CLI_ACCURACY_BAR, (
        f"the model that python -m sentiment train saved scores {accuracy:.3f} on held-out sentences (bar "
        f"{CLI_ACCURACY_BAR}): save the model it trained"
    )
    f1, polarity, mixed = aspect_scores(extract_aspects(model, vocab, [r.text for r in splits["test"]]), splits["test"])
    for key, value in (("aspect_f1", f1), ("aspect_polarity_accuracy", polarity), ("mixed_polarity_accuracy", mixed)):
        assert abs(metrics[key] - value) < 1e-6, f"metrics.json says {key} {metrics[key]}, the saved model scores {value}"
    spec = json.loads((tmp_path / "tokenizer.json").read_text())
    assert spec["itos"] == vocab.itos and spec["special_ids"]["[PAD]"] == 0
    ids = vocab.encode_batch(texts[:3])
    got = onnx_numpy.run(str(tmp_path / "sentiment.onnx"), {"input_ids": ids.numpy()})["sentence_logits"]
    with torch.no_grad():
        assert np.abs(got - model(ids).sentence.numpy()).max() < 1e-4, "sentiment.onnx must be the saved model"
