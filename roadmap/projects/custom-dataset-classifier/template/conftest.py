"""Shared test setup (part of the checks: do not edit).

Being at the project root, this file also puts the project folder on ``sys.path`` so the tests
can ``import imageclf``. The image folders the tests train and grade on are generated here, in
temporary folders, by the tests' own copy of the shape generator (``tests/shapes.py``).
"""
import copy
import os
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

torch.set_num_threads(1)
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))

from shapes import make_shapes_dataset  # noqa: E402  (tests/shapes.py)

FOLDERS = {
    # name: (images per class, generator seed)
    "train": (150, 0),  # what train_folder gets: 750 images, split 80 / 20 by your code
    "fresh": (60, 4242),  # never handed to your code: the images the test grades on
    "tiny": (12, 7),  # for the quick checks of the training loop
}


def tensors_of(folder):
    """(float images [N, 3, 32, 32] in [0, 1], labels) of a generated folder, read by the test."""
    from PIL import Image

    classes = sorted(d.name for d in Path(folder).iterdir() if d.is_dir())
    xs, ys = [], []
    for label, name in enumerate(classes):
        for path in sorted((Path(folder) / name).glob("*.png")):
            with Image.open(path) as img:
                xs.append(np.asarray(img.convert("RGB"), dtype=np.float32) / 255)
            ys.append(label)
    return torch.from_numpy(np.stack(xs)).permute(0, 3, 1, 2).contiguous(), torch.tensor(ys), classes


@pytest.fixture(scope="session")
def shapes(tmp_path_factory):
    """``shapes("train" | "fresh" | "tiny")``: the folder, generated on first use."""
    made = {}

    def get(name):
        if name not in made:
            per_class, seed = FOLDERS[name]
            made[name] = make_shapes_dataset(tmp_path_factory.mktemp(f"shapes-{name}"), per_class=per_class, seed=seed)
        return made[name]

    return get


@pytest.fixture(scope="session")
def trained(shapes, tmp_path_factory):
    """``trained()``: your CONFIG trained ONCE with ``train_folder`` on the "train" folder, inside
    the first test that asks (so an unfinished TODO fails that test, not the session)."""
    cache = {}

    def get():
        if not cache:
            from imageclf.config import CONFIG
            from imageclf.train import train_folder

            config = copy.deepcopy(CONFIG)
            out = tmp_path_factory.mktemp("trained")
            result = train_folder(config, shapes("train"), out)
            cache.update(result=result, out=out, config=config)
        return cache

    return get
