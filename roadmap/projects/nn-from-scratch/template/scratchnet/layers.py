"""The fully connected (dense) layer: y = x @ W + b."""

import numpy as np


class Dense:
    """A dense layer mapping (batch, n_in) -> (batch, n_out).

    Attributes
    ----------
    W : ndarray (n_in, n_out)   weights
    b : ndarray (n_out,)        biases
    dW, db : ndarrays           gradients of the loss w.r.t. W and b, filled by ``backward``
    """

    def __init__(self, n_in, n_out, rng=None, weight_scale=None):
        rng = np.random.default_rng(0) if rng is None else rng
        # He initialisation keeps the variance of activations roughly constant through
        # ReLU layers: std = sqrt(2 / n_in). Pass weight_scale to override it.
        scale = np.sqrt(2.0 / n_in) if weight_scale is None else weight_scale
        self.W = rng.normal(0.0, scale, size=(n_in, n_out))
        self.b = np.zeros(n_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self._x = None  # the input seen by the last forward pass

    def forward(self, x):
        # TODO: cache what backward needs and return the layer's output.
        raise NotImplementedError("TODO: Dense.forward")

    def backward(self, grad_out):
        # TODO: given G = dL/dy of shape (batch, n_out), fill self.dW (the shape of W) and
        # self.db (the shape of b) and return dL/dx (the shape of x). DERIVATIONS.md section 1.
        raise NotImplementedError("TODO: Dense.backward")

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]

    def __call__(self, x):
        return self.forward(x)
