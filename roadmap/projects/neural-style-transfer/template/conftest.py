"""Shared test setup (part of the checks: do not edit).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import stylize``. The tests never use VGG: they build their own small CNN with fixed
random weights (``probe_net``), and measure the results with their own code.
"""
import os

import torch
from torch import nn

torch.set_num_threads(1)
os.environ.setdefault("MPLBACKEND", "Agg")

PROBE_LAYERS = {"r1": 1, "r2": 3, "r3": 6, "r4": 8, "r5": 11}


def probe_net(seed: int = 0) -> nn.Sequential:
    """The test's feature network: 5 convolutions with fixed random weights, 2 average pools."""
    g = torch.Generator().manual_seed(seed)
    net = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
    )
    with torch.no_grad():
        for m in net:
            if isinstance(m, nn.Conv2d):
                m.weight.copy_(torch.randn(m.weight.shape, generator=g) * (2.0 / (m.in_channels * 9)) ** 0.5)
                m.bias.zero_()
    for p in net.parameters():
        p.requires_grad_(False)
    return net.eval()


class ProbeExtractor(nn.Module):
    """The interface ``stylize`` expects from an extractor (``extractor(x) -> {name: activation}``,
    ``content_layers``, ``style_layers``), written by the test so that the optimisation checks do
    not depend on your ``FeatureExtractor``."""

    def __init__(self, content_layers=("r4",), style_layers=("r1", "r2", "r3", "r4", "r5"), seed=0):
        super().__init__()
        self.net = probe_net(seed)
        self.content_layers = list(content_layers)
        self.style_layers = list(style_layers)

    def forward(self, x):
        wanted = {PROBE_LAYERS[n]: n for n in set(self.content_layers) | set(self.style_layers)}
        out = {}
        for i, module in enumerate(self.net):
            x = module(x)
            if i in wanted:
                out[wanted[i]] = x
            if i >= max(wanted):
                break
        return out


def own_gram(f):
    b, c, h, w = f.shape
    f = f.reshape(b, c, h * w)
    return f @ f.transpose(1, 2) / (c * h * w)


def own_total_variation(x):
    return float(torch.mean((x[..., 1:, :] - x[..., :-1, :]) ** 2) + torch.mean((x[..., :, 1:] - x[..., :, :-1]) ** 2))


def own_losses(extractor, image, content, style):
    """(content loss, style loss) of ``image``, computed by the test itself."""
    with torch.no_grad():
        fi, fc, fs = extractor(image), extractor(content), extractor(style)
        c = sum(torch.mean((fi[n] - fc[n]) ** 2) for n in extractor.content_layers)
        s = sum(torch.mean((own_gram(fi[n]) - own_gram(fs[n])) ** 2) for n in extractor.style_layers)
    return float(c), float(s)
