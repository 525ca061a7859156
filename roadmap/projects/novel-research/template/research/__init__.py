"""A research scaffold: from a question to a paper whose numbers come from the runs."""

__version__ = "0.1.0"
