"""The GAN objective, written on logits.

The discriminator D outputs a logit per image: large and positive for "real", large and
negative for "fake". Both losses are binary cross-entropies on those logits, computed with
the numerically stable ``softplus`` form, so even logits of +-100 give finite losses and
gradients.
"""
import torch.nn.functional as F  # noqa: F401


def discriminator_loss(real_logits, fake_logits, smooth=0.0):
    """The discriminator's loss: the mean binary cross-entropy of the real logits against
    the target ``1 - smooth`` (one-sided label smoothing), plus the mean binary cross-entropy
    of the fake logits against 0.
    """
    # TODO: two terms, one for the real batch and one for the fake batch.
    raise NotImplementedError("TODO: discriminator_loss")


def generator_loss(fake_logits):
    """The non-saturating generator loss: the mean binary cross-entropy of the fake logits
    against 1, which is ``-log D(G(z))``. It gives strong gradients early on, while the
    discriminator still wins easily (the minimax ``log(1 - D(G(z)))`` would not)."""
    # TODO
    raise NotImplementedError("TODO: generator_loss")
