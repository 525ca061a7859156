"""Milestone 5: the feature is documented, and its examples run."""
import doctest
import re

from _support import REPO, code_blocks


def run_examples(source: str, name: str) -> doctest.TestResults:
    import metrix

    test = doctest.DocTestParser().get_doctest(source, {"metrix": metrix}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=lambda text: None)
    return runner.summarize(verbose=False)


def calls_with_output(source: str, name: str) -> list[doctest.Example]:
    """The doctest examples in ``source`` that call ``name`` and show what it returns."""
    return [example for example in doctest.DocTestParser().get_examples(source)
            if re.search(rf"\b{name}\(", example.source) and example.want.strip()]


def section(markdown: str, heading: str, level: int) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    pattern = rf"^{'#' * level} +{re.escape(heading)}\b.*?$(.*?)(?=^#{{1,{level}}} |\Z)"
    match = re.search(pattern, markdown, flags=re.M | re.S)
    return match[1] if match else ""


def test_docstring_follows_numpydoc_and_its_examples_run():
    import inspect

    import metrix

    assert hasattr(metrix, "top_k_accuracy_score"), "implement the feature first (milestone 4)"
    doc = inspect.getdoc(metrix.top_k_accuracy_score) or ""
    for part in ("Parameters", "Returns", "Raises", "Examples"):
        assert re.search(rf"^{part}\n-+$", doc, flags=re.M), f"the docstring needs a numpydoc '{part}' section"
    for parameter in ("y_true", "y_score", "k", "normalize"):
        assert re.search(rf"^{parameter} :", doc, flags=re.M), f"document the parameter '{parameter} : <type>'"
    assert re.search(r"\.\. versionadded:: 0\.4", doc), "say '.. versionadded:: 0.4' (see CONTRIBUTING.md)"
    result = run_examples(doc, "top_k_accuracy_score docstring")
    assert result.attempted >= 2 and result.failed == 0, (
        f"the docstring's examples must run as doctests: {result.attempted} tried, {result.failed} failed"
    )
    assert len(calls_with_output(doc, "top_k_accuracy_score")) >= 2, (
        "the docstring's examples must call top_k_accuracy_score and show what it returns, at least "
        "twice (for example k=1 and k=2): importing it and setting up inputs shows a reader nothing"
    )


def test_api_reference_documents_the_feature():
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    classification = section(text, "Classification", 2)
    assert classification, "docs/api.md lost its '## Classification' section"
    entry = section(classification, "top_k_accuracy_score", 3)
    assert entry.strip(), "add a '### top_k_accuracy_score' entry to the Classification section of docs/api.md"
    assert re.search(r"`top_k_accuracy_score\(y_true, y_score, \*, k=2, normalize=True\)`", entry), (
        "give the signature line as the other entries do"
    )
    assert "`k`" in entry and "`normalize`" in entry, "describe the parameters k and normalize"
    blocks = code_blocks(entry)
    assert blocks and any("top_k_accuracy_score" in b for b in blocks), "give an example that calls it"
    for number, block in enumerate(code_blocks(text)):
        result = run_examples(block, f"docs/api.md example {number}")
        assert result.failed == 0, f"docs/api.md example {number} does not run as written:\n{block}"
    example = run_examples("\n".join(blocks), "top_k_accuracy_score entry")
    assert example.attempted >= 1, "write the example as a doctest (>>> lines with their output)"
    assert calls_with_output("\n".join(blocks), "top_k_accuracy_score"), (
        "the example must call top_k_accuracy_score and show its result, as the other entries do"
    )


def test_roc_auc_score_docs_say_how_ties_count():
    import metrix

    tie = re.compile(r"\bti(e|es|ed)\b", flags=re.I)
    doc = metrix.roc_auc_score.__doc__ or ""
    assert tie.search(doc), "say in roc_auc_score's docstring how tied scores count now (#142)"
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    entry = section(section(text, "Ranking", 2), "roc_auc_score", 3)
    assert entry.strip(), "docs/api.md lost its '### roc_auc_score' entry in the Ranking section"
    assert tie.search(entry), "say in the roc_auc_score entry of docs/api.md how tied scores count now"
