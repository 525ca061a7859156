"""The command line: ``python -m facerec [all|train|demo|serve] ...``.

This file is GIVEN. It calls the functions you write, so each command works once the
milestones it needs are done:

=========  ================================================================  ==========
command    what it does                                                      milestones
=========  ================================================================  ==========
``train``  trains the embedding network on synthetic identities, tunes the   2-3
           two thresholds on validation identities, measures verification
           on held-out ones; writes ``embedder.pt``, ``thresholds.json``,
           ``metrics.json``, ``embeddings.png``
``demo``   enrols synthetic people from scenes into ``faces.db``, identifies  1-6
           them and strangers, checks live and replayed clips, prints the
           audit log
``serve``  the web interface on http://127.0.0.1:8000/ (FastAPI + uvicorn)    1-7
``all``    ``train`` then ``demo``
=========  ================================================================  ==========

Set ``FACEREC_KEY`` (from ``python -c "from facerec.database import FaceDB; print(FaceDB.new_key().decode())"``)
to encrypt the database. Every face is drawn by ``facerec.data``: nobody's photo is used.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np
import torch

from .data import make_face_set, make_identities, make_scene, make_sequence

FACE_SETS = {"train": (100, 6, 1), "val": (15, 8, 2), "test": (20, 8, 3)}


def _key():
    key = os.environ.get("FACEREC_KEY")
    return key.encode("ascii") if key else None


def cmd_train(args):
    from .embed import embed, save_embedder, train_embedder
    from .verify import make_pairs, pair_distances, threshold_for_far, tune_threshold, verification_accuracy

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sets = {name: make_face_set(n, per, seed=seed) for name, (n, per, seed) in FACE_SETS.items()}
    model, history = train_embedder(*sets["train"], seed=args.seed)
    rng = np.random.default_rng(42)
    vp, vs = make_pairs(sets["val"][1], 400, rng)
    tp, ts = make_pairs(sets["test"][1], 560, rng)
    d_val = pair_distances(embed(model, sets["val"][0]), vp)
    d_test = pair_distances(embed(model, sets["test"][0]), tp)
    verify_t = tune_threshold(d_val, vs)
    identify_t = threshold_for_far(d_val, vs, far=0.01)
    metrics = {
        "verification_accuracy": verification_accuracy(d_test, ts, verify_t),
        "verify_threshold": verify_t,
        "identify_threshold": identify_t,
        "test_false_accept_rate": float(np.mean(d_test[~ts] <= identify_t)),
        "test_true_accept_rate": float(np.mean(d_test[ts] <= identify_t)),
        "loss_history": history,
    }
    save_embedder(model, out / "embedder.pt")
    (out / "thresholds.json").write_text(json.dumps({"verify": verify_t, "identify": identify_t}, indent=2))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    _plot_embeddings(embed(model, sets["test"][0]), sets["test"][1], out / "embeddings.png")
    print(json.dumps({k: v for k, v in metrics.items() if k != "loss_history"}, indent=2))
    print(f"saved embedder.pt, thresholds.json, metrics.json, embeddings.png in {out}/")


def _plot_embeddings(emb, labels, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    centred = emb - emb.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    xy = centred @ vt[:2].T
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.scatter(xy[:, 0], xy[:, 1], c=labels, cmap="tab20", s=18)
    ax.set_title("held-out identities: embeddings (first 2 principal axes)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _recognizer(args):
    from .database import FaceDB
    from .embed import load_embedder
    from .pipeline import Recognizer

    out = Path(args.out)
    thresholds = json.loads((out / "thresholds.json").read_text())
    db = FaceDB(out / "faces.db", key=_key())
    return Recognizer(load_embedder(out / "embedder.pt"), db, thresholds["identify"])


def cmd_demo(args):
    recognizer = _recognizer(args)
    rng = np.random.default_rng(args.seed)
    people = make_identities(8, seed=1000 + args.seed)
    known, strangers = people[:5], people[5:]
    for k, person in enumerate(known):
        n = recognizer.enrol(f"person {k}", [make_scene(rng, person)[0] for _ in range(3)], client="demo")
        print(f"enrolled person {k} from {n} pictures")
    right = sum(recognizer.identify(make_scene(rng, p)[0], client="demo")["name"] == f"person {k}"
                for k, p in enumerate(known))
    rejected = sum(recognizer.identify(make_scene(rng, p)[0], client="demo")["name"] is None for p in strangers)
    print(f"new pictures: {right} of {len(known)} enrolled people recognised, "
          f"{rejected} of {len(strangers)} strangers rejected")
    for kind in ("live", "replay", "photo_moved"):
        result = recognizer.identify(frames=make_sequence(known[0], rng, kind), client="demo")
        print(f"{kind:>11} clip: live={result['live']} name={result['name']}")
    print("audit log (last 5 lines):")
    for line in recognizer.db.audit_log()[-5:]:
        print("  ", line)
    recognizer.db.close()


def cmd_serve(args):
    import uvicorn

    from .api import create_app

    uvicorn.run(create_app(_recognizer(args)), host=args.host, port=args.port)


def main(argv=None):
    torch.set_num_threads(1)  # on small CPUs one thread is much faster than two fighting
    parser = argparse.ArgumentParser(prog="python -m facerec", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    for name in ("train", "demo", "serve", "all"):
        p = sub.add_parser(name)
        p.add_argument("--out", default="artifacts")
        p.add_argument("--seed", type=int, default=0)
        if name == "serve":
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["all", *(argv or [])])
    if args.command in ("train", "all"):
        cmd_train(args)
    if args.command in ("demo", "all"):
        cmd_demo(args)
    if args.command == "serve":
        cmd_serve(args)


if __name__ == "__main__":
    main()
