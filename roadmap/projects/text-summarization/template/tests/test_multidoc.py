"""Milestone 4: one summary of several documents, with no sentence said twice."""
import numpy as np

from summarizer.corpus import CLUSTERS, clusters
from summarizer.multidoc import mmr, summarize_many
from summarizer.rouge import rouge_n
from summarizer.text import content_words, split_sentences

NEAR_DUPLICATE = 0.5  # Jaccard overlap of content words at which two sentences say the same thing


def test_mmr_hand_computed():
    relevance = [1.0, 0.9, 0.5]
    sim = np.array([[1.0, 0.95, 0.1], [0.95, 1.0, 0.2], [0.1, 0.2, 1.0]])
    # Step 1 picks 0 (0.7 * 1.0). Item 1 is 0.95 similar to it: above the threshold, never picked.
    assert mmr(relevance, sim, k=2, lam=0.7, threshold=0.5) == [0, 2]
    # Without the threshold: item 1 scores 0.7 * 0.9 - 0.3 * 0.95 = 0.345, item 2 0.7 * 0.5 - 0.3 * 0.1 = 0.32.
    assert mmr(relevance, sim, k=2, lam=0.7, threshold=1.01) == [0, 1]
    assert mmr(relevance, sim, k=5, lam=0.7, threshold=0.5) == [0, 2], "stop when nothing else qualifies"


def _jaccard(a, b):
    wa, wb = set(content_words(a)), set(content_words(b))
    return len(wa & wb) / max(1, len(wa | wb))


def test_multidoc_has_no_near_duplicates():
    for name, arts in clusters().items():
        texts = [a["text"] for a in arts]
        every = {s for t in texts for s in split_sentences(t)}
        for limits in (dict(max_sentences=4), dict(max_words=70)):
            s = summarize_many(texts, **limits)
            assert s.sentences and all(x in every for x in s.sentences), "use the documents' own sentences"
            pairs = [(a, b) for i, a in enumerate(s.sentences) for b in s.sentences[i + 1:] if _jaccard(a, b) >= NEAR_DUPLICATE]
            assert not pairs, f"{name} {limits}: near-duplicate sentences in the summary: {pairs[0]}"
        assert len(summarize_many(texts, max_sentences=4).sentences) == 4
        for limits in (dict(max_sentences=4), dict(max_words=70)):
            forwards, backwards = summarize_many(texts, **limits), summarize_many(texts[::-1], **limits)
            assert set(forwards.sentences) == set(backwards.sentences), (
                f"{name} {limits}: the summary changes when the documents come in another order; rank the "
                f"sentences of all the documents together. Forwards {forwards.sentences}, backwards {backwards.sentences}"
            )
        assert len(summarize_many(texts, max_words=70).text.split()) <= 70


def test_multidoc_covers_the_story():
    ours, firsts = [], []
    for name, arts in clusters().items():
        texts = [a["text"] for a in arts]
        ours.append(rouge_n(summarize_many(texts, max_words=70).text, CLUSTERS[name], 1).fmeasure)
        firsts.append(rouge_n(" ".join(split_sentences(t)[0] for t in texts), CLUSTERS[name], 1).fmeasure)
    assert np.mean(ours) >= 0.45, f"mean ROUGE-1 F1 against the story summaries is {np.mean(ours):.3f}, below 0.45"
    assert np.mean(ours) >= np.mean(firsts) + 0.1, "it must clearly beat 'the first sentence of each article'"
