"""metrix: small, dependency-light metrics for machine learning (NumPy only)."""

from .classification import (
    accuracy_score,
    confusion_matrix,
    precision_recall_fscore,
    top_k_accuracy_score,
)
from .ranking import roc_auc_score
from .regression import mean_absolute_error, mean_squared_error, r2_score

__version__ = "0.4.0.dev0"

__all__ = [
    "accuracy_score",
    "confusion_matrix",
    "mean_absolute_error",
    "mean_squared_error",
    "precision_recall_fscore",
    "r2_score",
    "roc_auc_score",
    "top_k_accuracy_score",
]
