"""What the network sees: activations of chosen layers. Milestone 1: ``FeatureExtractor.forward``.

Style transfer needs a CNN only as a fixed measuring instrument. Its activations at an early
and a middle layer describe *what* is in the image (content), and the correlations between its
channels describe *how* it is painted (style). Nothing in the network is trained here.

- ``vgg19_extractor``: the classic choice (Gatys et al.), VGG-19 pretrained on ImageNet, used
  when its weights are on this machine (``python -m stylize download-vgg`` fetches them, 548 MB).
- ``random_extractor``: a small CNN with fixed random weights. Random convolutional features
  capture texture statistics surprisingly well; the results are cruder than with VGG, but it
  runs anywhere in seconds. The tests use one like it.
"""
from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class FeatureExtractor(nn.Module):
    """Runs ``net`` (an ``nn.Sequential``) on an image and returns the activations of the named
    layers: ``{name: activation}`` for every name in ``layers`` (``{name: index into net}``).

    ``content_layers`` and ``style_layers`` list which of those names the losses use. The
    network is frozen (no gradients for its weights, eval mode). With ``mean``/``std`` given,
    the image is normalised with them first (what a pretrained network expects).
    """

    def __init__(self, net: nn.Sequential, layers: dict, content_layers, style_layers, mean=None, std=None):
        super().__init__()
        self.net = net.eval()
        for p in self.net.parameters():
            p.requires_grad_(False)
        self.layers = dict(layers)
        self.content_layers = list(content_layers)
        self.style_layers = list(style_layers)
        self.normalize = mean is not None
        if self.normalize:
            self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32).reshape(1, -1, 1, 1))
            self.register_buffer("std", torch.tensor(std, dtype=torch.float32).reshape(1, -1, 1, 1))

    def forward(self, x: torch.Tensor) -> dict:
        # TODO: normalise when asked, then run the modules of self.net one by one, keeping the
        #       output of every module whose index is in self.layers (under its name), and stop
        #       after the last index needed: the rest of the network would be wasted work.
        raise NotImplementedError("TODO: FeatureExtractor.forward - collect the named activations")


# ---------------------------------------------------------------------------------------------
# Given: the two networks


def _vgg19_names():
    """Names of ``torchvision.models.vgg19().features`` modules: conv1_1, relu1_1, ..., pool5."""
    names, block, conv = [], 1, 1
    for c in [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"]:
        if c == "M":
            names.append(f"pool{block}")
            block, conv = block + 1, 1
        else:
            names += [f"conv{block}_{conv}", f"relu{block}_{conv}"]
            conv += 1
    return names


VGG19_NAMES = _vgg19_names()
VGG19_CONTENT = ["relu4_2"]
VGG19_STYLE = ["relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"]
VGG19_FILE = "vgg19-dcbb9e9d.pth"  # torchvision's ImageNet weights for VGG-19


def vgg19_weights_path() -> Path:
    return Path(torch.hub.get_dir()) / "checkpoints" / VGG19_FILE


def vgg19_extractor(download: bool = False) -> FeatureExtractor | None:
    """VGG-19 with its ImageNet weights, or None when the weights are not on this machine (and
    ``download`` is False). Max-pooling is replaced by average pooling, as Gatys et al. suggest
    for smoother images, and the network is cut after the last layer the losses use."""
    from torchvision.models import vgg19

    path = vgg19_weights_path()
    if not path.exists():
        if not download:
            return None
        torch.hub.download_url_to_file(f"https://download.pytorch.org/models/{VGG19_FILE}", str(path))
    model = vgg19(weights=None)
    model.load_state_dict(torch.load(path, map_location="cpu"))
    last = max(VGG19_NAMES.index(n) for n in VGG19_CONTENT + VGG19_STYLE)
    modules = [nn.AvgPool2d(2) if isinstance(m, nn.MaxPool2d) else m for m in list(model.features)[: last + 1]]
    layers = {name: VGG19_NAMES.index(name) for name in VGG19_CONTENT + VGG19_STYLE}
    return FeatureExtractor(nn.Sequential(*modules), layers, VGG19_CONTENT, VGG19_STYLE, IMAGENET_MEAN, IMAGENET_STD)


def random_extractor(seed: int = 0) -> FeatureExtractor:
    """A small CNN with fixed random (He-scaled) weights: 5 convolutions, 2 average pools."""
    g = torch.Generator().manual_seed(seed)
    net = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2),
        nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
    )
    with torch.no_grad():
        for m in net:
            if isinstance(m, nn.Conv2d):
                m.weight.copy_(torch.randn(m.weight.shape, generator=g) * (2.0 / (m.in_channels * 9)) ** 0.5)
                m.bias.zero_()
    layers = {"relu1_1": 1, "relu1_2": 3, "relu2_1": 6, "relu2_2": 8, "relu3_1": 11}
    return FeatureExtractor(net, layers, ["relu2_2"], ["relu1_1", "relu1_2", "relu2_1", "relu2_2", "relu3_1"],
                            IMAGENET_MEAN, IMAGENET_STD)


def make_extractor(prefer_vgg: bool = True) -> tuple[FeatureExtractor, str]:
    """``(extractor, description)``: VGG-19 when its weights are here, else the random network."""
    if prefer_vgg:
        vgg = vgg19_extractor()
        if vgg is not None:
            return vgg, "VGG-19 (ImageNet weights)"
    return random_extractor(), ("a small random CNN (VGG-19 weights not found: "
                                "`python -m stylize download-vgg` fetches them)")
