"""Milestone 2: run the DAG, skipping every stage whose inputs did not change.

The toy project's commands append their name to ledger.txt every time they really run, so these
tests see what executed, whatever the runner reports.
"""
import os
import time

import pytest
import yaml

from tests.helpers import TOY_EDGES, ledger, make_toy, md5, write_params


def run(root):
    from mlpipe.dag import run_pipeline

    before = len(ledger(root))
    result = run_pipeline(root, log=lambda line: None)
    return ledger(root)[before:], result


@pytest.fixture
def toy(tmp_path):
    return make_toy(tmp_path / "toy")


def test_first_run_executes_every_stage_and_writes_dvc_lock(toy):
    ran, result = run(toy)
    assert sorted(ran) == sorted(TOY_EDGES), f"the first run executes every stage once, ran {ran}"
    for stage, ups in TOY_EDGES.items():
        assert all(ran.index(u) < ran.index(stage) for u in ups), f"{stage} ran before its inputs: {ran}"
    assert sorted(result.executed) == sorted(TOY_EDGES) and result.skipped == []
    assert (toy / "d.txt").read_text() == "ALPHAALPHA|5:ALPHA"

    lock = yaml.safe_load((toy / "dvc.lock").read_text())
    assert str(lock.get("schema")) == "2.0", "dvc.lock uses DVC's schema 2.0"
    b = lock["stages"]["b"]
    assert b["cmd"] == "python step.py b"
    assert {d["path"]: d["md5"] for d in b["deps"]} == {"a.txt": md5(toy / "a.txt"), "step.py": md5(toy / "step.py")}, (
        "each dep is recorded with the md5 of its content"
    )
    assert all(d["size"] == (toy / d["path"]).stat().st_size for d in b["deps"])
    assert b["params"] == {"params.yaml": {"b.factor": 2, "b.fail": False}}, "params are recorded by value"
    assert [(o["path"], o["md5"]) for o in b["outs"]] == [("b.txt", md5(toy / "b.txt"))]
    assert "params" not in lock["stages"]["a"] or not lock["stages"]["a"]["params"]


def test_rerun_without_change_executes_nothing(toy):
    run(toy)
    ran, result = run(toy)
    assert ran == [], f"nothing changed, yet {ran} ran again"
    assert result.executed == [] and sorted(result.skipped) == sorted(TOY_EDGES)

    later = time.time() + 100
    for name in ("raw_a.txt", "raw_c.txt", "step.py", "params.yaml", "a.txt"):
        os.utime(toy / name, (later, later))  # inputs now look newer than the outputs
    ran, _ = run(toy)
    assert ran == [], f"touching files changes their time, not their content: {ran} should not have run"

    # The same values written differently, plus a key no stage reads: still nothing to do.
    (toy / "params.yaml").write_text('{"unused": 42, "e": {"word": "hello"},\n "b": {"fail": false, "factor": 2}}')
    ran, _ = run(toy)
    assert ran == [], f"parameters are compared by value, key by key: {ran} should not have run"


def test_changed_input_reruns_exactly_its_descendants(toy):
    run(toy)
    (toy / "raw_a.txt").write_text("omega")
    ran, _ = run(toy)
    assert sorted(ran) == ["a", "b", "c", "d"] and ran[0] == "a", f"raw_a.txt feeds a, b, c, d (not e): ran {ran}"
    assert (toy / "d.txt").read_text() == "OMEGAOMEGA|5:OMEGA"

    write_params(toy, {"b": {"factor": 3, "fail": False}, "e": {"word": "hello"}})
    ran, _ = run(toy)
    assert ran == ["b", "d"], f"b.factor is read by b only, and d reads b's output: ran {ran}"

    write_params(toy, {"b": {"factor": 3, "fail": False}, "e": {"word": "bye"}})
    ran, _ = run(toy)
    assert ran == ["e"], f"e.word is read by e only: ran {ran}"

    (toy / "raw_c.txt").write_text("gamma ray")
    ran, _ = run(toy)
    assert ran == ["c", "d"], f"raw_c.txt (new length) feeds c, then d: ran {ran}"

    (toy / "dvc.yaml").write_text((toy / "dvc.yaml").read_text().replace("cmd: python step.py e", "cmd: python step.py e --again"))
    ran, _ = run(toy)
    assert ran == ["e"], f"a changed command re-runs its stage: ran {ran}"


def test_unchanged_output_stops_the_cascade(toy):
    run(toy)
    (toy / "raw_c.txt").write_text("delta")  # same length: c runs, but writes the same c.txt
    ran, _ = run(toy)
    assert ran == ["c"], f"c's output did not change, so d has nothing new to read: ran {ran}"

    (toy / "d.txt").unlink()
    ran, _ = run(toy)
    assert ran == ["d"], f"a deleted output is rebuilt by its own stage only: ran {ran}"

    (toy / "b.txt").write_text("edited by hand")
    ran, _ = run(toy)
    assert ran == ["b"], f"an output edited by hand is rebuilt; it comes back identical, so d stays: ran {ran}"
    assert (toy / "b.txt").read_text() == "ALPHAALPHA"


def test_failed_stage_stops_the_pipeline_and_is_retried(toy):
    from mlpipe.dag import PipelineError, StageFailed

    run(toy)
    write_params(toy, {"b": {"factor": 2, "fail": True}, "e": {"word": "hello"}})
    (toy / "raw_a.txt").write_text("beta")
    before = len(ledger(toy))
    with pytest.raises(StageFailed):
        run(toy)
    ran = ledger(toy)[before:]
    assert ran[0] == "a" and "b" in ran and "d" not in ran, f"stop at the failing stage b: d must not run, ran {ran}"
    lock = yaml.safe_load((toy / "dvc.lock").read_text())["stages"]
    assert {x["path"]: x["md5"] for x in lock["a"]["outs"]} == {"a.txt": md5(toy / "a.txt")}, (
        "a succeeded before b failed: its new state is already in dvc.lock"
    )

    write_params(toy, {"b": {"factor": 2, "fail": False}, "e": {"word": "hello"}})
    ran, _ = run(toy)
    assert "a" not in ran and "b" in ran and ran[-1] == "d", f"the next run retries b and what follows, not a: {ran}"
    assert (toy / "d.txt").read_text() == "BETABETA|5:BETA"

    (toy / "dvc.yaml").write_text((toy / "dvc.yaml").read_text().replace("deps: [raw_a.txt, step.py]", "deps: [raw_a.txt, missing.txt, step.py]"))
    before = len(ledger(toy))
    with pytest.raises((PipelineError, StageFailed)):
        run(toy)
    assert ledger(toy)[before:] == [], "an input nobody writes and nobody has is an error before anything runs"
