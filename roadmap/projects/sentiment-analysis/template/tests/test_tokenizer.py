"""Milestone 1: the tokenizer and the vocabulary."""
import torch

from sentiment.data import token_tags
from sentiment.tokenizer import CLS, PAD, SPECIALS, UNK, Vocab, normalise, tokenize


def test_normalise_and_tokenize():
    assert normalise("The BATTERY\tis Great") == "the battery is great", (
        "normalise: a tab (like any character outside printable ASCII) becomes a space, A-Z become lower case"
    )
    assert tokenize("The BATTERY isn't great!!") == ["the", "battery", "isn", "'", "t", "great", "!", "!"], (
        "tokens are runs of [a-z0-9] or single other characters; got " + repr(tokenize("The BATTERY isn't great!!"))
    )
    assert tokenize("Café  \u2013 10/10 \U0001F600") == ["caf", "10", "/", "10"], (
        "characters outside printable ASCII (é, the dash, the emoji) become spaces and separate tokens; got "
        + repr(tokenize("Café  \u2013 10/10 \U0001F600"))
    )
    assert tokenize("   ") == [] and tokenize("") == [], "white space alone has no tokens"
    assert tokenize("battery-life,5000mAh.") == ["battery", "-", "life", ",", "5000mah", "."]


def test_vocab_order_and_unknown_words():
    vocab = Vocab.build(["b a b", "c b a", "d"])
    assert vocab.itos[:4] == list(SPECIALS), f"ids 0-3 are {SPECIALS}, got {vocab.itos[:4]}"
    assert vocab.itos[4:] == ["b", "a", "c", "d"], (
        f"most frequent first, ties alphabetical: expected ['b', 'a', 'c', 'd'], got {vocab.itos[4:]}"
    )
    assert len(vocab) == 8
    assert vocab.itos[4:] == ["b", "a", "c", "d"] and vocab.stoi["c"] == 6
    assert Vocab.build(["b a b", "c b a", "d"], min_freq=2).itos[4:] == ["b", "a"], "min_freq=2 keeps b and a"
    assert vocab.ids(["a", "zebra"]) == [5, UNK], "an unknown token maps to [UNK] (1)"
    ties = Vocab.build(["z y", "y x z"]).itos[4:]
    assert ties == ["y", "z", "x"], (
        f"z and y are both seen twice, so y (alphabetical) comes before z, whichever is seen first; got {ties}"
    )


def test_encode_and_pad_a_batch():
    vocab = Vocab.build(["the screen is bright", "the sound is tinny"])
    ids = vocab.encode("The screen is TINNY!")
    assert ids == [CLS, vocab.stoi["the"], vocab.stoi["screen"], vocab.stoi["is"], vocab.stoi["tinny"], UNK], (
        f"encode = [CLS] + the ids of the tokens ('!' is unknown), got {ids}"
    )
    assert len(vocab.encode("the " * 100, max_len=10)) == 10, "encode keeps at most max_len ids, [CLS] included"
    batch = vocab.encode_batch(["the screen", "the sound is tinny", "is"])
    assert isinstance(batch, torch.Tensor) and batch.dtype == torch.long, "encode_batch returns a LongTensor"
    assert batch.shape == (3, 5), f"3 texts, the longest has 4 tokens + [CLS]: shape (3, 5), got {tuple(batch.shape)}"
    assert batch[0].tolist() == [CLS, vocab.stoi["the"], vocab.stoi["screen"], PAD, PAD], "pad on the right with 0"
    assert (batch[:, 0] == CLS).all()


def test_tokenizer_keeps_aspect_words_aligned(splits):
    for split in ("train", "test"):
        for review in splits[split]:
            tokens, aspects, _ = token_tags(review, tokenize)  # raises if the aspect words move
            assert len(tokens) == len(aspects)
    review = splits["train"][0]
    assert tokenize(review.text) == tokenize(review.text.upper()), "tokenize must not depend on letter case"
