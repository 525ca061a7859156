"""mlapi: a model behind a production-style HTTP API, with metrics, JSON logs and A/B tests."""

__version__ = "0.1.0"
