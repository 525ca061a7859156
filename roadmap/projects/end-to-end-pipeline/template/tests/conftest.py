"""Fixtures shared by the tests. They never call your code: that happens inside the tests."""
import os

import pytest

os.environ["MLPIPE_TRACKER"] = "local"  # the tests read the tracker's files, also where mlflow is installed
os.environ.setdefault("OMP_NUM_THREADS", "1")


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """A function that copies your project to a fresh folder and runs YOUR runner on it, once.

    Returns (folder, result of the first run, modification times of every output right after it).
    """
    cache = {}

    def get():
        if "error" in cache:
            raise AssertionError(f"the pipeline run failed earlier in this session: {cache['error']}")
        if not cache:
            from mlpipe.dag import run_pipeline
            from tests.helpers import copy_project, mtimes, outputs_of

            root = copy_project(tmp_path_factory.mktemp("pipeline") / "project")
            try:
                result = run_pipeline(root, log=lambda line: None)
            except BaseException as e:
                cache["error"] = f"{type(e).__name__}: {e}"
                raise
            outs = [p for p in outputs_of(root / "dvc.yaml") if (root / p).is_file()]
            cache.update(root=root, result=result, mtimes=mtimes(root, outs))
        return cache["root"], cache["result"], cache["mtimes"]

    return get
