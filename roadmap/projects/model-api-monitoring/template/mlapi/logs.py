"""Structured JSON logs with request ids (milestone 4).

One JSON object per line is what log shippers (Loki, Fluent Bit, CloudWatch) parse without
regexes. The request id lives in a ``ContextVar``: the middleware sets it once per request, and
every log line written while that request is handled, in any module, carries it.
"""
from __future__ import annotations

import json  # noqa: F401
import logging
import sys
from contextvars import ContextVar
from datetime import datetime, timezone  # noqa: F401
from typing import Optional, TextIO

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD = set(vars(logging.LogRecord("x", logging.INFO, __file__, 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        # TODO: return json.dumps of a dict with "ts" (ISO 8601, UTC, from record.created),
        #       "level", "logger", "message" (record.getMessage()), "request_id" (from
        #       request_id_var), every field passed with extra=... (the attributes that are not
        #       in _STANDARD), and "exc" (the formatted traceback) when record.exc_info is set.
        return super().format(record)


def make_logger(name: str = "mlapi", stream: Optional[TextIO] = None, level: int = logging.INFO) -> logging.Logger:
    """A logger that writes JSON lines to ``stream`` (stderr by default) and nowhere else (GIVEN)."""
    logger = logging.getLogger(name)
    logger.setLevel(level)
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    return logger
