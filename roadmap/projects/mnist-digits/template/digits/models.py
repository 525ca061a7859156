"""Two digit classifiers as ``nn.Module``: a multilayer perceptron and a convolutional network.

Milestone 2 writes ``MLP``, milestone 3 writes ``CNN``. Both take a batch of images
``[N, 1, 28, 28]`` (float32, 0 = background, 1 = ink) and return **logits** ``[N, 10]``: raw
scores, no softmax at the end (``nn.CrossEntropyLoss`` applies log-softmax itself, and the
exported ONNX model is expected to output logits too).
"""
from __future__ import annotations

import torch
from torch import nn


class MLP(nn.Module):
    """Flatten the 28x28 image into 784 numbers, then fully connected layers.

    ``hidden`` lists the width of each hidden layer, e.g. ``(256,)`` or ``(128, 64)``; every
    hidden layer is ``Linear -> ReLU`` (followed by ``Dropout(dropout)`` when ``dropout > 0``),
    and a last ``Linear`` maps to the 10 logits.
    """

    def __init__(self, hidden=(128, 64), dropout: float = 0.0):
        super().__init__()
        # TODO: build the layers described above, e.g. in an nn.Sequential starting with
        #       nn.Flatten().
        raise NotImplementedError("TODO: MLP.__init__ - Flatten, hidden Linear+ReLU layers, Linear to 10")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: return the logits [N, 10].
        raise NotImplementedError("TODO: MLP.forward")


class CNN(nn.Module):
    """A small convolutional network: convolution blocks, then a linear classifier.

    ``channels`` lists the output channels of each convolution block; each block halves the
    image (28 -> 14 -> 7 with two blocks). Design the block yourself (milestone 3): a 3x3
    convolution with padding 1, a non-linearity and a 2x2 max-pool is the classic start.
    Keep it small (well under 100,000 parameters): it has to train in seconds on one CPU core.
    """

    def __init__(self, channels=(8, 16), dropout: float = 0.0):
        super().__init__()
        # TODO: the convolution blocks (in an nn.Sequential), then flatten and a classifier
        #       ending in nn.Linear(..., 10).
        raise NotImplementedError("TODO: CNN.__init__ - conv blocks, then a linear classifier")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: return the logits [N, 10].
        raise NotImplementedError("TODO: CNN.forward")


# ---------------------------------------------------------------------------------------------
# Given


MODELS = {"mlp": MLP, "cnn": CNN}


def build_model(config: dict) -> nn.Module:
    """The model a config describes: ``MODELS[config["model"]](**config.get("arch", {}))``."""
    kind = config["model"]
    if kind not in MODELS:
        raise ValueError(f"unknown model {kind!r}; expected one of {sorted(MODELS)}")
    return MODELS[kind](**config.get("arch", {}))


def count_parameters(model: nn.Module) -> int:
    """How many numbers the model learns."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
