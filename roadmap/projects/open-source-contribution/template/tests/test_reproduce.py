"""Milestone 2: a regression test for issue #142 that fails on the released code.

Your test (any ``test_issue_142*`` function in ``repo/tests/``) is run against versions of
the library in a scratch folder: the released 0.3.0 (``tests/upstream/``), where it must FAIL;
0.3.0 with each of two correct fixes of ``roc_auc_score`` written differently by the checks,
where it must PASS; and 0.3.0 with a partial fix that only special-cases all-equal scores, which
at least one of your tests must catch (the issue also reports rounded scores). So it has to
test the behaviour the issue describes, not anything else that changed.
"""
import ast

from _support import CORRECT_FIXES, PARTIAL_FIX, REPO, UPSTREAM, find_tests, released_with, run_pytest, scratch


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


def test_regression_test_passes_on_a_correct_fix():
    regression_tests()
    for name, fix in CORRECT_FIXES.items():
        results = outcomes(released_with(fix))
        not_passing = {k: v for k, v in results.items() if v != "passed"}
        assert not not_passing, (
            f"with a correct fix of roc_auc_score ({name}; nothing else changed) every test_issue_142 "
            f"test must PASS, but: {not_passing}. Test the behaviour of the issue (ties count one "
            "half), not the version number, how the code is written or your own helper functions."
        )


def test_regression_test_catches_a_partial_fix():
    regression_tests()
    results = outcomes(released_with(PARTIAL_FIX))
    assert any(v != "passed" for v in results.values()), (
        "your test_issue_142 tests all pass on a partial fix that returns 0.5 when every score is "
        "equal and still ranks other ties in sort order: the issue also reports rounded scores, "
        "so test a case where only some scores are tied (worked out from the pairwise definition)"
    )
