"""A small experiment tracker: SQLite storage, a Python client, a REST API and a dashboard."""

from tracker.client import Run, Tracker
from tracker.store import RunNotFound, Store

__version__ = "0.1.0"
__all__ = ["Run", "RunNotFound", "Store", "Tracker"]
