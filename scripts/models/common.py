"""Shared helpers for the model build: paths, seeding, ONNX export and small file writers.

Everything here runs under Debian's /usr/bin/python3 (torch 1.13, onnx 1.12). No network access is
needed: every data set is read from an npm package that is a devDependency of the repository.
"""

import json
import os
import random
import time

import numpy as np
import torch
import onnx

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
MODELS_DIR = os.path.join(ROOT, 'media', 'models')
DATA_DIR = os.path.join(ROOT, 'media', 'data')
FIXTURES_DIR = os.path.join(ROOT, 'test', 'fixtures', 'models')
NODE_MODULES = os.path.join(ROOT, 'node_modules')

OPSET = 17

_interop_set = False


def setup_torch(seed):
    """One thread (two made training 20-30x slower on 2-core machines) and fixed seeds."""
    global _interop_set
    torch.set_num_threads(1)
    if not _interop_set:
        # Allowed once per process, before any parallel work: a second call aborts the process.
        _interop_set = True
        torch.set_num_interop_threads(1)
    torch.use_deterministic_algorithms(True)
    seed_all(seed)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def rel(path):
    return os.path.relpath(path, ROOT)


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def export_onnx(model, example, path, output_name='logits', doc='', metadata=None):
    """Exports `model` with a dynamic batch axis, checks it and stamps a little metadata into it."""
    model.eval()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(
        model,
        example,
        path,
        input_names=['input'],
        output_names=[output_name],
        dynamic_axes={'input': {0: 'batch'}, output_name: {0: 'batch'}},
        opset_version=OPSET,
        do_constant_folding=True,
    )
    finish_onnx(path, doc, metadata)


def finish_onnx(path, doc='', metadata=None):
    """Adds doc string and metadata, re-saves and runs the ONNX checker."""
    proto = onnx.load(path)
    proto.producer_name = 'ml-roadmap scripts/models/build.py'
    proto.producer_version = '1'
    if doc:
        proto.doc_string = doc
    del proto.metadata_props[:]
    for key, value in (metadata or {}).items():
        entry = proto.metadata_props.add()
        entry.key = key
        entry.value = str(value)
    onnx.checker.check_model(proto)
    onnx.save(proto, path)
    # Check the file as written too (catches anything lost in serialisation).
    onnx.checker.check_model(onnx.load(path))


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(value, f, indent=None, separators=(',', ':'))
        f.write('\n')


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def file_size(path):
    return os.path.getsize(path)


def human_size(n):
    if n >= 1024 * 1024:
        return '%.2f MB' % (n / (1024 * 1024))
    if n >= 1024:
        return '%.1f KB' % (n / 1024)
    return '%d bytes' % n


def floats(tensor):
    """A float32 tensor as a plain list of Python floats (exact float32 values)."""
    return [float(x) for x in tensor.detach().cpu().reshape(-1).tolist()]


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def random_shift(batch, gen, max_shift, side=28):
    """Moves each image by a random whole number of pixels in [-max_shift, max_shift] on both axes,
    filling with background (0). `batch` is [N, ...] with side*side values per image."""
    n = batch.shape[0]
    imgs = batch.reshape(n, side, side)
    padded = torch.nn.functional.pad(imgs, (max_shift,) * 4)
    span = 2 * max_shift + 1
    dy = torch.randint(0, span, (n,), generator=gen)
    dx = torch.randint(0, span, (n,), generator=gen)
    out = torch.empty_like(imgs)
    for oy in range(span):
        for ox in range(span):
            sel = ((dy == oy) & (dx == ox)).nonzero(as_tuple=True)[0]
            if sel.numel():
                out[sel] = padded[sel, oy:oy + side, ox:ox + side]
    return out.reshape(batch.shape)


def train_classifier(model, x, y, epochs, batch_size, lr, seed, weight_decay=0.0, shift=0,
                     cosine=False, log=None):
    """Minibatch Adam with a seeded shuffle, optional random-shift augmentation (image inputs)
    and cosine learning-rate decay; returns the model in eval mode."""
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs) if cosine else None
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(n, generator=gen)
        total = 0.0
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            xb = x[idx]
            if shift:
                xb = random_shift(xb, gen, shift)
            opt.zero_grad()
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
            total += float(loss) * idx.numel()
        if sched:
            sched.step()
        if log:
            log('  epoch %2d  loss %.4f' % (epoch + 1, total / n))
    model.eval()
    return model


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    pred = model(x).argmax(dim=1)
    return float((pred == y).float().mean())
