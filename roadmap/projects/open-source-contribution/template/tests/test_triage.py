"""Milestone 1: the comment on issue #142. Its reproduction is run against the released 0.3.0,
where it must print what it says, and against a correct fix, where it must not (so it shows
the bug); the text must name the root cause and a plan."""
import re

from _support import CORRECT_FIXES, ROOT, UPSTREAM, code_blocks, released_with, run_doctest

COMMENT = ROOT / "notes" / "issue-142-comment.md"


def comment() -> str:
    assert COMMENT.exists(), "write your comment on issue #142 in notes/issue-142-comment.md"
    return COMMENT.read_text(encoding="utf-8")


def test_issue_comment_reproduces_the_bug():
    reproduction = "\n".join(block for block in code_blocks(comment()) if "roc_auc_score(" in block)
    assert ">>>" in reproduction, (
        "give a minimal reproduction as a ```python block of >>> lines calling roc_auc_score, each "
        "with the output 0.3.0 prints"
    )
    attempted, failed = run_doctest(reproduction, UPSTREAM / "metrix")
    assert attempted and not failed, (
        f"your reproduction does not print what it says on the released 0.3.0 ({failed} of "
        f"{attempted} lines differ): paste the real output"
    )
    attempted, failed = run_doctest(reproduction, released_with(CORRECT_FIXES["pairwise"]))
    assert failed, "your reproduction prints the same with a correct fix: it does not show the bug"


def test_issue_comment_explains_the_cause_and_a_plan():
    text = comment()
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    words = len(re.findall(r"[A-Za-z]{2,}", prose))
    assert words >= 60, f"the comment has {words} words besides its code: explain the cause and the plan"
    assert "argsort" in prose, "name the root cause: the line of metrix/ranking.py that ranks the scores"
    assert re.search(r"\bti(e|es|ed)\b", prose, flags=re.I), "say what goes wrong with tied scores"
    assert re.search(r"\btests?\b", prose, flags=re.I), "say in the plan how you will test the fix"
