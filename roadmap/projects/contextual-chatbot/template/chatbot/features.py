"""Turning lists of feature strings into a sparse matrix (GIVEN)."""
from __future__ import annotations

import numpy as np
from scipy import sparse


class FeatureSpace:
    """Gives every feature string seen in ``fit`` a column; unseen features are ignored."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def fit(self, rows) -> "FeatureSpace":
        for row in rows:
            for f in row:
                if f not in self.index:
                    self.index[f] = len(self.index)
        return self

    def __len__(self) -> int:
        return len(self.index)

    def transform(self, rows) -> sparse.csr_matrix:
        """A CSR matrix ``[len(rows), len(self)]`` with 1.0 where a row has a feature."""
        indptr, indices = [0], []
        for row in rows:
            cols = sorted({self.index[f] for f in row if f in self.index})
            indices.extend(cols)
            indptr.append(len(indices))
        data = np.ones(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(self.index)))
