"""Your own images as a PyTorch dataset. Milestone 1: ``ImageFolderDataset``,
``split_by_class``, ``build_transforms``.

The layout is one folder per class, the folder name being the class name::

    data/shapes/circle/circle_0000.png
    data/shapes/circle/circle_0001.png
    data/shapes/cross/...

Point it at your own photos in the same layout (``data/mine/cat/*.jpg``, ``data/mine/dog/*.jpg``)
and everything else works unchanged.

Write the dataset and the split yourself: the tests block ``torchvision.datasets`` and
scikit-learn while they run them. The augmentation uses ``torchvision.transforms``, as it should.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch  # noqa: F401
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")


class ImageFolderDataset(Dataset):
    """The images under ``root/<class>/``, every one resized to ``image_size`` x ``image_size``.

    - ``classes``: the class folder names, sorted alphabetically; ``class_to_idx`` maps a name to
      its index in that list. Folders without any image are not classes.
    - ``samples``: ``(path, label)`` for every image file (extensions in ``IMAGE_EXTENSIONS``,
      any case), sorted by path; ``targets``: the labels alone, in the same order.
    - The images are read once, here, converted to RGB and resized (bilinear), and kept in
      memory as PIL images (a few hundred small images fit easily; it saves reading the files
      again every epoch).
    - Item ``i`` is ``(transform(image), label)``, or ``(image, label)`` with the PIL image
      itself when ``transform`` is None.
    """

    def __init__(self, root, image_size: int = 32, transform=None):
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(f"{root} is not a folder of class folders")

        def images_in(folder: Path):
            return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_EXTENSIONS)

        self.classes = sorted(d.name for d in root.iterdir() if d.is_dir() and images_in(d))
        self.class_to_idx = {name: i for i, name in enumerate(self.classes)}
        self.samples = sorted(
            (path, self.class_to_idx[name]) for name in self.classes for path in images_in(root / name)
        )
        self.targets = [label for _, label in self.samples]
        self.images = []
        for path, _ in self.samples:
            with Image.open(path) as img:
                self.images.append(img.convert("RGB").resize((image_size, image_size), Image.BILINEAR))
        self.transform = transform

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, i):
        image = self.images[i]
        return (self.transform(image) if self.transform is not None else image), self.targets[i]


def split_by_class(targets, val_fraction: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train_idx, val_idx)``: every class puts ``round(val_fraction * count)`` of its
    images into validation, at random with ``np.random.default_rng(seed)`` (and at least one
    image stays in training). Disjoint, complete, sorted, and the same for the same seed."""
    targets = np.asarray(targets)
    rng = np.random.default_rng(seed)
    train_parts, val_parts = [], []
    for c in np.unique(targets):
        idx = np.flatnonzero(targets == c)
        idx = idx[rng.permutation(len(idx))]
        n_val = min(int(round(val_fraction * len(idx))), len(idx) - 1)
        val_parts.append(idx[:n_val])
        train_parts.append(idx[n_val:])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(val_parts))


def build_transforms(image_size: int, train: bool, augment: dict | None = None):
    """The ``torchvision.transforms`` pipeline from a PIL image to a float tensor
    ``[3, image_size, image_size]`` in [0, 1].

    For validation (``train=False``) that is only ``ToTensor`` (the dataset already resized the
    image). For training, put the random augmentations of ``augment`` first:

    - ``"crop_scale"`` (float < 1): a random crop of that share of the area or more, resized
      back to ``image_size`` (``RandomResizedCrop``); 1.0 or missing: no crop;
    - ``"hflip"`` / ``"vflip"`` (bool): flip left-right / upside-down with probability 0.5;
    - ``"rotate"`` (degrees, 0 = off): a random rotation in [-rotate, rotate];
    - ``"jitter"`` (float, 0 = off): random brightness, contrast and saturation by that much.

    Normalisation is not done here: the model does it (see ``model.py``), so that the exported
    ONNX model takes plain [0, 1] pixels.
    """
    steps = []
    if train:
        augment = augment or {}
        # A crop could cut the shape off: leave crop_scale out.
        if augment.get("hflip"):
            steps.append(transforms.RandomHorizontalFlip())
        if augment.get("vflip"):
            steps.append(transforms.RandomVerticalFlip())
        if augment.get("rotate"):
            steps.append(transforms.RandomRotation(augment["rotate"]))
        if augment.get("jitter"):
            j = augment["jitter"]
            steps.append(transforms.ColorJitter(brightness=j, contrast=j, saturation=j))
    steps.append(transforms.ToTensor())
    return transforms.Compose(steps)


# ---------------------------------------------------------------------------------------------
# Given


class TransformSubset(Dataset):
    """The items ``indices`` of a dataset that returns PIL images, with their own transform.

    The training part and the validation part of one folder need different transforms
    (augmentation only for training), so each part wraps the same dataset with its own.
    """

    def __init__(self, dataset, indices, transform):
        self.dataset = dataset
        self.indices = [int(i) for i in indices]
        self.transform = transform

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, i):
        image, label = self.dataset[self.indices[i]]
        return self.transform(image), label


def load_datasets(root, config: dict):
    """``(train_set, val_set, classes)`` for the folder ``root``, split and transformed as the
    config says."""
    full = ImageFolderDataset(Path(root), image_size=config["image_size"])
    if len(full.classes) < 2:
        raise ValueError(f"{root} needs at least two class folders with images in them")
    train_idx, val_idx = split_by_class(full.targets, config["val_fraction"], config["seed"])
    train_tf = build_transforms(config["image_size"], train=True, augment=config.get("augment"))
    val_tf = build_transforms(config["image_size"], train=False)
    return TransformSubset(full, train_idx, train_tf), TransformSubset(full, val_idx, val_tf), full.classes
