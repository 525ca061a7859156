"""Helpers shared by the tests (plain functions, not fixtures, so that a
missing piece of your code fails the test that needs it)."""

from __future__ import annotations

from pathlib import Path

from tracker.store import Store


def populate(store: Store) -> dict[str, int]:
    """Three runs in two experiments with params and metric histories."""
    ids = {}
    ids["small"] = store.create_run("cnn", "small", git_commit="1" * 40)
    ids["large"] = store.create_run("cnn", "large", git_commit=None)
    ids["tree"] = store.create_run("trees", "tree", git_commit="2" * 40)
    store.log_param(ids["small"], "lr", 0.1)
    store.log_param(ids["small"], "optimizer", "sgd")
    store.log_param(ids["large"], "lr", 0.01)
    store.log_param(ids["large"], "layers", [128, 64])
    store.log_param(ids["tree"], "max_depth", 6)
    for step, (a, b) in enumerate([(0.9, 1.2), (0.6, 0.7), (0.45, 0.3), (0.5, 0.25)]):
        store.log_metric(ids["small"], "loss", a, step)
        store.log_metric(ids["large"], "loss", b, step)
    store.log_metric(ids["small"], "accuracy", 0.75, 3)
    store.log_metric(ids["large"], "accuracy", 0.875, 3)
    store.log_metric(ids["tree"], "accuracy", 0.8125, 0)
    store.set_status(ids["small"], "finished")
    store.set_status(ids["large"], "failed")
    return ids


def fake_repo(root: Path, head: str, refs: dict[str, str] | None = None,
              packed: dict[str, str] | None = None) -> Path:
    """Lay out the few files of a .git folder that name the current commit."""
    git = root / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text(head + "\n")
    for ref, sha in (refs or {}).items():
        (git / ref).parent.mkdir(parents=True, exist_ok=True)
        (git / ref).write_text(sha + "\n")
    if packed:
        lines = ["# pack-refs with: peeled fully-peeled sorted"]
        lines += [f"{sha} {ref}" for ref, sha in packed.items()]
        (git / "packed-refs").write_text("\n".join(lines) + "\n")
    return root
