"""Milestone 2: a regression test for issue #142 that fails on the released code.

Your test (any ``test_issue_142*`` function in ``repo/tests/``) is run against two versions
of the library in a scratch folder: the released 0.3.0 (``tests/upstream/``), where it must
FAIL, and 0.3.0 with a correct fix of ``roc_auc_score`` written by the checks, where it must
PASS. So it has to test the behaviour the issue describes, not anything else that changed.
"""
import ast
import shutil

from _support import REPO, UPSTREAM, find_tests, override, run_pytest, scratch

# A correct roc_auc_score, written from the definition (pair by pair, ties count one half).
# It is O(n^2): fine for a check, far too slow for the library.
REFERENCE_FIX = '''
def roc_auc_score(y_true, y_score):
    y_true = column_or_1d(y_true, "y_true")
    y_score = column_or_1d(y_score, "y_score").astype(float)
    check_consistent_length(y_true, y_score)
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("y_true must contain only 0 and 1")
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("roc_auc_score needs both classes in y_true")
    diff = pos[:, None] - neg[None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))
'''


def regression_tests():
    found = find_tests(REPO / "tests", "test_issue_142")
    assert found, (
        "write a regression test for issue #142 in repo/tests/test_ranking.py, named "
        "test_issue_142_<what it checks> (see repo/CONTRIBUTING.md)"
    )
    return found


def outcomes(package):
    files = sorted({f"tests/{file_name}" for file_name, _ in regression_tests()})
    work = scratch(package, REPO / "tests")
    results = run_pytest(work, "-k", "issue_142", *files)
    assert "__collection__" not in results, (
        "the test files could not even be collected against this version of metrix: a "
        "regression test must fail with an assertion, not with an import error (keep it in "
        "the test file of the module you fix, which imports only what 0.3.0 has)"
    )
    mine = {k: v for k, v in results.items() if "test_issue_142" in k}
    assert mine, "pytest -k issue_142 selected none of your regression tests"
    return mine


def test_regression_test_for_issue_142_exists():
    for file_name, function in regression_tests():
        tree = ast.parse((REPO / "tests" / file_name).read_text())
        body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
        names = {n.id for n in ast.walk(body) if isinstance(n, ast.Name)} | {
            n.attr for n in ast.walk(body) if isinstance(n, ast.Attribute)}
        assert "roc_auc_score" in names, f"{function} should call roc_auc_score"


def test_regression_test_fails_on_the_released_code():
    regression_tests()
    results = outcomes(UPSTREAM / "metrix")
    not_failing = {k: v for k, v in results.items() if v != "failed"}
    assert not not_failing, (
        f"on the released 0.3.0 every test_issue_142 test must FAIL (that is what proves it "
        f"reproduces the bug), but: {not_failing}"
    )


def test_regression_test_passes_on_a_correct_fix(tmp_path):
    regression_tests()
    fixed = tmp_path / "metrix"
    shutil.copytree(UPSTREAM / "metrix", fixed)
    override(fixed / "ranking.py", REFERENCE_FIX)
    results = outcomes(fixed)
    not_passing = {k: v for k, v in results.items() if v != "passed"}
    assert not not_passing, (
        f"with a correct fix of roc_auc_score (and nothing else changed) every test_issue_142 test "
        f"must PASS, but: {not_passing}. Test the behaviour of the issue (ties count one half), "
        "not the version number or your own helper functions."
    )
