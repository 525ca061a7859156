"""Milestone 3: a convolutional network that reaches 97 % on the held-out digits.

The accuracy is measured here, from the checkpoint file your ``train_model`` saved, on digits
your training code never received (see conftest.py for how the labels are renamed).
"""
import numpy as np
import torch
from torch import nn

from conftest import RELABEL, accuracy, as_float, heldout_opens, load_saved_model
from digits.models import CNN, count_parameters

CNN_BAR = 0.97


def test_cnn_is_a_small_convolutional_network():
    torch.manual_seed(0)
    model = CNN()
    for n in (1, 5):
        out = model(torch.rand(n, 1, 28, 28))
        assert tuple(out.shape) == (n, 10), f"CNN output for {n} images: expected [{n}, 10], got {tuple(out.shape)}"
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    assert len(convs) >= 2, "the CNN needs at least two nn.Conv2d layers"
    params = count_parameters(model)
    assert params <= 100_000, f"keep the CNN under 100,000 parameters (it has {params:,}) so it trains in seconds"
    assert not torch.allclose(out.sum(dim=1), torch.ones(5), atol=1e-3), "return logits, not probabilities"


def test_cnn_reaches_97_percent_on_heldout_digits(graded, mnist):
    run = graded("cnn")
    assert not heldout_opens(), f"training code opened the held-out digits: {heldout_opens()}"
    model = load_saved_model(run["checkpoint"])
    assert isinstance(model, CNN), "the saved cnn.pt must rebuild into digits.models.CNN"
    assert any(isinstance(m, nn.Conv2d) for m in model.modules()), "the graded model must be convolutional"
    images, labels = mnist("heldout")
    acc = accuracy(model, images, RELABEL[labels])
    assert acc >= CNN_BAR, (
        f"the saved CNN scores {acc:.4f} on the 2,000 held-out digits; it needs {CNN_BAR}. "
        f"(Validation accuracy at the end of training: {run['history']['val_acc'][-1]:.4f}, "
        f"{run['cpu_seconds']:.1f} s of CPU.)"
    )


def test_checkpoint_holds_the_trained_model(graded, mnist):
    run = graded("cnn")
    saved = load_saved_model(run["checkpoint"])
    images, _ = mnist("heldout")
    x = as_float(images[:64])
    run["model"].cpu().eval()
    with torch.no_grad():
        assert torch.allclose(saved(x), run["model"](x), atol=1e-5), (
            "the checkpoint must hold the weights of the model train_model returned"
        )
    history = torch.load(run["checkpoint"], map_location="cpu")["history"]
    assert len(history["val_acc"]) == run["config"]["epochs"], "one validation result per epoch of the config"
    assert np.all(np.isfinite(history["train_loss"]))
