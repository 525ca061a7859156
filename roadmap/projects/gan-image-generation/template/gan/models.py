"""The networks: MLPs for the 2-D toy and for fast conditional digits, and a DCGAN."""
import torch  # noqa: F401
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401

from .spectral import SNConv2d, SNLinear  # noqa: F401


class MLPGenerator(nn.Module):
    """``z [B, latent_dim]`` -> ``[B, out_dim]``: Linear layers of the ``hidden`` widths with
    ReLU, then a Linear output layer (no activation: the toy data are unbounded). Keep
    ``latent_dim``, ``out_dim`` and ``hidden`` as attributes."""

    def __init__(self, latent_dim=2, out_dim=2, hidden=(64, 64)):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: MLPGenerator.__init__")

    def forward(self, z):
        # TODO
        raise NotImplementedError("TODO: MLPGenerator.forward")


class MLPDiscriminator(nn.Module):
    """``x [B, in_dim]`` -> logits ``[B]``: Linear layers with LeakyReLU(0.2), then one output
    logit. With ``spectral_norm=True`` every Linear is an ``SNLinear``."""

    def __init__(self, in_dim=2, hidden=(64, 64), spectral_norm=True):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: MLPDiscriminator.__init__")

    def forward(self, x):
        # TODO: shape [B], not [B, 1].
        raise NotImplementedError("TODO: MLPDiscriminator.forward")


class CondMLPGenerator(nn.Module):
    """A conditional generator for digits: ``(z [B, latent_dim], labels [B])`` -> images
    ``[B, 1, 28, 28]`` in [0, 1].

    The label enters as a one-hot vector concatenated to ``z``; then Linear, BatchNorm1d,
    ReLU for each hidden width, and a Linear layer to 784 pixels with a sigmoid. Keep
    ``latent_dim``, ``n_classes`` and ``hidden`` as attributes.
    """

    def __init__(self, latent_dim=16, n_classes=10, hidden=(64, 128)):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: CondMLPGenerator.__init__")

    def forward(self, z, labels):
        # TODO
        raise NotImplementedError("TODO: CondMLPGenerator.forward")


class CondMLPDiscriminator(nn.Module):
    """A projection discriminator (Miyato and Koyama, 2018) for digits.

    ``phi(x)``: flatten, then ``SNLinear`` + LeakyReLU(0.2) for each hidden width. The logit
    is ``out(phi(x)) + <embed(y), phi(x)>``, where ``out`` is an ``SNLinear`` to one unit and
    ``embed`` an ``SNLinear(n_classes, features, bias=False)`` applied to the one-hot label.
    """

    def __init__(self, n_classes=10, hidden=(128, 64)):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: CondMLPDiscriminator.__init__")

    def forward(self, x, labels):
        # TODO: returns [B].
        raise NotImplementedError("TODO: CondMLPDiscriminator.forward")


class DCGenerator(nn.Module):
    """DCGAN generator (Radford et al., 2016) for 28x28 digits.

    ``z [B, latent_dim]`` -> Linear to ``2*ch x 7 x 7`` -> BatchNorm, ReLU ->
    ``ConvTranspose2d(2*ch, ch, 4, stride 2, padding 1)`` (14x14) -> BatchNorm, ReLU ->
    ``ConvTranspose2d(ch, 1, 4, stride 2, padding 1)`` (28x28) -> sigmoid. Output
    ``[B, 1, 28, 28]`` in [0, 1]. Keep ``latent_dim`` and ``ch`` as attributes.
    """

    def __init__(self, latent_dim=16, ch=16):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: DCGenerator.__init__")

    def forward(self, z):
        # TODO
        raise NotImplementedError("TODO: DCGenerator.forward")


class DCDiscriminator(nn.Module):
    """DCGAN discriminator: ``SNConv2d(1, ch, 4, 2, 1)`` (14x14), LeakyReLU(0.2),
    ``SNConv2d(ch, 2*ch, 4, 2, 1)`` (7x7), LeakyReLU(0.2), flatten, ``SNLinear`` to one
    logit. Returns ``[B]``. Keep ``ch`` as an attribute."""

    def __init__(self, ch=16):
        super().__init__()
        # TODO
        raise NotImplementedError("TODO: DCDiscriminator.__init__")

    def forward(self, x):
        # TODO
        raise NotImplementedError("TODO: DCDiscriminator.forward")
