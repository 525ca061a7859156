"""Milestone 3: permutation importance finds the true churn drivers."""
from sklearn.inspection import permutation_importance

from churn.data import KNOWN_DRIVERS, NOISE_COLUMNS
from churn.explain import permutation_importance_table


def _assert_measured(table, model, X, y, n_repeats):
    """The table's numbers are permutation importances of this model on these rows."""
    result = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=n_repeats, random_state=0)
    truth = dict(zip(X.columns, result.importances_mean))
    got = dict(zip(table["feature"], table["importance_mean"]))
    worst = max(abs(got[c] - truth[c]) for c in X.columns)
    assert worst <= 0.02, (
        f"the importances differ from the ROC AUC drop measured by shuffling each column of these "
        f"rows by up to {worst:.3f}: measure them, on the data you are given"
    )


def test_importance_table_has_every_column(trained):
    data = trained()
    table = permutation_importance_table(
        data["models"]["logistic_regression"], data["X_test"], data["y_test"], n_repeats=2, seed=0
    )
    for column in ("feature", "importance_mean", "importance_std"):
        assert column in table.columns, f"the table needs a '{column}' column"
    assert sorted(table["feature"]) == sorted(data["X_test"].columns), (
        "there must be one row per RAW input column (permute the DataFrame the pipeline receives)"
    )
    values = list(table["importance_mean"])
    assert values == sorted(values, reverse=True), "sort the table, most important first"
    _assert_measured(table, data["models"]["logistic_regression"], data["X_test"], data["y_test"], 2)


def test_known_drivers_rank_on_top(trained):
    data = trained()
    model = data["models"]["gradient_boosting"]
    table = permutation_importance_table(model, data["X_test"], data["y_test"], n_repeats=5, seed=0)
    _assert_measured(table, model, data["X_test"], data["y_test"], 5)
    ranking = list(table["feature"])
    top = ranking[:4]
    for driver in KNOWN_DRIVERS:
        assert driver in top, f"known driver '{driver}' should be in the top 4, ranking: {ranking}"
    lowest_driver = max(ranking.index(d) for d in KNOWN_DRIVERS)
    for noise in NOISE_COLUMNS:
        assert ranking.index(noise) > lowest_driver, f"noise column '{noise}' ranks too high: {ranking}"
    importance = dict(zip(table["feature"], table["importance_mean"]))
    for noise in NOISE_COLUMNS:
        assert importance[noise] < 0.01, (
            f"'{noise}' has no effect on churn, but its importance is {importance[noise]:.3f}: "
            "measure importance on held-out data with ROC AUC"
        )
