"""Command line (GIVEN): ``python -m chatbot train | chat | serve | demo | report``.

- ``train`` fits the intent classifier and the entity tagger on the training utterances,
  scores them (and the keyword baselines) on the held-out ones, and writes ``nlu.pkl``,
  ``metrics.json`` and ``confusion.png`` to ``--out``;
- ``chat`` talks to you in the terminal; ``serve`` runs the web chat on http://127.0.0.1:8000/;
- ``demo`` plays the scripted conversations in ``DEMO`` and logs them to ``events.jsonl``;
- ``report`` turns ``events.jsonl`` into ``analytics.json`` and a dashboard, ``dashboard.png``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

DEMO = [
    ["hi", "I'd like a table for four tomorrow at 7 pm", "the name is Grace", "yes please", "thanks", "bye"],
    ["can I book a table for two on friday", "8 pm", "Okafor", "actually make it 9 pm instead", "yes", "thank you"],
    ["what are your opening hours", "cancel the reservation under Grace", "yes", "bye"],
    ["hello", "sing me a song", "I need to change my booking", "it's Okafor", "we'll be 3 people", "yes"],
]


def entity_f1(gold, predicted) -> float:
    tp = sum(len(set(g) & set(p)) for g, p in zip(gold, predicted))
    fp = sum(len(set(p) - set(g)) for g, p in zip(gold, predicted))
    fn = sum(len(set(g) - set(p)) for g, p in zip(gold, predicted))
    return 2 * tp / max(1, 2 * tp + fp + fn)


def evaluate(nlu, utterances) -> dict:
    from .baselines import keyword_intent, regex_entities

    predicted = [i for i, _ in nlu.intents.predict([u.text for u in utterances])]
    gold = [u.intent for u in utterances]
    return {
        "intent_accuracy": sum(p == g for p, g in zip(predicted, gold)) / len(gold),
        "entity_f1": entity_f1([u.entities for u in utterances], [nlu.tagger.predict(u.text) for u in utterances]),
        "keyword_intent_accuracy": sum(keyword_intent(u.text) == u.intent for u in utterances) / len(gold),
        "regex_entity_f1": entity_f1([u.entities for u in utterances], [regex_entities(u.text) for u in utterances]),
        "heldout_utterances": len(gold),
    }, predicted


def _confusion_png(gold, predicted, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from .data import INTENTS

    m = np.zeros((len(INTENTS), len(INTENTS)), dtype=int)
    for g, p in zip(gold, predicted):
        m[INTENTS.index(g), INTENTS.index(p)] += 1
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.imshow(m, cmap="Blues")
    ax.set_xticks(range(len(INTENTS)), INTENTS, rotation=60, fontsize=8)
    ax.set_yticks(range(len(INTENTS)), INTENTS, fontsize=8)
    for i in range(len(INTENTS)):
        for j in range(len(INTENTS)):
            if m[i, j]:
                ax.text(j, i, m[i, j], ha="center", va="center", fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def cmd_train(args) -> dict:
    from .bot import train_nlu
    from .data import load_split

    nlu = train_nlu(load_split("train"))
    test = load_split("test")
    metrics, predicted = evaluate(nlu, test)
    args.out.mkdir(parents=True, exist_ok=True)
    nlu.save(args.out / "nlu.pkl")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    _confusion_png([u.intent for u in test], predicted, args.out / "confusion.png")
    for key, v in metrics.items():
        print(f"{key:24s} {v:.3f}" if isinstance(v, float) else f"{key:24s} {v}")
    print(f"wrote nlu.pkl, metrics.json and confusion.png to {args.out}/")
    return metrics


def _dashboard(stats: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 3.5))
    intents = sorted(stats["intent_counts"], key=stats["intent_counts"].get, reverse=True)
    a.barh(intents, [stats["intent_counts"][i] for i in intents])
    a.invert_yaxis()
    a.set_title("turns per predicted intent")
    tasks = list(stats["completed_tasks"])
    b.bar(tasks, [stats["completed_tasks"][t] for t in tasks], color="#3b7")
    tpt = stats["turns_per_completed_task"]
    b.set_title(f"completed tasks (fallback rate {stats['fallback_rate']:.0%}, "
                f"{tpt:.1f} turns per task)" if tpt is not None else "completed tasks")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _bot(args):
    from .bot import Bot, TrainedNLU

    return Bot(TrainedNLU.load(args.model), log_path=getattr(args, "log", None))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m chatbot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", type=Path, default=Path("artifacts"))
    for name in ("chat", "serve", "demo"):
        p = sub.add_parser(name)
        p.add_argument("--model", type=Path, default=Path("artifacts") / "nlu.pkl")
        p.add_argument("--log", type=Path, default=Path("artifacts") / "events.jsonl")
    r = sub.add_parser("report")
    r.add_argument("--log", type=Path, default=Path("artifacts") / "events.jsonl")
    r.add_argument("--out", type=Path, default=Path("artifacts"))
    args = parser.parse_args(argv)

    if args.command == "train":
        return cmd_train(args)
    if args.command == "report":
        from .analytics import compute_analytics

        events = [json.loads(line) for line in args.log.read_text().splitlines() if line.strip()]
        stats = compute_analytics(events)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "analytics.json").write_text(json.dumps(stats, indent=2))
        _dashboard(stats, args.out / "dashboard.png")
        print(json.dumps(stats, indent=2))
        return stats
    bot = _bot(args)
    if args.command == "demo":
        for n, script in enumerate(DEMO):
            for text in script:
                print(f"you: {text}\nbot: {bot.reply(f'demo-{n}', text)['reply']}")
            print()
        return bot.events
    if args.command == "serve":
        import uvicorn

        from .api import create_app

        uvicorn.run(create_app(bot), host="127.0.0.1", port=8000)
        return None
    print("Type a message (empty line to stop).")
    while True:
        text = input("you: ").strip()
        if not text:
            return bot.events
        print("bot:", bot.reply("terminal", text)["reply"])


if __name__ == "__main__":
    main()
