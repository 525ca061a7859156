"""Helpers the tests share: stand-in models, a live server, metric and PromQL parsing.

Plain functions and classes, not fixtures, so that a missing piece of your code fails the test
that needs it instead of breaking the whole session.
"""
from __future__ import annotations

import logging
import re
import socket
import threading
import time
import uuid
from pathlib import Path

import numpy as np

PROJECT = Path(__file__).resolve().parents[1]
CLASSES = ["setosa", "versicolor", "virginica"]
FLOWER = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}


def body(user_id: str = "user-1", **features) -> dict:
    return {"user_id": user_id, "features": dict(FLOWER, **features)}


class StubVersion:
    """Stands in for a trained ModelVersion: fixed probabilities, records every frame it scores.

    ``fail_every``: raise RuntimeError on every n-th call (1 = always). ``sleep``: seconds each
    call takes. ``log_to``: a logger name to write a "scoring" line to from inside the model.
    """

    def __init__(self, version="v1", probabilities=(0.8, 0.15, 0.05), fail_every=0, sleep=0.0, log_to=None):
        self.version = version
        self.classes = list(CLASSES)
        self.probabilities = np.asarray(probabilities, dtype=float)
        self.fail_every = fail_every
        self.sleep = sleep
        self.log_to = log_to
        self.frames = []
        self.calls = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def predict_proba(self, frame):
        with self._lock:
            self.calls += 1
            call = self.calls
            self.frames.append(frame.copy())
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.log_to:
                logging.getLogger(self.log_to).info("scoring", extra={"rows": len(frame)})
            if self.sleep:
                time.sleep(self.sleep)
            if self.fail_every and call % self.fail_every == 0:
                raise RuntimeError("stub model failure")
            return np.tile(self.probabilities, (len(frame), 1))
        finally:
            with self._lock:
                self.in_flight -= 1

    def card(self) -> dict:
        return {"version": self.version, "kind": "stub", "feature_names": list(FLOWER),
                "classes": list(self.classes), "metrics": {"holdout_accuracy": 0.5}}


def json_logger(stream):
    """A fresh JSON logger (your ``make_logger``) with a unique name, writing to ``stream``."""
    from mlapi.logs import make_logger

    return make_logger(f"mlapi-test-{uuid.uuid4().hex[:8]}", stream=stream)


def samples(text: str) -> list[tuple[str, dict, float]]:
    """Every sample of a Prometheus text exposition as (name, labels, value)."""
    from prometheus_client.parser import text_string_to_metric_families

    out = []
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out.append((s.name, dict(s.labels), float(s.value)))
    return out


def families(text: str) -> dict:
    from prometheus_client.parser import text_string_to_metric_families

    return {f.name: f for f in text_string_to_metric_families(text)}


def value(text: str, name: str, **labels) -> float:
    """The sum of the samples called ``name`` whose labels include ``labels`` (0 when none)."""
    want = {k: str(v) for k, v in labels.items()}
    return sum(v for n, lab, v in samples(text) if n == name and all(lab.get(k) == x for k, x in want.items()))


_PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
                 "and", "or", "unless", "inf", "nan"}


def promql_metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression reads (functions, labels and keywords removed)."""
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    e = re.sub(r"\{[^}]*\}", " ", e)
    e = re.sub(r"\[[^\]]*\]", " ", e)
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", e)
    names = set()
    for m in re.finditer(r"(?<![0-9.A-Za-z_:])[A-Za-z_:][A-Za-z0-9_:]*", e):
        word = m.group(0)
        if e[m.end():].lstrip().startswith("(") or word.lower() in _PROMQL_WORDS:
            continue
        names.add(word)
    return names


class LiveServer:
    """uvicorn serving ``app`` in a thread, on 127.0.0.1 and a port the OS picked."""

    def __init__(self, app):
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="error", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                self.stop()
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(timeout=15)
        self.sock.close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"
