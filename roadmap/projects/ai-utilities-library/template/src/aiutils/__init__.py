"""aiutils: small, tested helpers for everyday machine-learning work."""

from aiutils.data import Dataset, load_builtin, load_csv, stratified_kfold, stratified_split
from aiutils.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    mean_absolute_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)
from aiutils.preprocessing import (
    MinMaxScaler,
    NotFittedError,
    OneHotEncoder,
    StandardScaler,
    encode_labels,
)
from aiutils.training import EarlyStopping, iter_batches

__version__ = "0.1.0"

__all__ = [
    "Dataset", "load_builtin", "load_csv", "stratified_kfold", "stratified_split",
    "accuracy_score", "confusion_matrix", "f1_score", "mean_absolute_error",
    "mean_squared_error", "precision_score", "r2_score", "recall_score", "roc_auc_score",
    "MinMaxScaler", "NotFittedError", "OneHotEncoder", "StandardScaler", "encode_labels",
    "EarlyStopping", "iter_batches",
]
