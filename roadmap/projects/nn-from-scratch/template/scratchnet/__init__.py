"""scratchnet: a small neural-network library written with nothing but NumPy."""

from .activations import ReLU, Sigmoid, Softmax, Tanh
from .layers import Dense
from .losses import CrossEntropyLoss, MSELoss, one_hot
from .network import Sequential
from .optimizers import SGD, Adam, Momentum, RMSprop

__all__ = [
    "ReLU",
    "Sigmoid",
    "Tanh",
    "Softmax",
    "Dense",
    "MSELoss",
    "CrossEntropyLoss",
    "one_hot",
    "Sequential",
    "SGD",
    "Momentum",
    "RMSprop",
    "Adam",
]
