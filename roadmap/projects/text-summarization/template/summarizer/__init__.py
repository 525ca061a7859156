"""Text summarisation: ROUGE, TextRank, multi-document MMR, a small seq2seq model and an API."""

__version__ = "0.1.0"
