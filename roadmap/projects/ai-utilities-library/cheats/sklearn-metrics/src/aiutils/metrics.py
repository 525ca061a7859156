"""Lazy learner: every metric is scikit-learn's, behind our names."""

from __future__ import annotations

from sklearn import metrics as _skm

AVERAGES = ("binary", "micro", "macro", "weighted")


def accuracy_score(y_true, y_pred):
    return float(_skm.accuracy_score(y_true, y_pred))


def confusion_matrix(y_true, y_pred, labels=None):
    return _skm.confusion_matrix(y_true, y_pred, labels=labels)


def precision_score(y_true, y_pred, average="binary", pos_label=1, zero_division=0.0):
    return float(_skm.precision_score(y_true, y_pred, average=average, pos_label=pos_label,
                                      zero_division=zero_division))


def recall_score(y_true, y_pred, average="binary", pos_label=1, zero_division=0.0):
    return float(_skm.recall_score(y_true, y_pred, average=average, pos_label=pos_label,
                                   zero_division=zero_division))


def f1_score(y_true, y_pred, average="binary", pos_label=1, zero_division=0.0):
    return float(_skm.f1_score(y_true, y_pred, average=average, pos_label=pos_label,
                               zero_division=zero_division))


def mean_squared_error(y_true, y_pred):
    return float(_skm.mean_squared_error(y_true, y_pred))


def mean_absolute_error(y_true, y_pred):
    return float(_skm.mean_absolute_error(y_true, y_pred))


def r2_score(y_true, y_pred):
    return float(_skm.r2_score(y_true, y_pred))


def roc_auc_score(y_true, y_score):
    return float(_skm.roc_auc_score(y_true, y_score))
