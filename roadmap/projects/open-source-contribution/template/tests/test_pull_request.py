"""Milestone 6: style, changelog and the pull request description."""
import re

from _support import REPO, UPSTREAM, changed_python_files, released_noqa, style_check

ROOT = REPO.parent


def unreleased(changelog: str) -> str:
    match = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## \[)", changelog, flags=re.M | re.S)
    assert match, "CHANGELOG.md must keep its '## [Unreleased]' section above the releases"
    return match[1]


def subsection(text: str, name: str) -> list[str]:
    match = re.search(rf"^### {name}\s*\n(.*?)(?=^### |\Z)", text, flags=re.M | re.S)
    return re.findall(r"^- .+(?:\n  .+)*", match[1], flags=re.M) if match else []


def test_style_check_passes_on_your_changes():
    changed = changed_python_files()
    assert changed, "no Python file of repo/metrix or repo/tests has changed yet"
    # The project's rules are the released setup.cfg: a pull request does not relax them.
    config = UPSTREAM / "setup.cfg"
    code, output = style_check(changed, config)
    assert code == 0, f"the style check (the project's setup.cfg) found problems in your changes:\n{output}"
    code, output = style_check([REPO / "metrix", REPO / "tests"], config)
    assert code == 0, f"the style check of the whole library fails:\n{output}"
    for path in changed:
        assert path.read_text(encoding="utf-8").count("noqa") <= released_noqa(path), (
            f"{path.name}: fix the style problems instead of silencing them with '# noqa'"
        )


def test_changelog_has_an_entry_for_each_change():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    original = (UPSTREAM / "CHANGELOG.md").read_text(encoding="utf-8")
    news = unreleased(text)
    fixed = [e for e in subsection(news, "Fixed") if "roc_auc_score" in e and "#142" in e]
    added = [e for e in subsection(news, "Added") if "top_k_accuracy_score" in e and "#157" in e]
    assert fixed, "add a '### Fixed' entry under [Unreleased] that names roc_auc_score and ends with (#142)"
    assert added, "add an '### Added' entry under [Unreleased] that names top_k_accuracy_score and (#157)"
    released = text[text.index("## [0.3.0]"):] if "## [0.3.0]" in text else ""
    assert released == original[original.index("## [0.3.0]"):], (
        "never edit the sections of released versions: put your entries under [Unreleased]"
    )


def test_pull_request_description_is_complete():
    path = ROOT / "PULL_REQUEST.md"
    assert path.exists(), "write the pull request's description in PULL_REQUEST.md (from the template)"
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    for number in (142, 157):
        assert re.search(rf"\b(fix|fixes|fixed|close|closes|closed|resolve|resolves|resolved) #{number}\b",
                         text, flags=re.I), f"link issue #{number} with a closing keyword, e.g. 'Fixes #{number}'"
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for item in re.findall(r"^- \[ \] (.+)$", template, flags=re.M):
        assert re.search(rf"^- \[[xX]\] {re.escape(item)}\s*$", text, flags=re.M), f"tick the checklist item: {item}"
    description = re.search(r"^## Description\s*\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    words = len(re.findall(r"[A-Za-z]{2,}", description[1])) if description else 0
    assert words >= 40, f"the '## Description' section has {words} words: explain the cause, the fix and the feature"
    body = description[1]
    for name in ("roc_auc_score", "top_k_accuracy_score"):
        assert name in body, f"the '## Description' section must say what changed in {name}"
    assert re.search(r"\bti(e|es|ed)\b", body, flags=re.I), (
        "the '## Description' section must explain the bug: how tied scores were ranked and how they count now"
    )
