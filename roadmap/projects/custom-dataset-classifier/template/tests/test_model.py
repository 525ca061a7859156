"""Milestone 2: the network."""
import torch
from torch import nn

from imageclf.model import Normalize, SmallCNN, count_parameters


def test_small_cnn_is_a_convolutional_network_for_any_size():
    torch.manual_seed(0)
    model = SmallCNN(5)
    for size in (32, 48):
        out = model(torch.rand(3, 3, size, size))
        assert tuple(out.shape) == (3, 5), f"[3, 3, {size}, {size}] must give logits [3, 5], got {tuple(out.shape)}"
    modules = list(model.modules())
    assert sum(isinstance(m, nn.Conv2d) for m in modules) >= 2, "at least two convolution blocks"
    assert any(isinstance(m, nn.BatchNorm2d) for m in modules), "each block has batch norm"
    assert isinstance(modules[1], Normalize) or any(isinstance(m, Normalize) for m in modules), (
        "the model normalises its [0, 1] input itself (the given Normalize layer)"
    )
    assert any(isinstance(m, (nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)) for m in modules), (
        "a global pooling layer makes the network work for any image size"
    )
    assert count_parameters(model) <= 100_000, "keep it small: it trains on one CPU core"
    assert not torch.allclose(out.sum(1), torch.ones(3), atol=1e-3), "return logits, not probabilities"
    assert tuple(SmallCNN(3, channels=(8, 8, 8, 8))(torch.rand(2, 3, 32, 32)).shape) == (2, 3), "one block per channel entry"
