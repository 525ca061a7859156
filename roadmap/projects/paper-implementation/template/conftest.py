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


@torch.no_grad()
def measure(model, X, y):
    """The tests' own measurement: mean cross-entropy and accuracy in evaluation mode (the
    model's mode is restored afterwards)."""
    import torch.nn.functional as F

    was_training = model.training
    model.eval()
    dev = next(model.parameters()).device
    logits = model(X.to(dev))
    loss = F.cross_entropy(logits, y.to(dev)).item()
    accuracy = (logits.argmax(dim=1) == y.to(dev)).float().mean().item()
    model.train(was_training)
    return loss, accuracy


@pytest.fixture(scope="session")
def reference_train():
    """The tests' own copy of the recipe in ``train_run``'s docstring, used to check that
    your harness trains every configuration the same way. It returns the trained model, with
    the training curve the tests logged themselves as ``model.logged_curve``."""

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
        checkpoints = set(range(0, config.steps, config.eval_every)) | {config.steps}
        curve = {"step": [0], "train_loss": [measure(model, X, y)[0]]}
        model.train()
        for step in range(1, config.steps + 1):
            idx = torch.randint(len(X), (config.batch_size,), generator=generator)
            loss = F.cross_entropy(model(X[idx].to(dev)), y[idx].to(dev))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step in checkpoints:
                curve["step"].append(step)
                curve["train_loss"].append(measure(model, X, y)[0])
        model.eval()
        model.logged_curve = curve
        return model

    return train


@pytest.fixture(scope="session")
def measured():
    """``measured(model, X, y) -> (loss, accuracy)``: the tests' own evaluation, never yours."""
    return measure
