"""A container that chains layers: the output of one is the input of the next."""

import numpy as np


class Sequential:
    def __init__(self, layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad):
        # The chain rule, applied from the loss back to the input.
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return grad

    def parameters(self):
        """All trainable arrays, in a fixed order."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """The gradient arrays matching ``parameters()`` one to one."""
        return [g for layer in self.layers for g in layer.gradients()]

    def predict(self, x):
        """Class predictions: the index of the largest output in every row."""
        return np.argmax(self.forward(x), axis=1)

    def __call__(self, x):
        return self.forward(x)
