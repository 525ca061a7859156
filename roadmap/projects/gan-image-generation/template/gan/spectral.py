"""Spectral normalisation (Miyato et al., 2018), written by hand.

Dividing a layer's weight by its largest singular value sigma makes the layer 1-Lipschitz,
which keeps the discriminator's gradients well behaved, one of the most effective
stabilisers of GAN training. Computing sigma exactly (an SVD) at every step would be costly,
so vectors ``u`` and ``v`` are kept between steps and refined by one step of the power
iteration each time the layer runs in training mode. Write it yourself: no
``torch.nn.utils.spectral_norm``, no SVD.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F  # noqa: F401


@torch.no_grad()
def power_iteration(weight, u, n_iter=1, eps=1e-12):
    """Estimate the largest singular value of the 2-D matrix ``weight`` ``[m, n]``.

    Starting from ``u`` ``[m]``, repeat ``n_iter`` times: ``v = normalize(W^T u)``, then
    ``u = normalize(W v)``. Returns ``(sigma, u, v)`` with ``sigma = u . (W v)``, all without
    gradients (the caller differentiates through ``weight / sigma`` by recomputing
    ``u . (W v)`` with the returned vectors).
    """
    # TODO: normalize(x) = x / (||x|| + eps).
    raise NotImplementedError("TODO: power_iteration")


class _SpectralNormMixin:
    """Shared by SNLinear and SNConv2d: buffers ``u`` [out] and ``v`` [in * kernel] and
    ``normalized_weight``."""

    def _init_sn(self, n_iter):
        self.n_iter = n_iter
        # TODO: register two buffers, u (length weight.shape[0]) and v (length
        # weight[0].numel()), random unit vectors.
        raise NotImplementedError("TODO: _SpectralNormMixin._init_sn")

    def normalized_weight(self):
        """``weight / sigma``. In training mode, ``u`` and ``v`` are refined first by
        ``n_iter`` power-iteration steps; in eval mode they stay as they are."""
        # TODO: view the weight as [out, everything else]; sigma must be differentiable in
        # the weight, but not in u and v (use copies of the buffers: a later forward pass
        # changes them in place before this one is back-propagated).
        raise NotImplementedError("TODO: normalized_weight")


class SNLinear(_SpectralNormMixin, nn.Linear):
    """An ``nn.Linear`` whose weight is divided by its spectral norm on every forward pass."""

    def __init__(self, in_features, out_features, bias=True, n_iter=1):
        super().__init__(in_features, out_features, bias=bias)
        self._init_sn(n_iter)

    def forward(self, x):
        # TODO: F.linear with the normalised weight.
        raise NotImplementedError("TODO: SNLinear.forward")


class SNConv2d(_SpectralNormMixin, nn.Conv2d):
    """An ``nn.Conv2d`` with spectral normalisation (the weight is read as a
    ``[out_channels, in_channels * kh * kw]`` matrix)."""

    def __init__(self, *args, n_iter=1, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_sn(n_iter)

    def forward(self, x):
        # TODO: nn.Conv2d has self._conv_forward(x, weight, bias).
        raise NotImplementedError("TODO: SNConv2d.forward")
