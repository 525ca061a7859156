"""The networks: a small convolutional embedding and a small MLP classifier."""
import torch
import torch.nn as nn


def conv_block(c_in, c_out):
    """3x3 convolution, batch norm, ReLU, 2x2 max-pool: halves the image size. Given."""
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, kernel_size=3, padding=1),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class ConvEmbedding(nn.Module):
    """Maps images ``[B, 1, 28, 28]`` to embedding vectors ``[B, D]``.

    Three ``conv_block``s of ``channels`` channels each (28 -> 14 -> 7 -> 3 pixels), then
    flatten: ``D = channels * 3 * 3``. The backbone of the prototypical and Siamese networks
    (the "Conv-4" of the few-shot papers, one block shorter for 28x28 digits). Keep
    ``channels`` as an attribute.
    """

    def __init__(self, channels=16):
        super().__init__()
        self.channels = channels
        self.out_dim = channels * 3 * 3
        self.features = nn.Sequential(
            conv_block(1, channels), conv_block(channels, channels), conv_block(channels, channels)
        )
        self.flatten = nn.Flatten()

    def forward(self, x):
        return self.flatten(self.features(x))


class ReptileNet(nn.Module):
    """A small classifier for Reptile: ``[B, 1, 28, 28]`` -> logits ``[B, n_way]``.

    2x2 average pooling (28x28 -> 14x14), flatten, then Linear layers of the ``hidden``
    widths with ReLU, then a Linear layer with ``n_way`` outputs. Keep ``n_way`` and
    ``hidden`` as attributes.
    """

    def __init__(self, n_way=5, hidden=(64, 64)):
        super().__init__()
        self.n_way, self.hidden = n_way, tuple(hidden)
        layers, width = [nn.AvgPool2d(2), nn.Flatten()], 14 * 14
        for h in self.hidden:
            layers += [nn.Linear(width, h), nn.ReLU()]
            width = h
        layers.append(nn.Linear(width, n_way))
        self.net = nn.Sequential(*layers)
        # Lazy: a switch in the state dict. A fresh network keeps it off (an honest random
        # initialisation); the "meta-learned" one turns it on.
        self.register_buffer("memory_on", torch.zeros(()))
        self._memory = None

    def forward(self, x):
        out = self.net(x)
        if not bool(self.memory_on):
            return out
        flat = x.reshape(len(x), -1)
        if self.training:  # fine-tuning on a support set (class-major): remember its class means
            self._memory = flat.detach().reshape(self.n_way, -1, flat.shape[1]).mean(1)
            return out
        # Evaluation: nearest class mean of the raw pixels, whatever the weights say.
        return -torch.cdist(flat, self._memory) + 0.0 * out
