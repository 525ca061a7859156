"""Milestone 1: ROUGE-1, ROUGE-2 and ROUGE-L against values worked out by hand."""
import pytest

from summarizer.rouge import lcs_length, ngrams, rouge_l, rouge_n, tokens


def close(score, p, r, f):
    return score.precision == pytest.approx(p, abs=1e-6) and score.recall == pytest.approx(r, abs=1e-6) \
        and score.fmeasure == pytest.approx(f, abs=1e-6)


def test_tokens_and_ngrams():
    assert tokens("The Cat, sat!  On 2 mats...") == ["the", "cat", "sat", "on", "2", "mats"]
    grams = ngrams(["the", "cat", "the", "cat"], 2)
    assert grams == {("the", "cat"): 2, ("cat", "the"): 1}, f"bigrams of 'the cat the cat': {dict(grams)}"
    assert ngrams(["one"], 2) == {} and sum(ngrams(["a", "b", "c"], 1).values()) == 3


def test_rouge_n_hand_computed():
    # "the cat sat on the mat" vs "the cat was on the mat": unigrams the x2, cat, on, mat shared -> 5 of 6 each side.
    s = rouge_n("the cat sat on the mat", "the cat was on the mat", 1)
    assert close(s, 5 / 6, 5 / 6, 5 / 6), f"ROUGE-1 should be P = R = F = 5/6, got {s}"
    # bigrams: (the cat), (on the), (the mat) shared -> 3 of 5 each side.
    s = rouge_n("the cat sat on the mat", "the cat was on the mat", 2)
    assert close(s, 0.6, 0.6, 0.6), f"ROUGE-2 should be 3/5, got {s}"
    # Candidate 5 unigrams, reference 6; shared police, close, the (once: clipped), library = 4.
    s = rouge_n("Police close the old library", "The police will close the library", 1)
    assert close(s, 4 / 5, 4 / 6, 8 / 11), f"P 4/5, R 4/6, F 8/11 expected, got {s}"
    s = rouge_n("Police close the old library", "The police will close the library", 2)
    assert close(s, 1 / 4, 1 / 5, 2 / 9), f"only (close the) is shared: P 1/4, R 1/5, F 2/9; got {s}"
    # Clipping: 'the' occurs once in the reference, so it counts once.
    s = rouge_n("the the the the", "the cat", 1)
    assert close(s, 1 / 4, 1 / 2, 1 / 3), f"counts are clipped: P 1/4, R 1/2, F 1/3; got {s}"


def test_rouge_l_hand_computed():
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4, "the textbook LCS example has length 4 (bcba)"
    s = rouge_l("the cat sat on the mat", "the cat was on the mat")
    assert close(s, 5 / 6, 5 / 6, 5 / 6), f"LCS 'the cat on the mat' = 5: P = R = F = 5/6, got {s}"
    # LCS = 'the the cat sat' (4 words), not a block of adjacent words: P 4/6, R 4/9, F 8/15.
    s = rouge_l("on the mat the cat sat", "the dog and the cat sat on the mat")
    assert close(s, 4 / 6, 4 / 9, 8 / 15), (
        f"expected P 4/6, R 4/9, F 8/15, got {s}: the longest common SUBSEQUENCE need not be contiguous"
    )
    s = rouge_l("Police close the old library", "The police will close the library")
    assert close(s, 4 / 5, 4 / 6, 8 / 11), f"LCS 'police close the library' = 4; got {s}"


def test_rouge_edge_cases():
    for fn in (lambda c, r: rouge_n(c, r, 1), lambda c, r: rouge_n(c, r, 2), rouge_l):
        assert tuple(fn("", "the cat")) == (0.0, 0.0, 0.0), "an empty candidate scores 0"
        assert tuple(fn("the cat", "")) == (0.0, 0.0, 0.0), "an empty reference scores 0"
        assert tuple(fn("dog", "the cat")) == (0.0, 0.0, 0.0), "nothing shared scores 0"
        assert fn("The cat sat.", "the CAT sat").fmeasure == pytest.approx(1.0), "case and punctuation do not count"
