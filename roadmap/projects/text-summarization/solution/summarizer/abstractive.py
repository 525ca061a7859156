"""Milestone 5: abstractive summaries from T5 or BART through Hugging Face ``transformers``.

``transformers`` is not installed here (and its models need a download), so the checks run this
wrapper against a stand-in with the same interface. Online:
``pip install transformers sentencepiece``, then ``HFSummarizer("t5-small").summarize(text, 60)``.
"""
from __future__ import annotations

import importlib
import importlib.util

DEFAULT_MODEL = "t5-small"   # or "facebook/bart-large-cnn", "sshleifer/distilbart-cnn-12-6"
TOKENS_PER_WORD = 1.5         # T5 / BART sub-word tokens per English word, roughly


def available() -> bool:
    """True when ``import transformers`` would work (GIVEN)."""
    return importlib.util.find_spec("transformers") is not None


class HFSummarizer:
    """A ``transformers`` summarisation pipeline behind the same call as the extractive ones."""

    def __init__(self, model: str = DEFAULT_MODEL):
        self.model = model
        self._pipe = None

    def pipeline(self):
        """Create ``transformers.pipeline("summarization", model=self.model)`` once, and reuse it."""
        if self._pipe is None:
            transformers = importlib.import_module("transformers")
            self._pipe = transformers.pipeline("summarization", model=self.model)
        return self._pipe

    def summarize(self, text: str, max_words: int = 60) -> str:
        """Summarise ``text`` in at most ``max_words`` words.

        Ask the pipeline for ``max_length = ceil(max_words * TOKENS_PER_WORD)`` tokens and
        ``min_length = max_length // 4``, with ``truncation=True`` (long inputs are cut to the
        model's limit) and ``do_sample=False`` (the same text gives the same summary). The
        pipeline answers ``[{"summary_text": ...}]``. Cut the answer to ``max_words`` words, since
        the token budget is only a rough one.
        """
        import math

        max_length = math.ceil(max_words * TOKENS_PER_WORD)
        out = self.pipeline()(text, max_length=max_length, min_length=max_length // 4,
                              truncation=True, do_sample=False)
        return " ".join(out[0]["summary_text"].split()[:max_words])
