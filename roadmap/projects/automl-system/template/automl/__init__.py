"""A small AutoML system: automatic preprocessing, Optuna search, ensembling and reports."""

__version__ = "0.1.0"
