"""Milestone 4: top_k_accuracy_score (issue #157), its behaviour and the tests you wrote for it.

Your tests (``test_top_k_accuracy*`` functions in ``repo/tests/``) are run against your code,
where they must pass, and then against four broken versions of the function; each broken
version must make at least one of your tests fail. That is how a reviewer knows the tests
would catch a regression. A broken version keeps your function's name, docstring and
signature: only its behaviour differs.
"""
import textwrap

import numpy as np
import pytest
from _support import REPO, find_tests, module_of, override, run_numpy_only, run_pytest, scratch

SCORES = [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]
LABELS = [0, 1, 2, 2]

MUTANT = '''
_learners_top_k_accuracy_score = top_k_accuracy_score


def top_k_accuracy_score(y_true, y_score, *, k=2, normalize=True):
    import numpy as _np
    y_true = _np.asarray(y_true).ravel()
    y_score = _np.asarray(y_score, dtype=float)
    if {validate} and (y_score.ndim != 2 or len(y_score) != len(y_true) or not 1 <= k <= y_score.shape[1]):
        raise ValueError("invalid input")
    order = _np.argsort({sign}y_score, axis=-1, kind="stable")
    top = order[..., :{kept}]
    hits = int((top == y_true.reshape(-1, 1)).any(axis=-1).sum())
    return hits / len(y_true) if ({normalize}) else hits


import functools as _functools

_functools.update_wrapper(top_k_accuracy_score, _learners_top_k_accuracy_score)
'''
MUTANTS = {
    "ignores k (always top-1)": dict(validate="True", sign="-", kept="1", normalize="normalize"),
    "takes the k LOWEST scores": dict(validate="True", sign="", kept="k", normalize="normalize"),
    "never raises ValueError": dict(validate="False", sign="-", kept="max(k, 0)", normalize="normalize"),
    "ignores normalize": dict(validate="True", sign="-", kept="k", normalize="True"),
}


def top_k(*args, **kwargs):
    import metrix

    assert hasattr(metrix, "top_k_accuracy_score"), "add top_k_accuracy_score and export it from metrix"
    return metrix.top_k_accuracy_score(*args, **kwargs)


def test_top_k_accuracy_matches_its_definition():
    assert top_k(LABELS, SCORES, k=1) == 0.5, "k=1 is the accuracy of the arg-max"
    assert top_k(LABELS, SCORES, k=2) == 0.75
    assert top_k(LABELS, SCORES) == 0.75, "the default is k=2"
    assert top_k(LABELS, SCORES, k=3) == 1.0, "k=n_classes is always 1.0"
    count = top_k(LABELS, SCORES, k=2, normalize=False)
    assert count == 3 and isinstance(count, (int, np.integer)), "normalize=False returns the number of hits"
    assert top_k(np.array(LABELS), np.array(SCORES), k=2) == 0.75
    from sklearn.metrics import top_k_accuracy_score as reference

    rng = np.random.default_rng(157)
    y, scores = rng.integers(0, 6, 300), rng.random((300, 6))
    for k in range(1, 6):
        assert top_k(y, scores, k=k) == pytest.approx(reference(y, scores, k=k, labels=range(6))), f"k={k}"
    assert top_k(y, scores, k=6) == 1.0


def test_top_k_accuracy_validates_its_input():
    for bad, why in (
        (dict(y_true=LABELS, y_score=SCORES, k=0), "k=0"),
        (dict(y_true=LABELS, y_score=SCORES, k=4), "k larger than the number of classes"),
        (dict(y_true=LABELS, y_score=[0.1, 0.2, 0.3, 0.4]), "1-D y_score"),
        (dict(y_true=LABELS[:3], y_score=SCORES), "3 labels for 4 rows of scores"),
    ):
        with pytest.raises(ValueError):
            top_k(**bad)
            pytest.fail(f"no ValueError for {why}")


def test_top_k_accuracy_is_numpy_only():
    """The issue's cases and random scores in a fresh interpreter in which scikit-learn, SciPy
    and pandas cannot be imported: metrix depends on NumPy alone."""
    script = textwrap.dedent(f"""
        import numpy as np
        import metrix
        scores, labels = {SCORES!r}, {LABELS!r}
        for k, expected in ((1, 0.5), (2, 0.75), (3, 1.0)):
            value = metrix.top_k_accuracy_score(labels, scores, k=k)
            assert value == expected, f"k={{k}}: {{value}}, expected {{expected}}"
        assert metrix.top_k_accuracy_score(labels, scores, normalize=False) == 3, "normalize=False"
        rng = np.random.default_rng(157)
        y, s = rng.integers(0, 6, 300), rng.random((300, 6))
        better = (s > s[np.arange(300), y][:, None]).sum(axis=1)  # classes scored above the true one
        for k in range(1, 7):
            value = metrix.top_k_accuracy_score(y, s, k=k)
            assert abs(value - np.mean(better < k)) < 1e-12, f"random scores, k={{k}}: {{value}}"
    """)
    done = run_numpy_only(script)
    assert done.returncode == 0, (
        "top_k_accuracy_score failed in a fresh interpreter where scikit-learn, SciPy and pandas "
        "cannot be imported: metrix is NumPy-only (CONTRIBUTING.md), so write it with NumPy:\n"
        + done.stderr[-1500:]
    )


def test_top_k_accuracy_is_exported():
    import metrix
    import metrix.classification

    assert "top_k_accuracy_score" in metrix.__all__, "list it in metrix.__all__"
    assert metrix.__all__ == sorted(metrix.__all__), "keep __all__ in alphabetical order"
    assert getattr(metrix.classification, "top_k_accuracy_score", None) is metrix.top_k_accuracy_score, (
        "it belongs in metrix/classification.py, next to accuracy_score"
    )


def your_feature_tests():
    found = find_tests(REPO / "tests", "test_top_k_accuracy")
    assert len(found) >= 3, (
        f"write tests named test_top_k_accuracy_<behaviour> in repo/tests/ for every point of "
        f"issue #157 (found {len(found)})"
    )
    return found


def test_your_tests_catch_broken_implementations():
    your_feature_tests()
    module = module_of("top_k_accuracy_score", REPO / "metrix")
    assert module is not None, "define top_k_accuracy_score in the metrix package"
    work = scratch(REPO / "metrix", REPO / "tests")
    honest = run_pytest(work, "-k", "top_k_accuracy", "tests")
    mine = {k: v for k, v in honest.items() if "test_top_k_accuracy" in k}
    assert mine and all(v == "passed" for v in mine.values()), f"your feature tests must pass on your code: {mine}"
    survivors = []
    for name, parts in MUTANTS.items():
        work = scratch(REPO / "metrix", REPO / "tests")
        override(work / "metrix" / module.name, MUTANT.format(**parts))
        results = run_pytest(work, "-k", "top_k_accuracy", "tests")
        if not any(v in ("failed", "error") for k, v in results.items() if "test_top_k_accuracy" in k):
            survivors.append(name)
    assert not survivors, (
        f"your tests still pass when top_k_accuracy_score {', '.join(survivors)}: add tests that would "
        "catch that"
    )
