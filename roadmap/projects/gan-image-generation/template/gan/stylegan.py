"""StyleGAN's two central ideas, at MNIST scale (Karras, Laine and Aila, 2019).

1. A **mapping network** turns ``z`` into an intermediate latent ``w``. ``w`` does not have
   to follow a fixed Gaussian, so the network can untangle the factors of variation.
2. The synthesis network starts from a **learned constant**. ``w`` enters at every layer
   through **adaptive instance normalisation (AdaIN)**: each feature map is normalised, then
   scaled and shifted by amounts computed from ``w``. Each layer therefore has its own style,
   and feeding different ``w`` to different layers (**style mixing**) mixes coarse and fine
   attributes of two images.

Left out (see the README): progressive growing, noise inputs, the truncation trick, weight
demodulation (StyleGAN2), equalised learning rates and path-length regularisation.
"""
import torch  # noqa: F401
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401


def pixel_norm(x, eps=1e-8):
    """Normalise each row of ``x`` ``[B, D]`` to unit root-mean-square:
    ``x / sqrt(mean(x**2, dim=1) + eps)``."""
    # TODO
    raise NotImplementedError("TODO: pixel_norm")


class MappingNetwork(nn.Module):
    """``z [B, z_dim]`` -> ``w [B, w_dim]``: ``pixel_norm(z)``, then ``n_layers`` Linear
    layers (the first from ``z_dim``, the others ``w_dim -> w_dim``), each followed by
    LeakyReLU(0.2)."""

    def __init__(self, z_dim=16, w_dim=32, n_layers=4):
        super().__init__()
        self.z_dim, self.w_dim, self.n_layers = z_dim, w_dim, n_layers
        # TODO
        raise NotImplementedError("TODO: MappingNetwork.__init__")

    def forward(self, z):
        # TODO
        raise NotImplementedError("TODO: MappingNetwork.forward")


class AdaIN(nn.Module):
    """Adaptive instance normalisation.

    ``self.style = nn.Linear(w_dim, 2 * channels)`` maps ``w`` to ``(s, b)``, the first and
    second halves of its output. Each feature map of ``x`` ``[B, C, H, W]`` is normalised
    over its H*W pixels to mean 0 and variance 1 (the biased variance, ``eps=1e-5``), then
    becomes ``(1 + s) * x_norm + b``: with ``s = b = 0`` the layer only normalises.
    """

    def __init__(self, channels, w_dim, eps=1e-5):
        super().__init__()
        self.channels, self.eps = channels, eps
        self.style = nn.Linear(w_dim, 2 * channels)

    def forward(self, x, w):
        # TODO
        raise NotImplementedError("TODO: AdaIN.forward")


class StyleGenerator(nn.Module):
    """A small style-based generator for 28x28 digits.

    Synthesis: a learned constant ``[ch, 7, 7]`` -> AdaIN -> conv3x3 + LeakyReLU(0.2) ->
    AdaIN -> upsample x2 (nearest) -> conv3x3 + LeakyReLU -> AdaIN -> upsample x2 -> conv3x3 +
    LeakyReLU -> AdaIN -> conv1x1 to one channel -> sigmoid: ``[B, 1, 28, 28]`` in [0, 1].
    That is ``num_ws = 4`` AdaIN layers, each with its own ``w``.

    ``synthesis(ws)`` takes ``ws [B, num_ws, w_dim]``; ``forward(z)`` maps ``z`` once and
    uses the same ``w`` in every layer; ``mix(z1, z2, crossover)`` uses ``z1``'s ``w`` for
    the layers before ``crossover`` and ``z2``'s after. Keep ``latent_dim`` (= ``z_dim``) as
    an attribute so the export works as for the other generators.
    """

    num_ws = 4

    def __init__(self, z_dim=16, w_dim=32, ch=32, mapping_layers=4):
        super().__init__()
        self.latent_dim, self.w_dim, self.ch = z_dim, w_dim, ch
        # TODO: the mapping network, the constant (an nn.Parameter), three 3x3 convolutions,
        # num_ws AdaIN layers and the 1x1 convolution to the image.
        raise NotImplementedError("TODO: StyleGenerator.__init__")

    def synthesis(self, ws):
        # TODO
        raise NotImplementedError("TODO: StyleGenerator.synthesis")

    def forward(self, z):
        # TODO
        raise NotImplementedError("TODO: StyleGenerator.forward")

    def mix(self, z1, z2, crossover):
        # TODO
        raise NotImplementedError("TODO: StyleGenerator.mix")
