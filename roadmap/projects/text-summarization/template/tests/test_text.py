"""Milestone 2: sentences, content words and sentence similarities."""
import numpy as np
import pytest

from summarizer.text import content_words, cosine_matrix, overlap_similarity, similarity_matrix, split_sentences, tfidf_matrix
from tests.guards import forbid

TRICKY = 'It rained. Then it stopped! Did it? "Yes," she said. The pole is 3.5 metres tall, e.g. quite tall. 2024 was warm.'


def test_split_sentences():
    got = split_sentences(TRICKY)
    expected = ["It rained.", "Then it stopped!", "Did it?", '"Yes," she said.',
                "The pole is 3.5 metres tall, e.g. quite tall.", "2024 was warm."]
    assert got == expected, f"expected {expected}, got {got}"
    assert split_sentences("  no full stop at the end ") == ["no full stop at the end"]
    assert split_sentences("") == [] and split_sentences("   ") == []
    assert split_sentences("One.\n\nTwo.") == ["One.", "Two."], "new lines are white space too"


def test_content_words():
    assert content_words("The library reopened after the flood repairs.") == ["library", "reopened", "flood", "repairs"]
    assert content_words("It is what it is!") == []


def test_overlap_similarity_hand_computed():
    a, b = "The library reopened after the flood repairs.", "Flood repairs kept the library closed for months."
    # 3 shared content words (library, flood, repairs); 4 and 6 distinct content words.
    expected = 3 / (np.log(4) + np.log(6))
    assert overlap_similarity(a, b) == pytest.approx(expected, abs=1e-9), f"3 / (ln 4 + ln 6) = {expected:.6f}"
    assert overlap_similarity(a, "Library.") == 0.0, "fewer than two content words: similarity 0"
    m = similarity_matrix([a, b, "Nothing in common here."])
    assert m.shape == (3, 3) and np.allclose(m, m.T) and np.allclose(np.diag(m), 0)
    assert m[0, 1] == pytest.approx(expected) and m[0, 2] == 0.0


def test_tfidf_and_cosine_hand_computed():
    # vocabulary [apple, car, green, red]; idf = ln(4/3) + 1 for apple and red (in 2 of 3), ln 2 + 1 otherwise.
    with forbid("sklearn"):  # write TF-IDF yourself
        m = tfidf_matrix(["red apple", "green apple", "red car"])
        c = cosine_matrix(["red apple", "green apple", "red car"])
        empty = tfidf_matrix(["the", "red car"])
    expected = np.array([[0.707107, 0, 0, 0.707107], [0.605349, 0, 0.795961, 0], [0, 0.795961, 0, 0.605349]])
    assert m.shape == (3, 4) and np.allclose(m, expected, atol=1e-6), f"expected\n{expected}\ngot\n{m}"
    assert np.allclose(c, [[1, 0.428046, 0.428046], [0.428046, 1, 0], [0.428046, 0, 1]], atol=1e-6)
    assert np.allclose(empty[0], 0), "a sentence without content words is a zero row"
