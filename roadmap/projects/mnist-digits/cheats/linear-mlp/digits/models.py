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
        layers: list[nn.Module] = [nn.Flatten()]
        width = 28 * 28
        for h in hidden:
            layers += [nn.Linear(width, h)]  # no activation: the whole "MLP" is one linear map
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
            width = h
        layers.append(nn.Linear(width, 10))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class CNN(nn.Module):
    """A small convolutional network: convolution blocks, then a linear classifier.

    ``channels`` lists the output channels of each convolution block; each block halves the
    image (28 -> 14 -> 7 with two blocks). Design the block yourself (milestone 3): a 3x3
    convolution with padding 1, a non-linearity and a 2x2 max-pool is the classic start.
    Keep it small (well under 100,000 parameters): it has to train in seconds on one CPU core.
    """

    def __init__(self, channels=(8, 16), dropout: float = 0.0):
        super().__init__()
        blocks: list[nn.Module] = []
        c_in, size = 1, 28
        for c_out in channels:
            # conv -> batch norm -> ReLU -> pool: batch norm lets Adam use a large learning
            # rate from the first step, which is what makes a few epochs enough.
            blocks += [
                nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, bias=False),
                nn.BatchNorm2d(c_out),
                nn.ReLU(),
                nn.MaxPool2d(2),
            ]
            c_in, size = c_out, size // 2
        self.features = nn.Sequential(*blocks)
        head: list[nn.Module] = [nn.Flatten()]
        if dropout > 0:
            head.append(nn.Dropout(dropout))
        head.append(nn.Linear(c_in * size * size, 10))
        self.classifier = nn.Sequential(*head)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


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
