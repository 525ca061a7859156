"""Milestone 2: automatic feature engineering, chosen by cross-validation."""
import numpy as np
import pandas as pd

from automl.features import Feature, FeatureGenerator, ProbeScorer, candidate_features, select_features
from automl.preprocess import detect_column_types


def test_candidate_features_cover_pairs_logs_and_squares():
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [0.5, np.nan, 4.0], "c": [-1.0, 0.0, 2.0],
                       "colour": ["red", "blue", "red"]})
    got = candidate_features(df, ["a", "b", "c"])
    assert got is not None and all(isinstance(f, Feature) for f in got), "return a list of Feature"
    expected = (
        [Feature("ratio", x, y) for x, y in [("a", "b"), ("a", "c"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "b")]]
        + [Feature("product", x, y) for x, y in [("a", "b"), ("a", "c"), ("b", "c")]]
        + [Feature("log", "a"), Feature("log", "b")]
        + [Feature("square", x) for x in "abc"]
    )
    assert got == expected, (
        "expected ratios of every ordered pair, products of every unordered pair, logs of the "
        f"columns with no negative value (c has one) and squares of all:\n{expected}\ngot\n{got}"
    )


def test_feature_generator_computes_each_kind():
    train = pd.DataFrame({"a": [1.0, 2.0, 4.0, 9.0], "b": [2.0, 0.0, 8.0, 3.0], "k": list("xyxy")})
    new = pd.DataFrame({"a": [3.0, 0.0], "b": [1.5, 5.0], "k": ["x", "z"]})
    features = (Feature("ratio", "a", "b"), Feature("product", "a", "b"), Feature("log", "a"),
                Feature("square", "a"))
    gen = FeatureGenerator(features)
    fitted = gen.fit(train)
    assert fitted is gen, "fit must return self (scikit-learn's convention)"
    out = gen.transform(train)
    assert list(out.columns) == ["a", "b", "k", "a/b", "a*b", "log1p(a)", "(a-median)^2"], (
        f"keep the original columns and add one per feature, named feature.name; got {list(out.columns)}"
    )
    assert list(train.columns) == ["a", "b", "k"], "transform must not change the table it is given"
    np.testing.assert_allclose(out["a/b"], [0.5, np.nan, 0.5, 3.0], err_msg="a/b, with NaN where b == 0")
    assert not np.isinf(out.select_dtypes("number").to_numpy()).any(), "a division by zero gives NaN, not inf"
    np.testing.assert_allclose(out["a*b"], [2.0, 0.0, 32.0, 27.0])
    np.testing.assert_allclose(out["log1p(a)"], np.log1p([1.0, 2.0, 4.0, 9.0]))
    np.testing.assert_allclose(out["(a-median)^2"], [4.0, 1.0, 1.0, 36.0], err_msg="(a - median of a)^2, median 3")
    later = gen.transform(new)
    np.testing.assert_allclose(
        later["(a-median)^2"], [0.0, 9.0],
        err_msg="new rows must use the median learnt by fit (3.0), not their own: that would leak",
    )
    np.testing.assert_allclose(later["a/b"], [2.0, 0.0])


def _interaction_table(pair=("width", "height"), n=600, seed=3):
    """The tests' own table: the label is the sign of the product of ``pair``, plus 5 % noise."""
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({
        "width": rng.normal(size=n),
        "height": rng.normal(size=n),
        "depth": rng.normal(size=n),
        "weight": rng.gamma(2.0, 1.0, size=n),
        "colour": rng.choice(["red", "green"], size=n).astype(object),
    })
    a, b = pair
    y = ((X[a] * X[b] > 0) ^ (rng.random(n) < 0.05)).astype(int)
    return X, pd.Series(y, name="label")


def test_selection_finds_a_hidden_interaction():
    # The same columns twice, the label hidden in a different pair each time: only a selection
    # that scores the candidates finds both (a list known in advance finds one at most).
    for pair in (("width", "height"), ("height", "depth")):
        X, y = _interaction_table(pair)
        kept = select_features(X, y, seed=0)
        assert kept is not None and 1 <= len(kept) <= 3, f"expected one to three features, got {kept}"
        assert any({f.a, f.b} == set(pair) for f in kept), (
            f"the label depends on {pair[0]} * {pair[1]}, but the features kept are {[f.name for f in kept]}"
        )
        types = detect_column_types(X)
        scorer = ProbeScorer(X, y, candidate_features(X, types.numeric), seed=0)
        gain = scorer.score(kept) - scorer.score([])
        assert gain >= 0.1, f"the kept features should help the probe a lot here; its log-loss fell by {gain:.3f}"


def test_selection_on_the_loan_table(loan):
    kept = select_features(loan["X_train"], loan["y_train"], seed=0)
    assert kept is not None and len(kept) <= 3, f"at most max_features=3 features, got {kept}"
    assert Feature("square", "age") in kept, (
        "the risk is high at both ends of the age range: (age - median)^2 should be kept; "
        f"kept {[f.name for f in kept]}"
    )
    types = detect_column_types(loan["X_train"])
    scorer = ProbeScorer(loan["X_train"], loan["y_train"], candidate_features(loan["X_train"], types.numeric), seed=0)
    for i in range(1, len(kept) + 1):
        gain = scorer.score(kept[:i]) - scorer.score(kept[:i - 1])
        assert gain >= 0.005, f"feature {kept[i - 1].name} was kept but improves the probe by only {gain:.4f}"
