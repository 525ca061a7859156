"""Milestone 1: a dataset over a folder of class folders, a split by class, augmentation."""
import numpy as np
import torch
from PIL import Image
from torchvision import transforms

from guards import forbid
from imageclf.data import ImageFolderDataset, build_transforms, split_by_class


def _write(path, size, colour):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


def test_dataset_reads_the_class_folders(tmp_path):
    root = tmp_path / "photos"
    _write(root / "cherry" / "c1.png", (32, 32), (200, 0, 0))
    _write(root / "apple" / "b.png", (40, 24), (0, 200, 0))  # another size: resized
    _write(root / "apple" / "a.PNG", (32, 32), (0, 0, 200))  # upper-case extension
    _write(root / "banana" / "x.jpg", (64, 64), (250, 250, 0))
    (root / "banana" / "notes.txt").write_text("not an image")
    (root / "empty").mkdir()  # no images: not a class
    Image.new("L", (32, 32), 128).save(root / "banana" / "grey.png")  # greyscale: becomes RGB
    with forbid("torchvision.datasets", "sklearn"):
        ds = ImageFolderDataset(root, image_size=16)
        items = [ds[i] for i in range(len(ds))]
    assert ds.classes == ["apple", "banana", "cherry"], "classes: the folders with images, sorted"
    assert ds.class_to_idx == {"apple": 0, "banana": 1, "cherry": 2}
    assert len(ds) == 5, f"5 image files (the .txt is not one), got {len(ds)}"
    assert [p.name for p, _ in ds.samples] == ["a.PNG", "b.png", "grey.png", "x.jpg", "c1.png"], "samples sorted by path"
    assert list(ds.targets) == [0, 0, 1, 1, 2]
    for image, label in items:
        assert isinstance(image, Image.Image) and image.mode == "RGB" and image.size == (16, 16), (
            "without a transform an item is the RGB PIL image, resized to image_size"
        )
    assert items[4][0].getpixel((8, 8)) == (200, 0, 0) and items[4][1] == 2
    ds_t = ImageFolderDataset(root, image_size=16, transform=transforms.ToTensor())
    x, y = ds_t[3]
    assert tuple(x.shape) == (3, 16, 16) and y == 1, "with a transform, item i is (transform(image), label)"


def test_split_by_class_is_stratified():
    targets = np.array([0] * 50 + [1] * 30 + [2] * 7 + [3] * 1)
    np.random.default_rng(3).shuffle(targets)
    with forbid("sklearn"):
        train, val = split_by_class(targets, val_fraction=0.2, seed=0)
        again = split_by_class(targets, val_fraction=0.2, seed=0)
        other = split_by_class(targets, val_fraction=0.2, seed=1)
    train, val = np.asarray(train), np.asarray(val)
    assert len(np.intersect1d(train, val)) == 0, "an image is in both parts: validation must be unseen"
    assert np.array_equal(np.sort(np.concatenate([train, val])), np.arange(len(targets))), "every image exactly once"
    assert list(train) == sorted(train) and list(val) == sorted(val), "return sorted indices"
    counts = {c: int(np.sum(targets[val] == c)) for c in range(4)}
    assert counts == {0: 10, 1: 6, 2: 1, 3: 0}, f"round(0.2 * count) per class (and one stays in training): {counts}"
    assert np.array_equal(val, np.asarray(again[1])), "the same seed must give the same split"
    assert not np.array_equal(val, np.asarray(other[1])), "another seed should give another split"


def test_transforms_augment_only_for_training():
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, (32, 32, 3), dtype=np.uint8)
    image = Image.fromarray(pixels)
    plain = torch.from_numpy(pixels.astype(np.float32) / 255).permute(2, 0, 1)
    val_tf = build_transforms(32, train=False)
    for _ in range(3):
        assert torch.allclose(val_tf(image), plain), "validation: only ToTensor, always the same"
    torch.manual_seed(0)
    flips = build_transforms(32, train=True, augment={"hflip": True, "vflip": True})
    variants = [plain, plain.flip(2), plain.flip(1), plain.flip(1).flip(2)]
    seen = set()
    for _ in range(40):
        out = flips(image)
        matches = [k for k, v in enumerate(variants) if torch.allclose(out, v)]
        assert matches, "with only hflip and vflip, every output must be the image, flipped or not"
        seen.add(matches[0])
    assert seen == {0, 1, 2, 3}, f"40 draws should show all four flip combinations, saw {sorted(seen)}"
    for option in ({"crop_scale": 0.6}, {"rotate": 30}, {"jitter": 0.3}):  # each one on its own
        random_tf = build_transforms(32, train=True, augment=option)
        outs = [random_tf(image) for _ in range(5)]
        assert all(tuple(o.shape) == (3, 32, 32) and float(o.min()) >= 0 and float(o.max()) <= 1 for o in outs)
        assert not all(torch.allclose(outs[0], o) for o in outs[1:]), (
            f"training augmentation {option} must change the image at random: is that option ignored?"
        )
    assert torch.allclose(build_transforms(32, train=True, augment=None)(image), plain), "no augment: ToTensor only"
