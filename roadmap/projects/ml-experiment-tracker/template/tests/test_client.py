"""Milestone 2: the Python client, git integration and concurrent logging."""

import multiprocessing

import pytest

from tests.helpers import fake_repo
from tracker.client import Run, Tracker
from tracker.gitinfo import current_commit
from tracker.store import Store

SHA_MAIN = "0123456789abcdef0123456789abcdef01234567"
SHA_PACKED = "fedcba9876543210fedcba9876543210fedcba98"


def test_run_context_manager_records_everything(tmp_path):
    tracker = Tracker(tmp_path / "runs.db")
    with tracker.start_run("baseline", experiment="mnist", params={"lr": 0.1},
                           repo_path=tmp_path) as run:
        assert isinstance(run, Run) and isinstance(run.id, int)
        run.log_param("batch_size", 32)
        steps = [run.log_metric("loss", v) for v in (0.9, 0.6, 0.4)]
        run.log_metric("accuracy", 0.91, step=10)
        assert tracker.get_run(run.id)["status"] == "running"
    assert steps == [0, 1, 2], f"log_metric without a step should count 0, 1, 2; got {steps}"
    info = tracker.get_run(run.id)
    assert info["status"] == "finished", "leaving the with block normally finishes the run"
    assert info["params"] == {"lr": 0.1, "batch_size": 32}
    assert info["metrics"] == {"loss": 0.4, "accuracy": 0.91}
    assert info["experiment"] == "mnist" and info["name"] == "baseline"


def test_failed_block_marks_run_failed(tmp_path):
    tracker = Tracker(tmp_path / "runs.db")
    with pytest.raises(ZeroDivisionError):
        with tracker.start_run("crash") as run:
            run.log_metric("loss", 1.0)
            1 / 0
    info = tracker.get_run(run.id)
    assert info["status"] == "failed", "an exception inside the block should mark the run failed"
    assert info["ended_at"] is not None


def test_log_artifact_copies_file(tmp_path):
    tracker = Tracker(tmp_path / "runs.db", artifact_dir=tmp_path / "store")
    model = tmp_path / "work" / "model.bin"
    model.parent.mkdir()
    model.write_bytes(b"\x00weights\xff" * 100)
    with tracker.start_run("with-artifacts") as run:
        stored = run.log_artifact(model)
        renamed = run.log_artifact(model, name="best.bin")
    model.unlink()  # the tracker keeps its own copy
    assert stored == tmp_path / "store" / str(run.id) / "model.bin", (
        f"artifacts go to <artifact_dir>/<run id>/<name>, got {stored}")
    assert stored.read_bytes() == b"\x00weights\xff" * 100, "the stored copy must equal the original"
    assert renamed.name == "best.bin"
    artifacts = tracker.get_run(run.id)["artifacts"]
    assert [(a["name"], a["size"]) for a in artifacts] == [("best.bin", 900), ("model.bin", 900)], (
        f"get_run should list the artifacts sorted by name with their sizes, got {artifacts}")
    assert artifacts[1]["path"] == str(stored)
    with pytest.raises(FileNotFoundError):
        run.log_artifact(tmp_path / "missing.txt")


def test_git_commit_is_read_from_the_repository(tmp_path):
    branch = fake_repo(tmp_path / "branch", "ref: refs/heads/main",
                       refs={"refs/heads/main": SHA_MAIN})
    (branch / "src" / "deep").mkdir(parents=True)
    assert current_commit(branch / "src" / "deep") == SHA_MAIN, (
        "from a subfolder, find .git in a parent and follow HEAD -> refs/heads/main")

    packed = fake_repo(tmp_path / "packed", "ref: refs/heads/dev",
                       packed={"refs/heads/main": SHA_MAIN, "refs/heads/dev": SHA_PACKED})
    assert current_commit(packed) == SHA_PACKED, "a branch may only be listed in .git/packed-refs"

    detached = fake_repo(tmp_path / "detached", SHA_PACKED)
    assert current_commit(detached) == SHA_PACKED, "a detached HEAD holds the commit id itself"

    tracker = Tracker(tmp_path / "runs.db")
    run = tracker.start_run("versioned", repo_path=branch / "src")
    assert tracker.get_run(run.id)["git_commit"] == SHA_MAIN, "start_run must record the commit"


def test_git_commit_is_none_outside_a_repository(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    inside_some_repo = any((p / ".git").exists() for p in [plain, *plain.parents])
    if not inside_some_repo:
        assert current_commit(plain) is None, "outside a git repository the commit is None"
        tracker = Tracker(tmp_path / "runs.db")
        run = tracker.start_run("unversioned", repo_path=plain)
        assert tracker.get_run(run.id)["git_commit"] is None
    empty = fake_repo(tmp_path / "fresh", "ref: refs/heads/main")  # `git init`, no commit yet
    assert current_commit(empty) is None, "a branch without commits has no commit id"
    broken = tmp_path / "broken"
    (broken / ".git").mkdir(parents=True)
    assert current_commit(broken) is None, "a .git folder without HEAD gives None, not an error"


N_POINTS = 150


def _log_concurrently(db_path, worker, shared_run_id, barrier):
    tracker = Tracker(db_path)
    barrier.wait(timeout=60)  # both processes start logging at the same moment
    with tracker.start_run(f"worker-{worker}", experiment="concurrency") as run:
        run.log_param("worker", worker)
        for i in range(N_POINTS):
            run.log_metric("value", worker * 1000 + i, step=i)
            # Both processes append to the same metric of the same run.
            tracker.store.log_metric(shared_run_id, "shared", worker * 1000 + i)


def test_two_processes_logging_at_once_lose_nothing(tmp_path):
    db = tmp_path / "runs.db"
    shared = Tracker(db).start_run("shared", experiment="concurrency")
    ctx = multiprocessing.get_context()
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_log_concurrently, args=(str(db), w, shared.id, barrier))
               for w in (1, 2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=120)
    for p in workers:
        if p.is_alive():
            p.kill()
    assert [p.exitcode for p in workers] == [0, 0], (
        f"a logging process crashed (exit codes {[p.exitcode for p in workers]}); see its "
        "traceback above. 'database is locked' means a write did not wait for the other process")

    store = Store(db)
    runs = {r["name"]: r for r in store.list_runs("concurrency")}
    for w in (1, 2):
        run = runs.get(f"worker-{w}")
        assert run is not None and run["status"] == "finished", f"worker-{w}'s run is missing or unfinished"
        history = store.metric_history(run["id"], "value")
        assert [p["value"] for p in history] == [w * 1000 + i for i in range(N_POINTS)], (
            f"worker-{w} logged {N_POINTS} points but {len(history)} were stored correctly")
    shared_history = store.metric_history(shared.id, "shared")
    assert [p["step"] for p in shared_history] == list(range(2 * N_POINTS)), (
        "the shared metric should have steps 0..299 with none lost or duplicated; pick the next "
        "step and insert it inside one write transaction")
    assert sorted(p["value"] for p in shared_history) == sorted(
        w * 1000 + i for w in (1, 2) for i in range(N_POINTS)), "some shared values were lost"
