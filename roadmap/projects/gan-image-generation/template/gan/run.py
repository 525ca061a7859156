"""Train, monitor, explore and export the GANs from the command line (given code).

    python -m gan toy                 # the 8-Gaussian ring: scatter plots while it trains
    python -m gan cgan --steps 3000   # conditional digits, a sample grid per log interval
    python -m gan dcgan --steps 6000  # DCGAN digits, then interpolation, arithmetic, ONNX export
    python -m gan style --steps 2000  # the small style-based generator, with a style-mixing grid
    python -m gan export --checkpoint artifacts/dcgan/generator.pt
    python -m gan all                 # toy + cgan + dcgan with the default (short) settings

Everything goes to ``artifacts/<command>/``: PNG sample grids (``samples_step*.png``), the
loss curves (``losses.png``), ``metrics.json`` (mode coverage for the toy; for digits, the
class coverage and the accuracy a small digit classifier gives the samples), the
generator's weights (``generator.pt``) and, for the DCGAN, ``generator.onnx``.
"""
import argparse
import json
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

from . import data
from .export import export_generator
from .latent import attribute_direction, ink, interpolate
from .monitor import class_coverage, mode_coverage, plot_losses, save_grid
from .train import (CondGANConfig, DCGANConfig, GANConfig, default_device, minibatches, train_conditional_gan,
                    train_dcgan, train_gan, train_toy_gan)


def digit_classifier(images, labels, epochs=6, seed=0):
    """A small MLP digit classifier, trained here to score generated digits."""
    torch.manual_seed(seed)
    x, y = data.to_tensor(images), torch.as_tensor(labels)
    clf = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    opt = torch.optim.Adam(clf.parameters(), lr=1e-3)
    for _ in range(epochs):
        perm = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            b = perm[i:i + 128]
            loss = F.cross_entropy(clf(x[b]), y[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return clf.eval()


def scatter(points, centers, path, title):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 4))
    ax.scatter(points[:, 0], points[:, 1], s=2, alpha=0.4)
    ax.scatter(centers[:, 0], centers[:, 1], marker="x", color="red")
    ax.set_xlim(-3, 3)
    ax.set_ylim(-3, 3)
    ax.set_title(title)
    fig.savefig(path, dpi=80)
    plt.close(fig)


def run_toy(args, out):
    mixture = data.GaussianMixture(seed=args.seed)
    config = GANConfig(steps=args.steps or GANConfig.steps)
    z = torch.randn(2000, config.latent_dim)

    def callback(step, generator):
        generator.eval()
        with torch.no_grad():
            points = generator(z.to(next(generator.parameters()).device)).cpu().numpy()
        generator.train()
        cov = mode_coverage(points, mixture.centers, mixture.std)
        scatter(points, mixture.centers, out / f"samples_step{step:05d}.png",
                f"step {step}: {cov['modes_covered']}/8 modes, {cov['high_quality']:.0%} near a mode")
        print(f"step {step:5d}  modes {cov['modes_covered']}/8  high quality {cov['high_quality']:.2f}")

    generator, history = train_toy_gan(mixture, config, seed=args.seed, callback=callback)
    with torch.no_grad():
        final = mode_coverage(generator(z).numpy(), mixture.centers, mixture.std)
    return generator, history, {"mode_coverage": final}


def digit_metrics(generator, classifier, conditional, latent_dim, n=1000):
    torch.manual_seed(123)
    z = torch.randn(n, latent_dim)
    labels = torch.arange(10).repeat(n // 10)
    with torch.no_grad():
        images = generator(z, labels) if conditional else generator(z)
        pred = classifier(images).argmax(1)
    metrics = {"class_coverage": class_coverage(pred.numpy())}
    if conditional:
        metrics["requested_digit_accuracy"] = float((pred == labels).float().mean())
    return metrics


def run_digits(kind, args, out):
    images, labels = data.load_training_digits(args.torchvision)
    classifier = digit_classifier(images, labels)
    conditional = kind == "cgan"
    defaults = {"cgan": CondGANConfig, "dcgan": DCGANConfig, "style": DCGANConfig}[kind]
    config = defaults(**({"steps": args.steps} if args.steps else {}))
    z = torch.randn(100, config.latent_dim)
    grid_labels = torch.arange(10).repeat_interleave(10)  # one row per digit

    def callback(step, generator):
        generator.eval()
        device = next(generator.parameters()).device
        with torch.no_grad():
            samples = generator(z.to(device), grid_labels.to(device)) if conditional else generator(z.to(device))
        generator.train()
        save_grid(samples.cpu(), out / f"samples_step{step:05d}.png", nrow=10)
        m = digit_metrics(generator.cpu().eval(), classifier, conditional, config.latent_dim)
        generator.to(device).train()
        extra = f"  requested-digit accuracy {m['requested_digit_accuracy']:.2f}" if conditional else ""
        print(f"step {step:5d}  classes covered {m['class_coverage']['classes_covered']}/10  "
              f"KL to uniform {m['class_coverage']['kl_to_uniform']:.3f}{extra}")

    if kind == "cgan":
        generator, history = train_conditional_gan(images, labels, config, seed=args.seed, callback=callback)
    elif kind == "dcgan":
        generator, history = train_dcgan(images, config, seed=args.seed, callback=callback)
    else:
        from .models import DCDiscriminator
        from .stylegan import StyleGenerator

        torch.manual_seed(args.seed)
        device = default_device()
        generator = StyleGenerator(config.latent_dim, ch=16).to(device)
        sample = minibatches(images, labels, args.seed)
        history = train_gan(generator, DCDiscriminator(config.ch).to(device), lambda n: sample(n)[0], config,
                            seed=args.seed, callback=callback)
        generator = generator.cpu().eval()
        with torch.no_grad():  # style mixing: rows take coarse styles, columns fine styles
            zr, zc = torch.randn(8, config.latent_dim), torch.randn(8, config.latent_dim)
            mixed = torch.cat([generator.mix(zr[i].expand(8, -1), zc, 2) for i in range(8)])
        save_grid(mixed, out / "style_mixing.png", nrow=8)
    metrics = digit_metrics(generator, classifier, conditional, config.latent_dim)

    if kind in ("dcgan", "style"):
        with torch.no_grad():
            torch.manual_seed(7)
            ends = torch.randn(6, config.latent_dim)
            rows = [generator(interpolate(ends[i], ends[i + 1], 10)) for i in range(0, 6, 2)]
            save_grid(torch.cat(rows), out / "interpolation.png", nrow=10)
            zs = torch.randn(2000, config.latent_dim)
            direction = attribute_direction(zs, ink(generator(zs)))
            base = torch.randn(10, config.latent_dim)
            strip = torch.cat([generator(base + s * direction) for s in (-2, -1, 0, 1, 2)])
            save_grid(strip, out / "ink_arithmetic.png", nrow=10)
        print(f"wrote {out / 'interpolation.png'} and {out / 'ink_arithmetic.png'}")
    return generator, history, metrics


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m gan", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="all", choices=["toy", "cgan", "dcgan", "style", "export", "all"])
    parser.add_argument("--steps", type=int, default=0, help="training steps (default: the config's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--torchvision", action="store_true", help="train on the full MNIST (needs internet once)")
    parser.add_argument("--checkpoint", help="export: a generator.pt written by the dcgan or style command")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)

    if args.command == "export":
        from .models import DCGenerator
        from .stylegan import StyleGenerator

        ckpt = torch.load(args.checkpoint, map_location="cpu")
        cls = {"DCGenerator": DCGenerator, "StyleGenerator": StyleGenerator}[ckpt["class"]]
        generator = cls(**ckpt["kwargs"])
        generator.load_state_dict(ckpt["state_dict"])
        print(f"wrote {export_generator(generator, Path(args.checkpoint).with_suffix('.onnx'))}")
        return

    commands = ["toy", "cgan", "dcgan"] if args.command == "all" else [args.command]
    for kind in commands:
        out = Path(args.out) / kind
        out.mkdir(parents=True, exist_ok=True)
        print(f"== {kind}")
        start = time.process_time()
        generator, history, metrics = run_toy(args, out) if kind == "toy" else run_digits(kind, args, out)
        metrics["train_cpu_seconds"] = round(time.process_time() - start, 1)
        plot_losses(history, out / "losses.png")
        kwargs = {k: getattr(generator, k) for k in ("latent_dim", "ch") if hasattr(generator, k)}
        if kind == "toy":
            kwargs = {"latent_dim": generator.latent_dim, "out_dim": generator.out_dim,
                      "hidden": list(generator.hidden)}
        elif kind == "cgan":
            kwargs = {"latent_dim": generator.latent_dim, "n_classes": generator.n_classes,
                      "hidden": list(generator.hidden)}
        elif kind == "style":
            kwargs = {"z_dim": generator.latent_dim, "w_dim": generator.w_dim, "ch": generator.ch}
        torch.save({"class": type(generator).__name__, "kwargs": kwargs, "state_dict": generator.state_dict()},
                   out / "generator.pt")
        if kind in ("dcgan", "style"):
            print(f"wrote {export_generator(generator, out / 'generator.onnx')}")
        (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
        print(json.dumps(metrics))


if __name__ == "__main__":
    main()
