"""Milestone 3: TextRank, length control, and the lead baseline it must beat."""
import time

import numpy as np
import pytest

from summarizer.corpus import ARTICLES
from summarizer.rouge import rouge_n
from summarizer.text import similarity_matrix, split_sentences
from summarizer.textrank import lead, pagerank, summarize
from tests.guards import forbid


STAR = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)


def test_pagerank_hand_computed():
    with forbid("networkx", "scipy"):  # write the power iteration yourself
        # A star: node 0 linked to 1 and 2. r0 = 0.05 + 0.85 (r1 + r2) and r1 = r2 = (1 - r0) / 2,
        # so r0 = 0.9 / 1.85 = 0.486486 and r1 = r2 = 0.95 / 3.7 = 0.256757.
        r = pagerank(STAR)
        # With damping 0.5: r0 = 1/6 + 0.5 (1 - r0), so r0 = 4/9 and r1 = r2 = 5/18.
        half = pagerank(STAR, damping=0.5)
        # One step from the uniform vector: r = 0.05 + 0.85 P^T (1/3, 1/3, 1/3) = 0.05 + 0.85 (2/3, 1/6, 1/6).
        one = pagerank(STAR, max_iter=1)
        # Weighted edges, and node 3 has none: it shares its score with every node equally.
        w = np.array([[0, 2, 1, 0], [2, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]], dtype=float)
        weighted = pagerank(w)
        empty = pagerank(np.zeros((4, 4)))
    assert np.allclose(r, [0.9 / 1.85, 0.95 / 3.7, 0.95 / 3.7], atol=1e-6), f"star graph: got {r}"
    assert np.allclose(half, [4 / 9, 5 / 18, 5 / 18], atol=1e-6), f"star graph with damping=0.5: got {half}"
    assert np.allclose(one, [0.05 + 0.85 * 2 / 3, 0.05 + 0.85 / 6, 0.05 + 0.85 / 6], atol=1e-9), (
        f"max_iter=1 is one step of the power iteration from the uniform vector; got {one}"
    )
    assert np.allclose(weighted, [0.463320, 0.310167, 0.178893, 0.047619], atol=1e-5), (
        f"weighted graph with an isolated node: got {weighted}; weight the shares by edge weight"
    )
    assert weighted.sum() == pytest.approx(1.0)
    assert np.allclose(empty, 0.25), "a graph with no edges gives every node 1/n"


def _built_document():
    return ("Gulls circled above the harbour at dawn. "
            "The new ferry service to the island starts on Monday with four crossings a day. "
            "Tickets for the ferry service are sold at the harbour office. "
            "A bakery opened on the corner last spring. "
            "The island ferry crossings take forty minutes. "
            "Children fed the ducks in the park.")


def test_textrank_finds_the_central_sentence():
    doc = _built_document()
    s = summarize(doc, max_sentences=1)
    assert s.sentences == ["The new ferry service to the island starts on Monday with four crossings a day."], (
        f"sentence 2 shares words with the other ferry sentences and should rank first; got {s.sentences}"
    )
    three = summarize(doc, max_sentences=3)
    assert three.indices == sorted(three.indices) and len(three.sentences) == 3, "keep document order"
    assert set(three.indices) == {1, 2, 4}, f"the three ferry sentences are the most central, got {three.indices}"
    assert len(three.scores) == 6 and sum(three.scores) == pytest.approx(1.0)
    ranks = pagerank(similarity_matrix(split_sentences(doc)))
    assert np.allclose(three.scores, ranks, atol=1e-9), (
        f"the scores must be the PageRank of the sentence graph, pagerank(similarity_matrix(sentences)) = "
        f"{np.round(ranks, 4).tolist()}; got {np.round(three.scores, 4).tolist()}"
    )


def test_length_limits_are_respected():
    for a in ARTICLES:
        sentences = split_sentences(a["text"])
        for k in (1, 2, 4):
            s = summarize(a["text"], max_sentences=k)
            assert len(s.sentences) == min(k, len(sentences)), f"max_sentences={k}: got {len(s.sentences)}"
            assert all(x in sentences for x in s.sentences), "an extractive summary only uses the document's sentences"
        for budget in (12, 20, 35, 60, 120):
            s = summarize(a["text"], max_words=budget)
            n = len(s.text.split())
            assert 0 < n <= budget, f"max_words={budget}: the summary of {a['id']} has {n} words"
            assert budget < 60 or len(s.sentences) >= 2, "with room for more, use the word budget"
        assert summarize(a["text"], max_words=3).sentences == [], "no sentence fits in 3 words: keep none"
        assert len(summarize(a["text"]).sentences) == 3, "with no limit given, keep three sentences"


def test_textrank_beats_lead_on_the_reference_set():
    for limits in (dict(max_sentences=2), dict(max_words=45)):
        tr = [rouge_n(summarize(a["text"], **limits).text, a["summary"], n).fmeasure for a in ARTICLES for n in (1, 2)]
        ld = [rouge_n(lead(a["text"], **limits).text, a["summary"], n).fmeasure for a in ARTICLES for n in (1, 2)]
        tr1, tr2, ld1, ld2 = np.mean(tr[0::2]), np.mean(tr[1::2]), np.mean(ld[0::2]), np.mean(ld[1::2])
        assert tr1 >= ld1 + 0.03 and tr2 >= ld2 + 0.03, (
            f"{limits}: TextRank ROUGE-1 {tr1:.3f} / ROUGE-2 {tr2:.3f} must beat lead-k {ld1:.3f} / {ld2:.3f} by 0.03"
        )
        assert tr1 >= 0.42, f"{limits}: mean ROUGE-1 F1 of TextRank is {tr1:.3f}, below 0.42"


def test_summarizing_is_fast():
    long_text = " ".join(a["text"] for a in ARTICLES)  # about 150 sentences
    start = time.process_time()
    s = summarize(long_text, max_sentences=5)
    seconds = time.process_time() - start
    assert len(s.sentences) == 5
    assert seconds < 1.0, f"summarising {len(split_sentences(long_text))} sentences took {seconds:.2f} s of CPU (bar 1 s)"
