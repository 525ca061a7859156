"""``python -m imageclf [make-data|lr-find|train|evaluate|export|all]`` (given).

    make-data   generate the shapes set in data/shapes/ (160 images per class) and a separate
                test set in data/shapes-test/ (another seed, never trained on)
    lr-find     the learning-rate range test on the training split: artifacts/lr_finder.png
    train       train with config.CONFIG: artifacts/best.pt, last.pt, metrics.csv, curves.png
                (--resume carries on from artifacts/last.pt after an interruption)
    evaluate    accuracy and confusion matrix of best.pt on a folder (default data/shapes-test)
    export      artifacts/model.onnx and artifacts/classes.json
    all         all of the above, in order (the default)

Use your own photos with ``--data path/to/folder`` (one sub-folder per class), and probably
``--image-size 64``.
"""
from __future__ import annotations

import argparse
import copy
import csv
import json
import sys
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader

from .config import CONFIG
from .data import ImageFolderDataset, build_transforms, load_datasets
from .shapes import make_shapes_dataset
from .train import load_model, pick_device, set_seed, train_folder


def cmd_make_data(args) -> None:
    if args.data.exists() and any(args.data.iterdir()) and not args.force:
        print(f"{args.data} already has images (use --force to write the shapes again)")
        return
    make_shapes_dataset(args.data, per_class=args.per_class, seed=args.seed)
    make_shapes_dataset(args.test_data, per_class=60, seed=args.seed + 1000)
    print(f"wrote {args.per_class} images per class to {args.data} and 60 per class to {args.test_data}")


def cmd_lr_find(args, config) -> float:
    from torch import nn

    from .lr_finder import lr_range_test, plot_lr_finder, suggest_lr
    from .model import build_model

    train_set, _, classes = load_datasets(args.data, config)
    set_seed(config["seed"])
    device = pick_device()
    model = build_model(config, len(classes)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config["lr"], weight_decay=config["weight_decay"])
    loader = DataLoader(train_set, batch_size=config["batch_size"], shuffle=True,
                        generator=torch.Generator().manual_seed(config["seed"]))
    # Hard data learns slowly at first: a few hundred steps and a wide smoothing window give a
    # readable curve.
    result = lr_range_test(model, loader, nn.CrossEntropyLoss(), optimizer, start_lr=1e-5, end_lr=1.0,
                           num_iters=300, device=device)
    suggestion = suggest_lr(result["lrs"], result["losses"], window=21)
    losses = np.asarray(result["losses"])
    smoothed = np.convolve(losses, np.ones(21) / 21, mode="same")
    lowest = result["lrs"][int(np.argmin(smoothed[10:-10])) + 10] if len(losses) > 30 else result["lrs"][-1]
    import matplotlib.pyplot as plt

    fig = plot_lr_finder(result, suggestion)
    fig.savefig(args.out / "lr_finder.png", dpi=110)
    plt.close(fig)
    print(f"LR finder: the loss falls fastest at lr = {suggestion:.2g} and is lowest at {lowest:.2g} "
          f"(rule of thumb: a tenth of that, {lowest / 10:.2g}); config: {config['lr']:.2g}. "
          f"Wrote {args.out / 'lr_finder.png'}")
    return suggestion


def plot_curves(metrics_csv: Path, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with open(metrics_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return
    epochs = [int(r["epoch"]) for r in rows]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for key, label in (("train_loss", "training"), ("val_loss", "validation")):
        a.plot(epochs, [float(r[key]) for r in rows], marker="o", label=label)
    for key, label in (("train_acc", "training"), ("val_acc", "validation")):
        b.plot(epochs, [float(r[key]) for r in rows], marker="o", label=label)
    a.set_title("loss")
    b.set_title("accuracy")
    for ax in (a, b):
        ax.set_xlabel("epoch")
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def cmd_train(args, config) -> dict:
    print(f"Training on {args.data} ({config['epochs']} epochs at most, device {pick_device()})")
    result = train_folder(config, args.data, args.out, resume=args.resume, log=lambda s: print("  " + s))
    best = min(result["history"], key=lambda r: r["val_loss"])
    print(f"  best epoch {best['epoch']}: val loss {best['val_loss']:.4f}, val acc {best['val_acc']:.4f}"
          + (" (stopped early)" if result["stopped_early"] else ""))
    plot_curves(args.out / "metrics.csv", args.out / "curves.png")
    print(f"  wrote {result['best_path']}, {result['last_path']}, {args.out / 'metrics.csv'}, {args.out / 'curves.png'}")
    return result


def cmd_evaluate(args, config) -> dict:
    model, classes = load_model(args.out / "best.pt")
    ds = ImageFolderDataset(args.test_data, image_size=config["image_size"],
                            transform=build_transforms(config["image_size"], train=False))
    if ds.classes != classes:
        sys.exit(f"{args.test_data} has classes {ds.classes}, the model knows {classes}")
    preds, labels = [], []
    with torch.no_grad():
        for x, y in DataLoader(ds, batch_size=256):
            preds.append(model(x).argmax(1).numpy())
            labels.append(np.asarray(y))
    pred, true = np.concatenate(preds), np.concatenate(labels)
    cm = np.zeros((len(classes), len(classes)), dtype=int)
    np.add.at(cm, (true, pred), 1)
    acc = float(np.mean(pred == true))
    print(f"best.pt on {args.test_data}: accuracy {acc:.4f} on {len(true)} images")
    width = max(len(c) for c in classes)
    print(" " * (width + 2) + " ".join(f"{c[:6]:>6}" for c in classes) + "   <- predicted")
    for name, row in zip(classes, cm):
        print(f"{name:>{width}}  " + " ".join(f"{v:6d}" for v in row))
    report = {"accuracy": acc, "classes": classes, "confusion_matrix": cm.tolist(), "data": str(args.test_data)}
    (args.out / "evaluation.json").write_text(json.dumps(report, indent=2))
    return report


def cmd_export(args, config) -> None:
    from .export import export_onnx

    model, classes = load_model(args.out / "best.pt")
    path = export_onnx(model, args.out / "model.onnx", image_size=config["image_size"], classes=classes)
    print(f"  wrote {path} ({path.stat().st_size / 1024:.1f} KB) and {path.parent / 'classes.json'}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m imageclf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="all",
                        choices=["make-data", "lr-find", "train", "evaluate", "export", "all"])
    parser.add_argument("--data", type=Path, default=Path("data/shapes"), help="a folder of class folders")
    parser.add_argument("--test-data", type=Path, default=Path("data/shapes-test"))
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    parser.add_argument("--epochs", type=int, default=0, help="override CONFIG['epochs']")
    parser.add_argument("--lr", type=float, default=0.0, help="override CONFIG['lr']")
    parser.add_argument("--image-size", type=int, default=0, help="override CONFIG['image_size']")
    parser.add_argument("--resume", action="store_true", help="carry on from artifacts/last.pt")
    parser.add_argument("--per-class", type=int, default=160, help="make-data: images per class")
    parser.add_argument("--seed", type=int, default=0, help="make-data: the generator's seed")
    parser.add_argument("--force", action="store_true", help="make-data: write the images again")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    config = copy.deepcopy(CONFIG)
    for key, value in (("epochs", args.epochs), ("lr", args.lr), ("image_size", args.image_size)):
        if value:
            config[key] = value
    args.out.mkdir(parents=True, exist_ok=True)
    if args.command == "make-data" or (args.command == "all" and not args.data.exists()):
        cmd_make_data(args)
    if args.command in ("lr-find", "all"):
        cmd_lr_find(args, config)
    if args.command in ("train", "all"):
        cmd_train(args, config)
    if args.command == "evaluate" or (args.command == "all" and args.test_data.exists()):
        cmd_evaluate(args, config)
    if args.command in ("export", "all"):
        cmd_export(args, config)


if __name__ == "__main__":
    main()
