"""The command line: ``python -m medimg [all|make-data|anonymise|train] ...``.

This file is GIVEN. It calls the functions you write, so each command works once the
milestones it needs are done:

===============  ===========================================================  ==========
command          what it does                                                 milestones
===============  ===========================================================  ==========
``make-data``    writes synthetic DICOM series (train / val / test folders)   given
``anonymise``    de-identifies every ``.dcm`` of a folder into another one     1-2
``train``        reads the DICOM folders, trains the classifier and the        1-5
                 U-Net, evaluates them on the test folder, and writes
                 ``classifier.pt``, ``unet.pt``, ``metrics.json``,
                 ``windows.png``, ``segmentation.png``, ``gradcam.png``
``all``          ``make-data`` (when missing), ``anonymise``, ``train``         1-5
===============  ===========================================================  ==========

Every file this writes is synthetic: nothing here is, or comes from, a real patient.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import torch

from .data import LUNG_WINDOW, SOFT_TISSUE_WINDOW, make_dataset, write_series

SPLITS = {"train": (400, 101), "val": (150, 202), "test": (200, 303)}


def cmd_make_data(args):
    root = Path(args.data)
    for number, (name, (n, seed)) in enumerate(SPLITS.items(), start=1):
        hu, masks, labels = make_dataset(n, seed=seed)
        write_series(root / name, hu, masks, labels, number=number)
        print(f"wrote {n} synthetic slices ({labels.mean():.0%} with a lesion) to {root / name}/")


def cmd_anonymise(args):
    import pydicom

    from .data import save_dataset
    from .dicom_io import anonymise

    src, dst = Path(args.source), Path(args.target)
    dst.mkdir(parents=True, exist_ok=True)
    uid_map = {}
    paths = sorted(src.glob("*.dcm"))
    for path in paths:
        save_dataset(anonymise(pydicom.dcmread(path), uid_map=uid_map), dst / path.name)
    for extra in ("labels.csv", "masks.npz"):
        if (src / extra).exists():
            shutil.copy(src / extra, dst / extra)
    print(f"de-identified {len(paths)} files from {src}/ into {dst}/ ({len(uid_map)} UIDs replaced)")


def _figure_windows(hu, path):
    import matplotlib.pyplot as plt

    from .dicom_io import apply_window

    fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
    axes[0].imshow(hu, cmap="gray")
    axes[0].set_title("raw HU (auto contrast)")
    axes[1].imshow(apply_window(hu, *LUNG_WINDOW), cmap="gray", vmin=0, vmax=1)
    axes[1].set_title("lung window -600 / 1500")
    axes[2].imshow(apply_window(hu, *SOFT_TISSUE_WINDOW), cmap="gray", vmin=0, vmax=1)
    axes[2].set_title("soft tissue 40 / 400")
    for ax in axes:
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _figure_overlays(hu, masks, overlays, titles, path, cmap):
    import matplotlib.pyplot as plt

    from .dicom_io import apply_window

    n = len(hu)
    fig, axes = plt.subplots(2, n, figsize=(2 * n, 4.2))
    for k in range(n):
        img = apply_window(hu[k], *LUNG_WINDOW)
        for row in range(2):
            axes[row, k].imshow(img, cmap="gray", vmin=0, vmax=1)
            axes[row, k].axis("off")
        axes[0, k].contour(masks[k], levels=[0.5], colors="lime", linewidths=0.8)
        axes[0, k].set_title(titles[k], fontsize=8)
        axes[1, k].imshow(overlays[k], cmap=cmap, alpha=0.45, vmin=0, vmax=1)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def cmd_train(args):
    import matplotlib

    matplotlib.use("Agg")
    from .dicom_io import read_folder
    from .gradcam import cam_peak, grad_cam
    from .metrics import dice, iou
    from .train import (evaluate_classifier, predict_masks, predict_proba, preprocess, save_model,
                        train_classifier, train_segmenter)

    root, out = Path(args.data), Path(args.out)
    if not (root / "train").exists():
        cmd_make_data(args)
    out.mkdir(parents=True, exist_ok=True)
    sets = {}
    for name in SPLITS:
        hu, masks, labels, _ = read_folder(root / name)
        sets[name] = (hu, masks, labels)
        print(f"{name}: {len(hu)} slices read from {root / name}/")
    hu, masks, labels = sets["train"]
    classifier, _ = train_classifier(hu, labels, seed=args.seed)
    segmenter, _ = train_segmenter(hu, masks, seed=args.seed)
    report = evaluate_classifier(classifier, sets["val"][::2], sets["test"][::2], min_sensitivity=0.95)
    t_hu, t_masks, t_labels = sets["test"]
    p = predict_proba(classifier, t_hu)
    pred = predict_masks(segmenter, t_hu)
    pos = np.nonzero(t_labels)[0]
    cams = grad_cam(classifier, preprocess(t_hu[pos]), classifier.features[-1])
    near = []
    for i, cam in zip(pos, cams):
        r, c = cam_peak(cam)
        near.append(bool(t_masks[i, max(r - 2, 0):r + 3, max(c - 2, 0):c + 3].any()))
    metrics = {
        "classifier": {**report, "accuracy_at_0.5": float(np.mean((p >= 0.5) == t_labels))},
        "segmenter": {
            "dice_on_lesions": float(np.mean([dice(pred[i], t_masks[i]) for i in pos])),
            "iou_on_lesions": float(np.mean([iou(pred[i], t_masks[i]) for i in pos])),
            "empty_on_lesion_free": float(np.mean([not pred[i].any() for i in np.nonzero(t_labels == 0)[0]])),
        },
        "gradcam_peak_on_lesion": float(np.mean(near)),
        "data": "synthetic slices from medimg.data (no patient data)",
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    save_model(classifier, out / "classifier.pt")
    save_model(segmenter, out / "unet.pt")
    show = pos[:6]
    _figure_windows(t_hu[show[0]], out / "windows.png")
    _figure_overlays(t_hu[show], t_masks[show], pred[show].astype(float),
                     [f"Dice {dice(pred[i], t_masks[i]):.2f}" for i in show], out / "segmentation.png", "autumn")
    _figure_overlays(t_hu[show], t_masks[show], cams[:len(show)],
                     [f"p(lesion) {p[i]:.2f}" for i in show], out / "gradcam.png", "jet")
    print(json.dumps(metrics, indent=2))
    print(f"saved classifier.pt, unet.pt, metrics.json, windows.png, segmentation.png, gradcam.png in {out}/")
    print("Now write MODEL_CARD.md with these numbers (milestone 6).")


def main(argv=None):
    torch.set_num_threads(1)  # on small CPUs one thread is much faster than two fighting
    parser = argparse.ArgumentParser(prog="python -m medimg", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    for name in ("make-data", "train", "all"):
        p = sub.add_parser(name)
        p.add_argument("--data", default="data/synthetic_ct", help="root with train/, val/, test/ DICOM folders")
        p.add_argument("--out", default="artifacts")
        p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("anonymise")
    p.add_argument("source")
    p.add_argument("target")
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["all", *(argv or [])])
    if args.command == "make-data":
        cmd_make_data(args)
    elif args.command == "anonymise":
        cmd_anonymise(args)
    elif args.command == "train":
        cmd_train(args)
    else:
        if not (Path(args.data) / "train").exists():
            cmd_make_data(args)
        cmd_anonymise(argparse.Namespace(source=str(Path(args.data) / "train"),
                                         target=str(Path(args.data) / "train_anonymised")))
        cmd_train(args)


if __name__ == "__main__":
    main()
