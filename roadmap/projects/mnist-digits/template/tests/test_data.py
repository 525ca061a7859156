"""Milestone 1: the digits as a Dataset, and a stratified train / validation split."""
import numpy as np
import torch
from torch.utils.data import DataLoader

from conftest import heldout_opens, write_digits
from digits.data import DigitDataset, load_training_data, stratified_split


def test_dataset_gives_float_images_and_labels(mnist):
    images, labels = mnist("train")
    ds = DigitDataset(images[:50], labels[:50])
    assert len(ds) == 50
    x, y = ds[3]
    assert isinstance(x, torch.Tensor) and x.dtype == torch.float32, "an image must be a float32 tensor"
    assert tuple(x.shape) == (1, 28, 28), f"an image must have shape [1, 28, 28] (channel first), got {tuple(x.shape)}"
    assert torch.allclose(x[0], torch.from_numpy(images[3].astype(np.float32) / 255)), (
        "the pixels must be byte / 255: 0 is background and 1 full ink"
    )
    assert int(y) == labels[3]
    xb, yb = next(iter(DataLoader(ds, batch_size=16)))
    assert tuple(xb.shape) == (16, 1, 28, 28) and yb.dtype == torch.int64, (
        "a DataLoader batch must be images [B, 1, 28, 28] and int64 labels [B]"
    )
    assert float(xb.min()) >= 0.0 and float(xb.max()) <= 1.0


def test_stratified_split_keeps_every_class_share(mnist):
    _, labels = mnist("train")
    train_idx, val_idx = stratified_split(labels, val_fraction=0.1, seed=0)
    train_idx, val_idx = np.asarray(train_idx), np.asarray(val_idx)
    assert len(np.intersect1d(train_idx, val_idx)) == 0, "a digit is in both parts"
    assert np.array_equal(np.sort(np.concatenate([train_idx, val_idx])), np.arange(len(labels))), (
        "together the two parts must hold every digit exactly once"
    )
    for c in range(10):
        count = int(np.sum(labels == c))
        assert int(np.sum(labels[val_idx] == c)) == int(round(0.1 * count)), (
            f"class {c}: validation should hold round(0.1 * {count}) of its digits"
        )
    again_train, again_val = stratified_split(labels, val_fraction=0.1, seed=0)
    assert np.array_equal(np.sort(val_idx), np.sort(np.asarray(again_val))), "the same seed must give the same split"
    _, other_val = stratified_split(labels, val_fraction=0.1, seed=1)
    assert not np.array_equal(np.sort(val_idx), np.sort(np.asarray(other_val))), "another seed should pick other digits"


def test_load_training_data_reads_only_the_given_file(mnist, tmp_path):
    images, labels = mnist("train")
    # A small file of 300 digits the test writes itself: its images are marked so that the test
    # can recognise them (the pixel at the top-left corner is 255 in every image).
    small_images = images[:300].copy()
    small_images[:, 0, 0] = 255
    path = write_digits(tmp_path / "small.bin", small_images, labels[:300])
    train_set, val_set = load_training_data(path, val_fraction=0.2, seed=0)
    n_val = sum(int(round(0.2 * np.sum(labels[:300] == c))) for c in range(10))
    assert (len(train_set), len(val_set)) == (300 - n_val, n_val), (
        f"expected {300 - n_val} + {n_val} digits from this 300-digit file with val_fraction=0.2, "
        f"got {len(train_set)} + {len(val_set)}"
    )
    for ds in (train_set, val_set):
        x, _ = ds[0]
        assert float(x[0, 0, 0]) == 1.0, "the datasets must hold the digits of the file that was passed"
    assert not heldout_opens(), f"training code opened the held-out digits: {heldout_opens()}"
