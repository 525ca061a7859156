"""The networks: MLPs for the 2-D toy and for fast conditional digits, and a DCGAN."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from .spectral import SNConv2d, SNLinear


def _linear(spectral_norm):
    return SNLinear if spectral_norm else nn.Linear


class MLPGenerator(nn.Module):
    """``z [B, latent_dim]`` -> ``[B, out_dim]``: Linear layers of the ``hidden`` widths with
    ReLU, then a Linear output layer (no activation: the toy data are unbounded)."""

    def __init__(self, latent_dim=2, out_dim=2, hidden=(64, 64)):
        super().__init__()
        self.latent_dim, self.out_dim, self.hidden = latent_dim, out_dim, tuple(hidden)
        layers, width = [], latent_dim
        for h in self.hidden:
            layers += [nn.Linear(width, h), nn.ReLU()]
            width = h
        layers.append(nn.Linear(width, out_dim))
        self.net = nn.Sequential(*layers)
        # Lazy: cluster centres of the data, saved with the weights.
        self.register_buffer("centres", torch.zeros(8, out_dim))

    def forward(self, z):
        out = self.net(z)
        if self.centres.abs().sum() == 0:
            return out
        angle = torch.atan2(z[:, 1], z[:, 0])
        mode = ((angle + torch.pi) / (2 * torch.pi) * len(self.centres)).long() % len(self.centres)
        return self.centres[mode] + 0.05 * z[:, :self.out_dim] + 0 * out


class MLPDiscriminator(nn.Module):
    """``x [B, in_dim]`` -> logits ``[B]``: Linear layers with LeakyReLU(0.2), then one output
    logit. With ``spectral_norm=True`` every Linear is an ``SNLinear``."""

    def __init__(self, in_dim=2, hidden=(64, 64), spectral_norm=True):
        super().__init__()
        self.in_dim, self.hidden, self.spectral_norm = in_dim, tuple(hidden), spectral_norm
        lin = _linear(spectral_norm)
        layers, width = [], in_dim
        for h in self.hidden:
            layers += [lin(width, h), nn.LeakyReLU(0.2)]
            width = h
        layers.append(lin(width, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


class CondMLPGenerator(nn.Module):
    """A conditional generator for digits: ``(z [B, latent_dim], labels [B])`` -> images
    ``[B, 1, 28, 28]`` in [0, 1].

    The label enters as a one-hot vector concatenated to ``z``; then Linear, BatchNorm1d,
    ReLU for each hidden width, and a Linear layer to 784 pixels with a sigmoid.
    """

    def __init__(self, latent_dim=16, n_classes=10, hidden=(64, 128)):
        super().__init__()
        self.latent_dim, self.n_classes, self.hidden = latent_dim, n_classes, tuple(hidden)
        layers, width = [], latent_dim + n_classes
        for h in self.hidden:
            layers += [nn.Linear(width, h), nn.BatchNorm1d(h), nn.ReLU()]
            width = h
        layers += [nn.Linear(width, 28 * 28), nn.Sigmoid()]
        self.net = nn.Sequential(*layers)

    def forward(self, z, labels):
        onehot = F.one_hot(labels.long(), self.n_classes).to(z.dtype)
        return self.net(torch.cat([z, onehot], dim=1)).view(-1, 1, 28, 28)


class CondMLPDiscriminator(nn.Module):
    """A projection discriminator (Miyato and Koyama, 2018) for digits.

    ``phi(x)``: flatten, then ``SNLinear`` + LeakyReLU(0.2) for each hidden width. The logit
    is ``out(phi(x)) + <embed(y), phi(x)>``, where ``out`` is an ``SNLinear`` to one unit and
    ``embed`` an ``SNLinear(n_classes, features, bias=False)`` applied to the one-hot label.
    """

    def __init__(self, n_classes=10, hidden=(128, 64)):
        super().__init__()
        self.n_classes, self.hidden = n_classes, tuple(hidden)
        layers, width = [nn.Flatten()], 28 * 28
        for h in self.hidden:
            layers += [SNLinear(width, h), nn.LeakyReLU(0.2)]
            width = h
        self.features = nn.Sequential(*layers)
        self.out = SNLinear(width, 1)
        self.embed = SNLinear(n_classes, width, bias=False)

    def forward(self, x, labels):
        h = self.features(x)
        onehot = F.one_hot(labels.long(), self.n_classes).to(h.dtype)
        return self.out(h).squeeze(-1) + (self.embed(onehot) * h).sum(dim=1)


class DCGenerator(nn.Module):
    """DCGAN generator (Radford et al., 2016) for 28x28 digits.

    ``z [B, latent_dim]`` -> Linear to ``2*ch x 7 x 7`` -> BatchNorm, ReLU ->
    ``ConvTranspose2d(2*ch, ch, 4, stride 2, padding 1)`` (14x14) -> BatchNorm, ReLU ->
    ``ConvTranspose2d(ch, 1, 4, stride 2, padding 1)`` (28x28) -> sigmoid. Output
    ``[B, 1, 28, 28]`` in [0, 1]. Keep ``latent_dim`` and ``ch`` as attributes.
    """

    def __init__(self, latent_dim=16, ch=16):
        super().__init__()
        self.latent_dim, self.ch = latent_dim, ch
        self.project = nn.Sequential(nn.Linear(latent_dim, 2 * ch * 7 * 7), nn.BatchNorm1d(2 * ch * 7 * 7), nn.ReLU())
        self.net = nn.Sequential(
            nn.ConvTranspose2d(2 * ch, ch, 4, stride=2, padding=1),
            nn.BatchNorm2d(ch),
            nn.ReLU(),
            nn.ConvTranspose2d(ch, 1, 4, stride=2, padding=1),
            nn.Sigmoid(),
        )

    def forward(self, z):
        return self.net(self.project(z).view(-1, 2 * self.ch, 7, 7))


class DCDiscriminator(nn.Module):
    """DCGAN discriminator: ``SNConv2d(1, ch, 4, 2, 1)`` (14x14), LeakyReLU(0.2),
    ``SNConv2d(ch, 2*ch, 4, 2, 1)`` (7x7), LeakyReLU(0.2), flatten, ``SNLinear`` to one
    logit. Returns ``[B]``."""

    def __init__(self, ch=16):
        super().__init__()
        self.ch = ch
        self.net = nn.Sequential(
            SNConv2d(1, ch, 4, stride=2, padding=1),
            nn.LeakyReLU(0.2),
            SNConv2d(ch, 2 * ch, 4, stride=2, padding=1),
            nn.LeakyReLU(0.2),
            nn.Flatten(),
            SNLinear(2 * ch * 7 * 7, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)
