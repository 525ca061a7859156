"""Train the three few-shot methods and evaluate them honestly (given code).

    python -m fewshot                        # all three methods, 1-shot and 5-shot, both domains
    python -m fewshot --methods protonet --shots 1 5 10
    python -m fewshot --episodes 1000        # more evaluation episodes, tighter intervals
    python -m fewshot --torchvision          # the full MNIST (needs internet once)

Training sees only the base classes 0-4 of ``data/mnist-train.bin.gz``. Evaluation uses:

- the novel classes 5-9 of ``data/mnist-heldout.bin``, digits nothing was trained on;
- the UCI optical digits (all ten classes), a second domain no model ever saw.

Writes ``artifacts/metrics.json`` (the mean accuracy and its 95 % confidence interval per
method, domain and number of shots, with the raw-pixel baseline), ``artifacts/accuracy.png``
and one ``.pt`` file per trained model.
"""
import argparse
import dataclasses
import json
import time
from pathlib import Path

import numpy as np
import torch

from . import data
from .evaluate import evaluate_episodes, raw_pixel_predictor
from .protonet import ProtoConfig, protonet_predictor, train_protonet
from .reptile import ReptileConfig, reptile_predictor, train_reptile
from .siamese import SiameseConfig, siamese_predictor, train_siamese

METHODS = {
    "protonet": (train_protonet, ProtoConfig, lambda m, c: protonet_predictor(m)),
    "siamese": (train_siamese, SiameseConfig, lambda m, c: siamese_predictor(m)),
    "reptile": (train_reptile, ReptileConfig, lambda m, c: reptile_predictor(m, c.adapt_steps, c.adapt_lr)),
}


def plot(metrics, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [(m, dom, k, r) for m, doms in metrics["results"].items() for dom, ks in doms.items()
            for k, r in ks.items()]
    groups = sorted({(dom, k) for _, dom, k, _ in rows})
    names = list(metrics["results"])
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        means = [metrics["results"][name].get(d, {}).get(k, {}).get("mean", np.nan) for d, k in groups]
        cis = [metrics["results"][name].get(d, {}).get(k, {}).get("ci95", 0.0) for d, k in groups]
        ax.bar(np.arange(len(groups)) + i * width, means, width, yerr=cis, capsize=3, label=name)
    ax.set_xticks(np.arange(len(groups)) + 0.4 - width / 2)
    ax.set_xticklabels([f"{d}\n{k}" for d, k in groups])
    ax.set_ylabel("5-way accuracy (mean, 95 % CI)")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m fewshot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", nargs="+", choices=list(METHODS), default=list(METHODS))
    parser.add_argument("--shots", nargs="+", type=int, default=[1, 5])
    parser.add_argument("--episodes", type=int, default=600, help="evaluation episodes per setting")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--torchvision", action="store_true", help="full MNIST via torchvision")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args(argv)

    torch.set_num_threads(1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.torchvision:
        tx, ty, ex, ey = data.torchvision_mnist()
        train_x, train_y = data.select_classes(tx, ty, data.BASE_CLASSES)
        novel_x, novel_y = data.select_classes(ex, ey, data.NOVEL_CLASSES)
    else:
        train_x, train_y = data.load_base_classes()
        novel_x, novel_y = data.select_classes(*data.read_mnist_file(data.HELDOUT_FILE), data.NOVEL_CLASSES)
    uci_x, uci_y = data.load_uci_digits()
    domains = {"mnist-novel": (novel_x, novel_y, data.NOVEL_CLASSES), "uci-digits": (uci_x, uci_y, tuple(range(10)))}
    print(f"training on {len(train_y)} base-class digits {data.BASE_CLASSES}; "
          f"evaluating on {len(novel_y)} held-out novel digits and {len(uci_y)} UCI digits")

    predictors = {"raw-pixels": raw_pixel_predictor()}
    metrics = {"train": {}, "results": {}, "episodes": args.episodes}
    for name in args.methods:
        train, config_cls, make_predictor = METHODS[name]
        config = config_cls()
        start = time.process_time()
        model, history = train(train_x, train_y, config, seed=args.seed)
        seconds = time.process_time() - start
        torch.save({"state_dict": model.state_dict(), "class": type(model).__name__,
                    "config": dataclasses.asdict(config)}, out / f"{name}.pt")
        metrics["train"][name] = {"cpu_seconds": round(seconds, 2), "config": dataclasses.asdict(config)}
        predictors[name] = make_predictor(model, config)
        print(f"trained {name} in {seconds:.1f} s CPU")

    for name, predict in predictors.items():
        metrics["results"][name] = {}
        for dom, (x, y, classes) in domains.items():
            metrics["results"][name][dom] = {}
            for k in args.shots:
                episodes = args.episodes if name != "reptile" else max(100, args.episodes // 4)
                r = evaluate_episodes(predict, x, y, classes, n_way=5, k_shot=k, n_query=15,
                                      episodes=episodes, seed=1000 + k)
                metrics["results"][name][dom][f"{k}-shot"] = {"mean": r["mean"], "ci95": r["ci95"],
                                                              "episodes": episodes}
                print(f"{name:10s} {dom:12s} 5-way {k}-shot: {r['mean']:.3f} +/- {r['ci95']:.3f}")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    plot(metrics, out / "accuracy.png")
    print(f"wrote {out / 'metrics.json'} and {out / 'accuracy.png'}")


if __name__ == "__main__":
    main()
