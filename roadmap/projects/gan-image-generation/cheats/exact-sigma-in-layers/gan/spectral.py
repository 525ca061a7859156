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
import torch.nn.functional as F


def _normalize(x, eps):
    return x / (x.norm() + eps)


@torch.no_grad()
def power_iteration(weight, u, n_iter=1, eps=1e-12):
    """Estimate the largest singular value of the 2-D matrix ``weight`` ``[m, n]``.

    Starting from ``u`` ``[m]``, repeat ``n_iter`` times: ``v = normalize(W^T u)``, then
    ``u = normalize(W v)``. Returns ``(sigma, u, v)`` with ``sigma = u . (W v)``, all without
    gradients (the caller differentiates through ``weight / sigma`` by recomputing
    ``u . (W v)`` with the returned vectors).
    """
    for _ in range(n_iter):
        v = _normalize(weight.t() @ u, eps)
        u = _normalize(weight @ v, eps)
    sigma = torch.dot(u, weight @ v)
    return sigma, u, v


class _SpectralNormMixin:
    """Shared by SNLinear and SNConv2d: buffers ``u`` [out] and ``v`` [in * kernel] and
    ``normalized_weight``."""

    def _init_sn(self, n_iter):
        self.n_iter = n_iter
        rows, cols = self.weight.shape[0], self.weight[0].numel()
        self.register_buffer("u", _normalize(torch.randn(rows), 1e-12))
        self.register_buffer("v", _normalize(torch.randn(cols), 1e-12))

    def normalized_weight(self):
        """``weight / sigma``. In training mode, ``u`` and ``v`` are refined first by
        ``n_iter`` power-iteration steps; in eval mode they stay as they are."""
        # Lazy: power_iteration is written (its test runs it alone), but the layers take the
        # exact largest singular value from the library and never refine u or v.
        w2d = self.weight.reshape(self.weight.shape[0], -1)
        sigma = torch.linalg.matrix_norm(w2d, ord=2)
        return self.weight / sigma


class SNLinear(_SpectralNormMixin, nn.Linear):
    """An ``nn.Linear`` whose weight is divided by its spectral norm on every forward pass."""

    def __init__(self, in_features, out_features, bias=True, n_iter=1):
        super().__init__(in_features, out_features, bias=bias)
        self._init_sn(n_iter)

    def forward(self, x):
        return F.linear(x, self.normalized_weight(), self.bias)


class SNConv2d(_SpectralNormMixin, nn.Conv2d):
    """An ``nn.Conv2d`` with spectral normalisation (the weight is read as a
    ``[out_channels, in_channels * kh * kw]`` matrix)."""

    def __init__(self, *args, n_iter=1, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_sn(n_iter)

    def forward(self, x):
        return self._conv_forward(x, self.normalized_weight(), self.bias)
