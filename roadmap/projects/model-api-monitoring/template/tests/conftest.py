"""Fixtures shared by the tests. They never call your code: that happens inside the tests."""
import os

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")

TEST_SEED = 7  # the tests' own split: not the seed `python -m mlapi train` uses


@pytest.fixture(scope="session")
def flowers():
    """The tests' own stratified split of the flowers (given code)."""
    from mlapi.data import load_flowers, split

    X, y = load_flowers()
    return split(X, y, test_size=0.4, seed=TEST_SEED)


@pytest.fixture(scope="session")
def trained(flowers):
    """A function that trains v1 (logreg) and v2 (forest) with YOUR train_version, once."""
    cache = {}

    def get():
        if not cache:
            from mlapi.model import train_version

            X_train, X_test, y_train, y_test = flowers
            for version, kind in (("v1", "logreg"), ("v2", "forest")):
                cache[version] = train_version(version, kind, X_train, y_train, X_test, y_test, seed=TEST_SEED)
        return cache

    return get


@pytest.fixture
def live_server():
    """``start(app) -> base_url``: serves an app on 127.0.0.1; every server is stopped afterwards."""
    from tests.helpers import LiveServer

    servers = []

    def start(app):
        server = LiveServer(app)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.stop()
