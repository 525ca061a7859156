"""Shared pytest set-up.

Having this file at the project root puts the project folder on ``sys.path``, so the tests
can ``import repro``. Small models train faster on one thread than on several here.
"""
import pytest
import torch

from repro.data import load_data

torch.set_num_threads(1)


@pytest.fixture(scope="session")
def data():
    """The digits split every run uses (given code, so it cannot fail)."""
    return load_data()


@pytest.fixture(scope="session")
def runs(data):
    """A function ``get(config, seed)`` that calls your ``train_run`` once per (config, seed)
    and then reuses the result. The work happens inside the test that first asks for it, so
    a TODO that is not done yet fails that test instead of breaking the session."""
    cache = {}

    def get(config, seed):
        if (config, seed) not in cache:
            from repro.experiment import train_run

            cache[(config, seed)] = train_run(config, seed, data)
        return cache[(config, seed)]

    return get


@pytest.fixture(scope="session")
def reference_train():
    """The tests' own copy of the recipe in ``train_run``'s docstring, used to check that
    your harness trains every configuration the same way. It returns the trained model."""

    def train(config, seed, data):
        import torch.nn.functional as F

        from repro.experiment import device, set_seed
        from repro.model import build_model

        set_seed(seed)
        dev = device()
        model = build_model(config).to(dev)
        optimizer = torch.optim.SGD(model.parameters(), lr=config.lr, momentum=config.momentum)
        generator = torch.Generator().manual_seed(seed)
        X, y = data["X_train"], data["y_train"]
        model.train()
        for _ in range(config.steps):
            idx = torch.randint(len(X), (config.batch_size,), generator=generator)
            loss = F.cross_entropy(model(X[idx].to(dev)), y[idx].to(dev))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        return model

    return train
