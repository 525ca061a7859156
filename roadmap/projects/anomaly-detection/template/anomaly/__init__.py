"""Anomaly detection: batch detectors, a streaming detector, alerts and evaluation."""

__version__ = "0.1.0"
