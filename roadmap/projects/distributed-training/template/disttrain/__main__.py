"""Command line (GIVEN): ``python -m disttrain <command>``.

    torchrun --standalone --nproc-per-node 2 -m disttrain train --config configs/local.yaml
    python -m disttrain train --config configs/local.yaml [--out runs/x] [--resume latest] [--amp]
    python -m disttrain estimate --config configs/cluster.yaml     # the cost of the cluster options
    python -m disttrain scaling --out runs/scaling                 # throughput on 1 and 2 processes

``train`` runs on every process torchrun starts; rank 0 then scores the model on held-out data
and writes ``eval.json`` and ``loss.png`` next to ``final.pt``, ``metrics.json`` and
``resources.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def _evaluate(out: Path) -> dict:
    import torch

    from .data import make_tensors
    from .model import Net, accuracy

    net = Net()
    net.load_state_dict(torch.load(out / "final.pt", map_location="cpu"))
    X, y = make_tensors(4000, seed=99)
    result = {"held_out_accuracy": accuracy(net, X, y), "n": 4000}
    (out / "eval.json").write_text(json.dumps(result, indent=2))
    metrics = json.loads((out / "metrics.json").read_text())
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    steps = range(metrics["start_step"] + 1, metrics["start_step"] + 1 + len(metrics["losses"]))
    ax.plot(list(steps), metrics["losses"])
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("training loss (global batch)")
    ax.set_title(f"{metrics['world_size']} process(es), accumulation {metrics['accum_steps']}, amp={metrics['amp']}")
    fig.tight_layout()
    fig.savefig(out / "loss.png", dpi=120)
    plt.close(fig)
    return result


def train_command(args) -> int:
    import torch

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from .config import load_config
    from .dist import cleanup, setup
    from .train import train

    cfg = load_config(args.config, out_dir=args.out, resume=args.resume, amp=True if args.amp else None,
                      max_steps=args.max_steps)
    info = setup()
    try:
        result = train(cfg, info)
    finally:
        cleanup()
    if info.is_main:
        evaluation = _evaluate(Path(cfg.out_dir))
        print(f"done: {result.steps} steps on {info.world_size} process(es); held-out accuracy "
              f"{evaluation['held_out_accuracy']:.3f}; outputs in {cfg.out_dir}/")
    return 0


def estimate_command(args) -> int:
    import yaml

    from .cloud import Option, cheapest, estimate

    cluster = (yaml.safe_load(Path(args.config).read_text()) or {}).get("cluster") or {}
    total = float(cluster["dataset_samples"]) * float(cluster.get("epochs", 1))
    options = [Option(**o) for o in cluster["options"]]
    print(f"{total:,.0f} samples; deadline {cluster.get('deadline_hours')} h")
    for o in options:
        e = estimate(o, total)
        print(f"  {o.name:<42} {e['hours']:7.2f} h   ${e['cost']:9.2f}   {e['samples_per_s']:>10,.0f} samples/s")
    best = cheapest(options, total, float(cluster.get("deadline_hours", float("inf"))))
    print(f"cheapest within the deadline: {best['name']} (${best['cost']:.2f})" if best else "no option meets the deadline")
    return 0


def scaling_command(args) -> int:
    """Measure throughput with 1 and 2 local processes, and the scaling efficiency between them."""
    from .cloud import scaling_efficiency

    rates = {}
    for n in (1, 2):
        out = Path(args.out) / f"world{n}"
        cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={n}",
               "-m", "disttrain", "train", "--config", args.config, "--out", str(out), "--max-steps", "60"]
        subprocess.run(cmd, check=True)
        report = json.loads((out / "resources.json").read_text())
        rates[n] = report["total_samples_per_s"]
        print(f"{n} process(es): {rates[n]:,.0f} samples/s")
    print(f"scaling efficiency at 2: {scaling_efficiency(rates[1], rates[2], 2):.2f}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m disttrain", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("train")
    p.add_argument("--config", default="configs/local.yaml")
    p.add_argument("--out")
    p.add_argument("--resume", help='a checkpoint file, or "latest"')
    p.add_argument("--amp", action="store_true")
    p.add_argument("--max-steps", type=int)
    p = sub.add_parser("estimate")
    p.add_argument("--config", default="configs/cluster.yaml")
    p = sub.add_parser("scaling")
    p.add_argument("--config", default="configs/local.yaml")
    p.add_argument("--out", default="runs/scaling")
    args = parser.parse_args(argv)
    return {"train": train_command, "estimate": estimate_command, "scaling": scaling_command}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
