"""A container that chains layers: the output of one is the input of the next."""

import numpy as np


class Sequential:
    def __init__(self, layers):
        self.layers = list(layers)

    def forward(self, x):
        # TODO: feed x through every layer in order and return the final output.
        raise NotImplementedError("TODO: Sequential.forward - call each layer's forward in order")

    def backward(self, grad):
        # TODO: send the loss gradient back through the layers in REVERSE order
        # (each backward returns the gradient for the layer before it). Return the
        # gradient with respect to the network input.
        raise NotImplementedError("TODO: Sequential.backward - call backward in reverse order")

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
