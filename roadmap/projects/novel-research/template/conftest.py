"""Shared pytest set-up.

Having this file at the project root puts the project folder on ``sys.path``, so the tests
can ``import research``. Small models train faster on one thread than on several here.
"""
import contextlib
import os
import sys

import pytest
import torch

from research.config import ExperimentConfig, StudyConfig

torch.set_num_threads(1)

# The tests' own study: the worked example with 6 seeds (your study.yaml may say anything).
TEST_STUDY = StudyConfig(
    name="test-study",
    question="Does mixup help a small MLP learn from noisy labels?",
    hypothesis="mixup raises the clean test accuracy.",
    arms=("baseline", "mixup"),
    metrics=("test_accuracy", "memorised_noise"),
    alpha=0.05,
    master_seed=7,
    n_seeds=6,
    n_resamples=2000,
    experiment=ExperimentConfig(),
)


@pytest.fixture(scope="session")
def study_config():
    return TEST_STUDY


@pytest.fixture(scope="session")
def study(tmp_path_factory):
    """``get()`` runs YOUR ``run_study`` once for the tests' study and returns
    ``(out_dir, returned_records)``; ``get.calls`` lists the runs it asked ``run`` for. The work happens inside the first test that asks, so a
    TODO that is not done yet fails that test instead of breaking the session."""
    out = tmp_path_factory.mktemp("study")
    cache = {}

    def get():
        if not cache:
            from research.experiment import run_one
            from research.runner import run_study

            def watched(experiment, arm, seed):
                get.calls.append((arm, seed))
                return run_one(experiment, arm, seed)

            cache["records"] = run_study(TEST_STUDY, out, run=watched)
        return out, cache["records"]

    get.calls = []  # the (arm, seed) of every run the study made, in order
    return get


# Inside scipy.stats only the distributions (scipy.stats.t, nct, norm, ...) may run while your
# statistics do; statsmodels and scikit-learn not at all.
_DISTRIBUTION_FILES = {"_distn_infrastructure.py", "_continuous_distns.py", "_discrete_distns.py",
                       "_distr_params.py", "_constants.py", "__init__.py"}


def _ready_made(code) -> str | None:
    path = code.co_filename.replace(os.sep, "/")
    for package in ("statsmodels", "sklearn"):
        if f"/{package}/" in path:
            return f"{package}/{path.split(f'/{package}/', 1)[1]}:{code.co_name}"
    if "/scipy/stats/" in path and path.rsplit("/", 1)[-1] not in _DISTRIBUTION_FILES:
        return f"scipy/stats/{path.split('/scipy/stats/', 1)[1]}:{code.co_name}"
    return None


@contextlib.contextmanager
def _watch_ready_made():
    """Collects, while the block runs, every Python function of scipy.stats (outside its
    distributions), statsmodels or scikit-learn that gets called, whatever name it was reached by."""
    seen: list[str] = []

    def profile(frame, event, arg):
        if event != "call":
            return
        where = _ready_made(frame.f_code)
        caller = frame.f_back
        if where and (caller is None or not _ready_made(caller.f_code)):  # the way in, not what it calls
            line = f"{where} from {os.path.basename(caller.f_code.co_filename)} line {caller.f_lineno}" if caller else where
            if line not in seen:
                seen.append(line)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield seen
    finally:
        sys.setprofile(previous)


@pytest.fixture
def ready_made_calls():
    """``with ready_made_calls() as seen: ...`` lists the ready-made statistics the block used."""
    return _watch_ready_made
