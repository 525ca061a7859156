"""Shared pytest set-up.

Having this file at the project root puts the project folder on ``sys.path``, so the tests
can ``import research``. Small models train faster on one thread than on several here.
"""
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
    ``(out_dir, returned_records)``. The work happens inside the first test that asks, so a
    TODO that is not done yet fails that test instead of breaking the session."""
    out = tmp_path_factory.mktemp("study")
    cache = {}

    def get():
        if not cache:
            from research.runner import run_study

            cache["records"] = run_study(TEST_STUDY, out)
        return out, cache["records"]

    return get
