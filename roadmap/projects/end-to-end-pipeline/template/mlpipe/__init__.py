"""mlpipe: a reproducible ML pipeline with caching, tracking, a registry, deployment and drift alerts."""

__version__ = "0.1.0"
