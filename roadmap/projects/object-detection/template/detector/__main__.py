"""The command line: ``python -m detector [all|make-data|train|video|export] ...``.

This file is GIVEN. It calls the functions you write, so each command works once the
milestones it needs are done:

=============  ==============================================================  ===========
command        what it does                                                    milestones
=============  ==============================================================  ===========
``make-data``  writes generated scenes as a labelled folder (images + labels)  given
``train``      trains on generated scenes (or ``--data`` your own folder),      1-4
               evaluates mAP@0.5 on held-out scenes, saves the model and
               ``metrics.json``, ``detections.png``, ``loss.png``
``video``      runs the saved model on a video file or a webcam, writes the     1-5
               annotated video and one JSON line of boxes per frame
``export``     exports the saved model to ONNX                                  6
``all``        ``train``, then ``video`` on a generated clip, then ``export``   1-6
=============  ==============================================================  ===========

Every artefact goes to ``--out`` (``artifacts/`` by default).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from .data import CLASSES, make_clip, make_scenes, read_labelled_folder, write_labelled_folder


def _save_examples(model, images, path, class_names, n=12):
    import cv2

    from .draw import draw_boxes
    from .model import detect

    found = detect(model, images[:n], conf_threshold=0.3)
    tiles = []
    for image, det in zip(images[:n], found):
        big = cv2.resize(cv2.cvtColor(image, cv2.COLOR_RGB2BGR), None, fx=3, fy=3, interpolation=cv2.INTER_NEAREST)
        tiles.append(draw_boxes(big, {**det, "boxes": det["boxes"] * 3}, class_names=class_names))
    while len(tiles) % 4:
        tiles.append(np.zeros_like(tiles[0]))
    rows = [np.concatenate(tiles[i:i + 4], axis=1) for i in range(0, len(tiles), 4)]
    cv2.imwrite(str(path), np.concatenate(rows, axis=0))


def _save_loss_plot(history, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot(range(1, len(history) + 1), history, marker="o")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss")
    ax.set_title("TinyYolo training")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def cmd_make_data(args):
    images, boxes, labels = make_scenes(args.scenes, seed=args.seed)
    folder = write_labelled_folder(args.folder, images, boxes, labels)
    print(f"wrote {len(images)} labelled scenes to {folder}/ (images/, labels/, classes.txt)")


def cmd_train(args):
    from .train import evaluate, save_detector, train_detector

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    class_names = list(CLASSES)
    if args.data:
        images, boxes, labels = read_labelled_folder(args.data)
        names_file = Path(args.data) / "classes.txt"
        if names_file.exists():
            class_names = [n.strip() for n in names_file.read_text().splitlines() if n.strip()]
        order = np.random.default_rng(args.seed).permutation(len(images))
        cut = int(0.8 * len(images))
        tr, te = order[:cut], order[cut:]
        train_set = (images[tr], [boxes[i] for i in tr], [labels[i] for i in tr])
        test_set = (images[te], [boxes[i] for i in te], [labels[i] for i in te])
        print(f"{args.data}: {len(tr)} training and {len(te)} held-out images, classes {class_names}")
    else:
        train_set = make_scenes(args.scenes, seed=args.seed)
        test_set = make_scenes(300, seed=args.seed + 1000)
        print(f"generated {args.scenes} training scenes and 300 held-out scenes")
    start = time.perf_counter()
    model, history = train_detector(*train_set, epochs=args.epochs, seed=args.seed, num_classes=len(class_names))
    seconds = time.perf_counter() - start
    result = evaluate(model, *test_set)
    print(f"trained in {seconds:.1f} s; held-out mAP@0.5 = {result['map']:.3f}")
    for name, ap in zip(class_names, result["ap"]):
        print(f"  AP {name:>10}: {ap:.3f}")
    save_detector(model, out / "detector.pt")
    metrics = {"map50": result["map"], "ap": dict(zip(class_names, result["ap"])), "train_seconds": seconds,
               "epochs": len(history), "loss_history": history, "class_names": class_names}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    _save_examples(model, test_set[0], out / "detections.png", class_names)
    _save_loss_plot(history, out / "loss.png")
    print(f"saved {out}/detector.pt, metrics.json, detections.png, loss.png")


def cmd_video(args):
    from .train import load_detector
    from .video import process_video

    out = Path(args.out)
    model = load_detector(args.model)
    source = args.source
    if source is None:
        source, _ = make_clip(out / "clip.avi", seed=args.seed)
        print(f"generated a test clip {source}")
    stats = process_video(model, source, output=out / "annotated.avi", boxes_path=out / "boxes.jsonl",
                          max_frames=args.max_frames)
    print(f"{stats['frames']} frames in {stats['seconds']:.2f} s = {stats['fps']:.1f} frames per second, "
          f"{stats['detections']} boxes; wrote {out}/annotated.avi and {out}/boxes.jsonl")
    (out / "video_stats.json").write_text(json.dumps(stats, indent=2))


def cmd_export(args):
    from .export import export_onnx
    from .train import load_detector

    model = load_detector(args.model)
    path = export_onnx(model, Path(args.out) / "detector.onnx")
    print(f"exported {path} ({path.stat().st_size / 1024:.0f} KB)")


def main(argv=None):
    torch.set_num_threads(1)  # on small CPUs one thread is much faster than two fighting
    parser = argparse.ArgumentParser(prog="python -m detector", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("make-data", help="write generated scenes as a labelled folder")
    p.add_argument("folder")
    p.add_argument("--scenes", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    for name in ("train", "video", "export", "all"):
        p = sub.add_parser(name)
        p.add_argument("--out", default="artifacts")
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--model", default=None, help="default: <out>/detector.pt")
        if name in ("train", "all"):
            p.add_argument("--data", default=None, help="a labelled folder of your own (see README)")
            p.add_argument("--scenes", type=int, default=1500)
            p.add_argument("--epochs", type=int, default=12)
        if name in ("video", "all"):
            p.add_argument("--source", default=None, help="a video file or a webcam index such as 0")
            p.add_argument("--max-frames", type=int, default=None)
    args = parser.parse_args(argv)
    command = args.command or "all"
    if command == "make-data":
        return cmd_make_data(args)
    if args.command is None:
        args = parser.parse_args(["all", *(argv or [])])
    if args.model is None:
        args.model = str(Path(args.out) / "detector.pt")
    if command in ("train", "all"):
        cmd_train(args)
    if command in ("video", "all"):
        cmd_video(args)
    if command in ("export", "all"):
        cmd_export(args)


if __name__ == "__main__":
    main()
