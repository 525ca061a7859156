"""Export a generator to ONNX, for the extension's latent-space demo or any ONNX runtime.

The exported graph has one input and one output:

- ``latent``: float32 ``[batch, latent_dim]`` (the batch size is dynamic); the generator was
  trained with ``z ~ N(0, I)``, so nearly every useful point lies in [-3, 3] per coordinate;
- ``image``: float32 ``[batch, 1, 28, 28]``, pixel intensities in [0, 1] (0 = background,
  1 = ink), the layout of the MNIST files.
"""
from pathlib import Path

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
    import onnx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    generator = generator.cpu().eval()
    model = _Export(generator, label).eval()
    dummy = torch.randn(2, generator.latent_dim)
    with torch.no_grad():
        torch.onnx.export(
            model, dummy, str(path), input_names=["latent"], output_names=["image"],
            dynamic_axes={"latent": {0: "batch"}, "image": {0: "batch"}}, opset_version=opset,
        )
    proto = onnx.load(str(path))
    entry = proto.metadata_props.add()
    entry.key, entry.value = "latent_dim", str(generator.latent_dim)
    entry = proto.metadata_props.add()
    entry.key, entry.value = "output", "image [batch, 1, 28, 28] in [0, 1]"
    onnx.checker.check_model(proto)
    onnx.save(proto, str(path))
    return path
