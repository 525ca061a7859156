"""``python -m digits [train|evaluate|sweep|export|all]``: the whole project end to end.

Given code: it only calls the functions you write. Everything lands in ``artifacts/``:

    mlp.pt, cnn.pt                 checkpoints (train)
    curves-mlp.png, curves-cnn.png training curves (train)
    metrics.json                   held-out accuracy, per-class accuracy, confusion matrices (evaluate)
    confusion-*.png, mistakes-*.png the confusion matrices and the most confident mistakes (evaluate)
    sweep.md, sweep.json           the hyperparameter sweep on the validation split (sweep)
    cnn.onnx, mlp.onnx             the exported models (export); the lab scores cnn.onnx
    report.md                      the comparison of the two models, with all the numbers (all)

``--torchvision`` trains on torchvision's full MNIST (60,000 digits, downloaded once) and scores
on its 10,000 test digits instead of the files in ``data/``.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from . import config as configs
from .data import HELDOUT_FILE, TRAIN_FILE, load_training_data, read_mnist_file, torchvision_mnist_files
from .train import load_checkpoint, pick_device, train_model

KINDS = {"mlp": configs.MLP_CONFIG, "cnn": configs.CNN_CONFIG}


def data_files(args) -> tuple[Path, Path]:
    if args.torchvision:
        return torchvision_mnist_files()
    return TRAIN_FILE, HELDOUT_FILE


def save_figure(fig, path: Path) -> None:
    import matplotlib.pyplot as plt

    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"  wrote {path}")


def cmd_train(args) -> dict:
    from .analysis import plot_training_curves

    train_file, _ = data_files(args)
    done = {}
    for kind in args.models:
        config = copy.deepcopy(KINDS[kind])
        if args.epochs:
            config["epochs"] = args.epochs
        print(f"Training the {kind.upper()} on {train_file.name} ({config['epochs']} epochs, device {pick_device()})")
        model, history, path = train_model(config, train_file, args.out, seed=args.seed, log=lambda s: print("  " + s))
        print(f"  saved {path} (validation accuracy {history['val_acc'][-1]:.4f}, {history['seconds']:.1f} s)")
        save_figure(plot_training_curves(history), args.out / f"curves-{kind}.png")
        done[kind] = history
    return done


def cmd_evaluate(args) -> dict:
    from .analysis import confusion_matrix, per_class_accuracy, plot_confusion_matrix, plot_mistakes, predict
    from .models import count_parameters

    _, heldout_file = data_files(args)
    images, labels = read_mnist_file(heldout_file)
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    metrics = {}
    for kind in args.models:
        ckpt = args.out / f"{kind}.pt"
        if not ckpt.exists():
            sys.exit(f"{ckpt} is missing: run `python -m digits train` first")
        model = load_checkpoint(ckpt)
        history = torch.load(ckpt, map_location="cpu").get("history", {})
        pred, proba = predict(model, x)
        cm = confusion_matrix(labels, pred)
        acc = float(np.mean(pred == labels))
        per_class = per_class_accuracy(cm)
        print(f"{kind.upper()}: {acc:.4f} on {len(labels)} held-out digits; weakest digits "
              + ", ".join(f"{d} ({per_class[d]:.3f})" for d in np.argsort(per_class)[:3]))
        save_figure(plot_confusion_matrix(cm, f"{kind.upper()} on the held-out digits (accuracy {acc:.2%})"),
                    args.out / f"confusion-{kind}.png")
        save_figure(plot_mistakes(images / 255.0, labels, proba), args.out / f"mistakes-{kind}.png")
        metrics[kind] = {
            "heldout_accuracy": acc,
            "per_class_accuracy": [float(a) for a in per_class],
            "confusion_matrix": cm.tolist(),
            "params": count_parameters(model),
            "val_acc": history.get("val_acc", [None])[-1],
            "train_seconds": history.get("seconds"),
        }
    old = json.loads((args.out / "metrics.json").read_text()) if (args.out / "metrics.json").exists() else {}
    old.update(metrics)
    (args.out / "metrics.json").write_text(json.dumps(old, indent=2))
    print(f"  wrote {args.out / 'metrics.json'}")
    return old


def cmd_sweep(args) -> list:
    from .experiments import results_table, run_sweep

    train_file, _ = data_files(args)
    train_set, val_set = load_training_data(train_file, configs.MLP_CONFIG.get("val_fraction", 0.1), args.seed)
    grid = [dict(entry, **({"epochs": args.epochs} if args.epochs else {})) for entry in configs.SWEEP_GRID]
    print(f"Sweep: {len(grid)} runs, compared on {len(val_set)} validation digits")
    rows = run_sweep(grid, train_set, val_set, seed=args.seed, log=lambda s: print("  " + s))
    table = results_table(rows, sweep_columns(rows))
    print(table)
    (args.out / "sweep.md").write_text(table + "\n")
    (args.out / "sweep.json").write_text(json.dumps(rows, indent=2, default=str))
    print(f"  wrote {args.out / 'sweep.md'}")
    return rows


def sweep_columns(rows) -> tuple:
    """The model, every setting that some sweep entry changes, then the results."""
    varied = []
    for row in rows:
        for key, value in row["config"].items():
            if key not in varied and key != "model" and any(r["config"].get(key) != value for r in rows):
                varied.append(key)
    return ("model", *varied, "params", "val_acc", "seconds")


def cmd_export(args) -> None:
    from .export import export_onnx

    for kind in args.models:
        ckpt = args.out / f"{kind}.pt"
        if not ckpt.exists():
            sys.exit(f"{ckpt} is missing: run `python -m digits train` first")
        path = export_onnx(load_checkpoint(ckpt), args.out / f"{kind}.onnx")
        print(f"  wrote {path} ({path.stat().st_size / 1024:.1f} KB)")


def write_report(args, metrics: dict, rows: list) -> None:
    from .experiments import results_table

    lines = ["# MNIST digits: results", "", "## The two models on the held-out digits", "",
             "| model | parameters | validation accuracy | held-out accuracy | training time |",
             "|---|---|---|---|---|"]
    for kind, m in metrics.items():
        val = f"{m['val_acc']:.4f}" if m.get("val_acc") is not None else "-"
        secs = f"{m['train_seconds']:.1f} s" if m.get("train_seconds") is not None else "-"
        lines.append(f"| {kind.upper()} | {m['params']:,} | {val} | {m['heldout_accuracy']:.4f} | {secs} |")
    lines += ["", "## Per-class held-out accuracy", "", "| digit | " + " | ".join(k.upper() for k in metrics) + " |",
              "|---|" + "---|" * len(metrics)]
    for d in range(10):
        lines.append(f"| {d} | " + " | ".join(f"{m['per_class_accuracy'][d]:.3f}" for m in metrics.values()) + " |")
    lines += ["", "## Sweep (validation split)", "", results_table(rows, sweep_columns(rows)) if rows else "(not run)", "",
              "Plots: " + ", ".join(f"`{p.name}`" for p in sorted(args.out.glob("*.png"))), "",
              "## Your analysis", "", "Which digits are confused with which, and why? What did the sweep teach you?", ""]
    (args.out / "report.md").write_text("\n".join(lines))
    print(f"  wrote {args.out / 'report.md'}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m digits", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="all", choices=["train", "evaluate", "sweep", "export", "all"])
    parser.add_argument("--models", default="mlp,cnn", help="comma-separated: mlp, cnn (default both)")
    parser.add_argument("--epochs", type=int, default=0, help="override the configs' epochs")
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (1 is fastest on small machines)")
    parser.add_argument("--torchvision", action="store_true", help="use torchvision's full MNIST (downloads it)")
    args = parser.parse_args(argv)
    args.models = [m.strip() for m in args.models.split(",") if m.strip()]
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if args.command in ("train", "all"):
        cmd_train(args)
    metrics = cmd_evaluate(args) if args.command in ("evaluate", "all") else {}
    rows = cmd_sweep(args) if args.command in ("sweep", "all") else []
    if args.command in ("export", "all"):
        cmd_export(args)
    if args.command == "all":
        write_report(args, {k: metrics[k] for k in args.models if k in metrics}, rows)
    print(f"Done in {time.perf_counter() - start:.0f} s.")


if __name__ == "__main__":
    main()
