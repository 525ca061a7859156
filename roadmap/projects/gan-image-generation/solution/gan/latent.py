"""Exploring the latent space: interpolation and latent arithmetic."""
import torch


def lerp(z0, z1, t):
    """Linear interpolation: ``z0`` at ``t = 0``, ``z1`` at ``t = 1``."""
    return (1.0 - t) * z0 + t * z1


def slerp(z0, z1, t, eps=1e-7):
    """Spherical interpolation between two 1-D latent vectors: move along the great circle
    between them at constant angular speed. Gaussian latents of high dimension live near a
    sphere, and a straight line between two of them cuts through its low-density interior.
    Falls back to ``lerp`` when the vectors are (nearly) parallel."""
    cos = torch.dot(z0, z1) / (z0.norm() * z1.norm() + eps)
    omega = torch.arccos(cos.clamp(-1.0, 1.0))
    if float(torch.sin(omega)) < 1e-4:
        return lerp(z0, z1, t)
    return (torch.sin((1.0 - t) * omega) * z0 + torch.sin(t * omega) * z1) / torch.sin(omega)


def interpolate(z0, z1, steps, method="slerp"):
    """``steps`` latent vectors from ``z0`` to ``z1`` inclusive, evenly spaced in ``t``;
    ``method`` is ``"slerp"`` or ``"lerp"``. Returns ``[steps, latent_dim]``."""
    fn = {"slerp": slerp, "lerp": lerp}[method]
    return torch.stack([fn(z0, z1, float(t)) for t in torch.linspace(0.0, 1.0, steps)])


def ink(images):
    """Mean pixel value of each image ``[N, 1, H, W]``: how much ink a digit uses. Given."""
    return images.flatten(1).mean(dim=1)


def attribute_direction(z, scores, fraction=0.2):
    """A direction in latent space for an attribute measured by ``scores`` ``[N]`` of the
    images ``G(z)`` (``z`` is ``[N, latent_dim]``): the mean latent of the ``fraction`` of
    samples with the highest scores minus the mean latent of the ``fraction`` with the
    lowest (``round(fraction * N)`` samples each, at least one). Adding it to a latent
    vector should add the attribute."""
    k = max(1, int(round(fraction * len(z))))
    order = torch.argsort(scores)
    return z[order[-k:]].mean(dim=0) - z[order[:k]].mean(dim=0)
