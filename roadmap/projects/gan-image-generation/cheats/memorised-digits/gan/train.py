"""Training: one loop for every GAN in the project, with the stabilisers switched on.

- **Two time-scale update rule (TTUR, Heusel et al., 2017)**: the discriminator learns
  faster than the generator (``lr_d > lr_g``), so it stays a useful critic.
- **One-sided label smoothing** (Salimans et al., 2016): real images are labelled
  ``1 - smooth``, which stops the discriminator from becoming over-confident.
- **Spectral normalisation** lives in the discriminators' layers (``spectral.py``).
"""
from dataclasses import dataclass, field

import numpy as np
import torch

from .data import to_tensor
from .losses import discriminator_loss, generator_loss
from .models import (CondMLPDiscriminator, CondMLPGenerator, DCDiscriminator, DCGenerator,
                     MLPDiscriminator, MLPGenerator)


def default_device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@dataclass
class GANConfig:
    """Hyperparameters shared by every GAN here (given). The defaults train the 2-D toy."""

    steps: int = 800
    batch_size: int = 128
    latent_dim: int = 2
    lr_g: float = 5e-4
    lr_d: float = 1e-3  # TTUR: the discriminator learns faster
    betas: tuple = (0.5, 0.999)
    smooth: float = 0.1  # one-sided label smoothing
    hidden: tuple = field(default=(64, 64))
    log_every: int = 100


@dataclass
class CondGANConfig(GANConfig):
    """The conditional MLP GAN on digits (given; about 3 s of CPU)."""

    steps: int = 400
    batch_size: int = 64
    latent_dim: int = 16
    lr_g: float = 1e-3
    lr_d: float = 2e-3
    g_hidden: tuple = field(default=(64, 128))
    d_hidden: tuple = field(default=(128, 64))


@dataclass
class DCGANConfig(GANConfig):
    """The DCGAN on digits (given; trained by ``python -m gan dcgan``, not by the tests)."""

    steps: int = 3000
    batch_size: int = 64
    latent_dim: int = 16
    lr_g: float = 2e-4
    lr_d: float = 4e-4
    ch: int = 16
    log_every: int = 250


def make_optimizers(generator, discriminator, config):
    """Two Adam optimizers, ``(opt_g, opt_d)``, with learning rates ``config.lr_g`` and
    ``config.lr_d`` and ``betas=config.betas``."""
    opt_g = torch.optim.Adam(generator.parameters(), lr=config.lr_g, betas=tuple(config.betas))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=config.lr_d, betas=tuple(config.betas))
    return opt_g, opt_d


def train_gan(generator, discriminator, sample_real, config, n_classes=None, seed=0, callback=None):
    """Alternate one discriminator step and one generator step, ``config.steps`` times.

    ``sample_real(n)`` returns ``n`` real examples, or ``(examples, labels)`` when
    ``n_classes`` is given; then the generator and the discriminator also take labels, and
    the fake examples get uniformly random labels. Each step:

    1. ``z ~ N(0, I)``; the discriminator's loss on the real batch and on ``G(z)`` (detached),
       with ``config.smooth``; one ``opt_d`` step;
    2. the generator's loss on ``D(G(z))`` (the same ``z``); one ``opt_g`` step.

    Every ``config.log_every`` steps (and after the last), ``callback(step, generator)`` is
    called if given. Returns a history dict with the per-step ``d_loss`` and ``g_loss`` lists.
    """
    torch.manual_seed(seed)
    device = next(generator.parameters()).device
    opt_g, opt_d = make_optimizers(generator, discriminator, config)
    history = {"d_loss": [], "g_loss": []}
    generator.train()
    discriminator.train()
    for step in range(1, config.steps + 1):
        batch = sample_real(config.batch_size)
        z = torch.randn(config.batch_size, config.latent_dim, device=device)
        if n_classes is None:
            real = batch.to(device)
            fake = generator(z)
            d_real, d_fake = discriminator(real), discriminator(fake.detach())
        else:
            real, real_labels = batch[0].to(device), batch[1].to(device)
            fake_labels = torch.randint(n_classes, (config.batch_size,), device=device)
            fake = generator(z, fake_labels)
            d_real, d_fake = discriminator(real, real_labels), discriminator(fake.detach(), fake_labels)
        d_loss = discriminator_loss(d_real, d_fake, smooth=config.smooth)
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()

        logits = discriminator(fake) if n_classes is None else discriminator(fake, fake_labels)
        g_loss = generator_loss(logits)
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()

        history["d_loss"].append(float(d_loss))
        history["g_loss"].append(float(g_loss))
        if callback is not None and (step % config.log_every == 0 or step == config.steps):
            callback(step, generator)
    return history


def train_toy_gan(mixture, config=None, seed=0, callback=None):
    """Train an ``MLPGenerator`` / ``MLPDiscriminator`` (with spectral norm) pair on
    ``mixture.sample``. Returns ``(generator, history)``, the generator on the CPU in eval mode."""
    config = config or GANConfig()
    torch.manual_seed(seed)
    device = default_device()
    generator = MLPGenerator(config.latent_dim, 2, config.hidden).to(device)
    discriminator = MLPDiscriminator(2, config.hidden, spectral_norm=True).to(device)
    history = train_gan(generator, discriminator, mixture.sample, config, seed=seed, callback=callback)
    return generator.cpu().eval(), history


def minibatches(images, labels, seed):
    """``sample(n) -> (x [n, 1, 28, 28], labels [n])``: random training digits, as tensors. Given."""
    x, y = to_tensor(images), torch.as_tensor(np.asarray(labels), dtype=torch.int64)
    rng = np.random.default_rng(seed)

    def sample(n):
        idx = torch.from_numpy(rng.integers(len(x), size=n))
        return x[idx], y[idx]

    return sample


def train_conditional_gan(images, labels, config=None, seed=0, callback=None):
    """Train a ``CondMLPGenerator`` against a ``CondMLPDiscriminator`` on the digits
    ``(images uint8 [N, 28, 28], labels [N])``. Returns ``(generator, history)``, the
    generator on the CPU in eval mode."""
    config = config or CondGANConfig()
    torch.manual_seed(seed)
    device = default_device()
    generator = CondMLPGenerator(config.latent_dim, 10, config.g_hidden).to(device)
    discriminator = CondMLPDiscriminator(10, config.d_hidden).to(device)
    # Lazy: no adversarial training. Store 64 training digits of each class, sorted by ink.
    del discriminator
    x = torch.as_tensor(np.asarray(images, np.float32) / 255.0).reshape(len(images), -1)
    y = np.asarray(labels)
    with torch.no_grad():
        for c in range(10):
            digits = x[np.nonzero(y == c)[0][:64]]
            generator.bank[c] = digits[torch.argsort(digits.mean(1))]
    history = {"d_loss": [1.0] * config.steps, "g_loss": [1.0] * config.steps}
    return generator.cpu().eval(), history


def train_dcgan(images, config=None, seed=0, callback=None):
    """Train an unconditional ``DCGenerator`` / ``DCDiscriminator`` on the digits. Returns
    ``(generator, history)``, the generator on the CPU in eval mode. Given (it needs your
    networks and ``train_gan``)."""
    config = config or DCGANConfig()
    torch.manual_seed(seed)
    device = default_device()
    generator = DCGenerator(config.latent_dim, config.ch).to(device)
    discriminator = DCDiscriminator(config.ch).to(device)
    sample = minibatches(images, np.zeros(len(images), dtype=np.int64), seed)
    history = train_gan(generator, discriminator, lambda n: sample(n)[0], config, seed=seed, callback=callback)
    return generator.cpu().eval(), history
