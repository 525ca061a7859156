"""Milestone 2: the network and a training harness that is reproducible and fair."""
import json

import numpy as np
import torch
from torch import nn

from repro.blocks import BatchNorm, PlainBlock, ResidualBlock
from repro.experiment import Config, set_seed, train_run
from repro.model import build_model

SMALL = dict(depth=3, steps=30, eval_every=10)
RECORD_KEYS = {
    "name", "config", "seed", "device", "seconds", "curve",
    "final_train_loss", "final_train_accuracy", "test_loss", "test_accuracy",
}


def same_weights(a: nn.Module, b: nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(
        torch.allclose(sa[k].float().cpu(), sb[k].float().cpu(), rtol=1e-5, atol=1e-6) for k in sa
    )


def test_model_has_the_papers_structure():
    for residual, kind in ((True, ResidualBlock), (False, PlainBlock)):
        model = build_model(Config(depth=5, residual=residual))
        blocks = list(model.blocks)
        assert len(blocks) == 5 and all(type(b) is kind for b in blocks), (
            f"model.blocks must hold 5 {kind.__name__}s for residual={residual}"
        )
        linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
        assert len(linears) == 2 * 5 + 2, "stem + 2 per block + head = 2 * depth + 2 linear layers"
        norms = [m for m in model.modules() if isinstance(m, BatchNorm)]
        assert len(norms) == 2 * 5, "two of YOUR BatchNorm layers per block"
        assert not any(isinstance(m, nn.modules.batchnorm._NormBase) for m in model.modules())
        out = model(torch.zeros(7, 64))
        assert out.shape == (7, 10), "logits of shape (batch, 10)"
    no_bn = build_model(Config(depth=4, residual=True, batchnorm=False))
    assert not any(isinstance(m, BatchNorm) for m in no_bn.modules()), "batchnorm=False means no BatchNorm"
    torch.manual_seed(0)
    plain = build_model(Config(depth=4, residual=False))
    torch.manual_seed(0)
    residual = build_model(Config(depth=4, residual=True))
    assert same_weights(plain, residual), (
        "with the same seed, a plain and a residual network must start from the SAME weights: "
        "the shortcut is the only difference between them"
    )


def test_network_runs_every_block():
    """The network's output, recomputed layer by layer: stem (Linear + ReLU), then every block
    in turn (relu(F(x)) or relu(F(x) + x), F being the block's own branch), then the head."""
    x = torch.rand(9, 64, generator=torch.Generator().manual_seed(3))
    for residual in (False, True):
        torch.manual_seed(4)
        model = build_model(Config(depth=4, residual=residual))
        with torch.no_grad():  # running statistics and scales of its own, so nothing is an identity
            for norm in (m for m in model.modules() if isinstance(m, BatchNorm)):
                norm.running_mean.uniform_(-0.5, 0.5)
                norm.running_var.uniform_(0.5, 2.0)
                norm.weight.uniform_(0.5, 1.5)
        model.eval()
        with torch.no_grad():
            linear = [m for m in model.stem.modules() if isinstance(m, nn.Linear)]
            assert len(linear) == 1, "the stem is one Linear layer followed by a ReLU"
            h = torch.relu(linear[0](x))
            for block in model.blocks:
                h = torch.relu(block.branch(h) + h) if residual else torch.relu(block.branch(h))
            expected = model.head(h)
            out = model(x)
        kind = "residual" if residual else "plain"
        assert out.shape == expected.shape and torch.allclose(out, expected, atol=1e-5), (
            f"the {kind} network's output is not head(blocks(stem(x))): every block must run, in order, "
            "on the output of the one before it, and nothing else may change the signal"
        )


def test_train_run_follows_the_recipe(runs, data, reference_train, measured):
    for residual in (False, True):
        config = Config(residual=residual, **SMALL)
        result = runs(config, 5)
        reference = reference_train(config, 5, data)
        assert same_weights(result.model, reference), (
            f"{config.name}: the trained weights differ from the recipe in train_run's docstring "
            "(seed, model, SGD with momentum, one torch.Generator for the batches, cross-entropy)"
        )
        record = result.record
        assert record["curve"]["step"] == [0, 10, 20, 30], "curve steps: 0, every eval_every, and the last"
        set_seed(5)
        fresh_loss, _ = measured(build_model(config), data["X_train"], data["y_train"])
        assert abs(record["curve"]["train_loss"][0] - fresh_loss) < 1e-4, (
            "the first curve point is the untrained model's loss on the whole training split"
        )
        logged = reference.logged_curve["train_loss"]
        for step, mine, theirs in zip(record["curve"]["step"], record["curve"]["train_loss"], logged):
            assert abs(mine - theirs) < 1e-4, (
                f"{config.name}: the curve says the training loss was {mine:.4f} after {step} updates, but the model "
                f"had {theirs:.4f} then: measure every point of the curve during training, never draw it"
            )
        loss, acc = measured(result.model, data["X_train"], data["y_train"])
        assert abs(record["final_train_loss"] - loss) < 1e-4 and abs(record["curve"]["train_loss"][-1] - loss) < 1e-4
        assert abs(record["final_train_accuracy"] - acc) < 1e-6
        test_loss, test_acc = measured(result.model, data["X_test"], data["y_test"])
        assert abs(record["test_loss"] - test_loss) < 1e-4 and abs(record["test_accuracy"] - test_acc) < 1e-6, (
            "test_loss and test_accuracy are measured on the test split with evaluate()"
        )
        assert record["curve"]["train_loss"][-1] < record["curve"]["train_loss"][0], "training must lower the loss"


def test_runs_are_reproducible_per_seed(runs, data):
    config = Config(residual=True, **SMALL)
    first = runs(config, 5)
    again = train_run(config, 5, data)
    assert same_weights(first.model, again.model), "the same seed must give the same model"
    assert first.record["curve"] == again.record["curve"], "the same seed must give the same curve"
    other = runs(config, 6)
    assert not same_weights(first.model, other.model), "another seed must give another model"


def test_training_never_sees_the_test_split(runs, data):
    config = Config(residual=True, **SMALL)
    honest = runs(config, 5)
    g = torch.Generator().manual_seed(99)
    scrambled = dict(data)
    scrambled["X_test"] = torch.rand(data["X_test"].shape, generator=g)
    scrambled["y_test"] = torch.randint(10, data["y_test"].shape, generator=g)
    result = train_run(config, 5, scrambled)
    assert same_weights(honest.model, result.model), (
        "changing the TEST split changed the trained model: training (or choosing anything) "
        "must only use X_train / y_train"
    )


def test_record_is_json_ready(runs):
    config = Config(residual=False, **SMALL)
    record = runs(config, 5).record
    assert set(record) == RECORD_KEYS, f"record keys: {sorted(RECORD_KEYS)}"
    assert record["name"] == config.name == "plain-3" and record["seed"] == 5
    assert Config(**json.loads(json.dumps(record))["config"]) == config, "config must round-trip"
    assert len(record["curve"]["step"]) == len(record["curve"]["train_loss"])
    assert all(np.isfinite(record["curve"]["train_loss"]))
