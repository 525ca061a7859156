"""Lazy learner: the scalers and the encoder are scikit-learn's, wrapped."""

from __future__ import annotations

import numpy as np
from sklearn import exceptions as _ske
from sklearn import preprocessing as _skp


class NotFittedError(ValueError, AttributeError):
    """Raised when ``transform`` is called before ``fit``."""


class _Wrapped:
    def __init__(self, inner):
        self._inner = inner
        self._fitted = False

    def fit(self, X):
        self._inner.fit(X)
        self._fitted = True
        return self

    def _check(self):
        if not self._fitted:
            raise NotFittedError("call fit() first")

    def transform(self, X):
        self._check()
        try:
            out = self._inner.transform(X)
        except _ske.NotFittedError as exc:  # pragma: no cover
            raise NotFittedError(str(exc)) from None
        return out.toarray() if hasattr(out, "toarray") else out

    def fit_transform(self, X):
        return self.fit(X).transform(X)

    def inverse_transform(self, X):
        self._check()
        return self._inner.inverse_transform(X)


class StandardScaler(_Wrapped):
    def __init__(self):
        super().__init__(_skp.StandardScaler())

    @property
    def mean_(self):
        return getattr(self._inner, "mean_", None)

    @property
    def scale_(self):
        return getattr(self._inner, "scale_", None)


class MinMaxScaler(_Wrapped):
    def __init__(self, feature_range=(0.0, 1.0)):
        self.feature_range = (float(feature_range[0]), float(feature_range[1]))
        super().__init__(_skp.MinMaxScaler(feature_range=self.feature_range))


class OneHotEncoder(_Wrapped):
    def __init__(self, handle_unknown="error"):
        self.handle_unknown = handle_unknown
        super().__init__(_skp.OneHotEncoder(handle_unknown=handle_unknown))

    @property
    def categories_(self):
        return getattr(self._inner, "categories_", None)


def encode_labels(y):
    encoder = _skp.LabelEncoder().fit(np.asarray(y))
    return encoder.transform(np.asarray(y)), encoder.classes_
