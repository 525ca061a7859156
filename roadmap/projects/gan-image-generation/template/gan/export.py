"""Export a generator to ONNX, for the extension's latent-space demo or any ONNX runtime.

The exported graph has one input and one output:

- ``latent``: float32 ``[batch, latent_dim]`` (the batch size is dynamic); the generator was
  trained with ``z ~ N(0, I)``, so nearly every useful point lies in [-3, 3] per coordinate;
- ``image``: float32 ``[batch, 1, 28, 28]``, pixel intensities in [0, 1] (0 = background,
  1 = ink), the layout of the MNIST files.
"""
from pathlib import Path  # noqa: F401

import torch
import torch.nn as nn


class _Export(nn.Module):
    """The generator with a fixed label (if conditional) and a [batch, 1, 28, 28] output. Given."""

    def __init__(self, generator, label):
        super().__init__()
        self.generator, self.label = generator, label

    def forward(self, latent):
        if self.label is None:
            image = self.generator(latent)
        else:
            labels = torch.full((latent.shape[0],), self.label, dtype=torch.int64)
            image = self.generator(latent, labels)
        return image.reshape(-1, 1, 28, 28)


def export_generator(generator, path, label=None, opset=17):
    """Write ``generator`` (in eval mode) to ``path`` as ONNX, with the input ``latent``
    ``[batch, latent_dim]`` and the output ``image`` ``[batch, 1, 28, 28]``, a dynamic batch
    size, and opset ``opset``. A conditional generator needs a fixed digit ``label``. The
    file must pass ``onnx.checker.check_model``, and its ``metadata_props`` must include
    ``latent_dim``. Returns the path."""
    import onnx  # noqa: F401

    # TODO: eval mode on the CPU; wrap it in _Export (given, above); torch.onnx.export with
    # a dummy latent batch, input/output names, dynamic_axes for the batch dimension and
    # opset_version; then add the metadata, check the model and save it.
    raise NotImplementedError("TODO: export_generator")
