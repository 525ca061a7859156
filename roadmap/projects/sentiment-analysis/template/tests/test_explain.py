"""Milestone 6: token attributions that explain a prediction."""
import torch

from sentiment.explain import gradient_x_input, occlusion
from sentiment.model import Output
from sentiment.tokenizer import PAD, UNK

ADJECTIVES = ["excellent", "terrible", "superb", "awful", "fine", "wonderful", "dreadful", "poor", "okay",
              "disappointing", "great", "standard"]
TERMS = ["screen", "battery", "price", "delivery"]
BARS = {"gradient_x_input": 0.7, "occlusion": 0.8}  # share of sentences whose top token is the adjective


class LinearToy(torch.nn.Module):
    """logits = sum over real tokens of W^T e_t: the exact attributions follow from the weights."""

    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(11)
        self.E = torch.randn(12, 4, generator=g)
        self.E[PAD] = 0
        self.W = torch.randn(4, 3, generator=g)
        self.calls = 0

    def embed(self, ids):
        return self.E[ids]

    def forward_from_embeddings(self, emb, keep):
        self.calls += 1
        return Output((emb * keep[..., None]).sum(dim=1) @ self.W, None, None)

    def forward(self, ids):
        return self.forward_from_embeddings(self.embed(ids), ids != PAD)


IDS = torch.tensor([2, 7, 4, 9, 5])


def test_gradient_x_input_on_a_model_the_test_builds():
    toy = LinearToy()
    scores, target = gradient_x_input(toy, IDS, target=1)
    expected = toy.E[IDS] @ toy.W[:, 1]  # d logit_1 / d e_t = W[:, 1], so grad x input = e_t . W[:, 1]
    assert target == 1 and scores.shape == (5,)
    assert torch.allclose(scores, expected, atol=1e-5), f"expected {expected.tolist()}, got {scores.tolist()}"
    scores, target = gradient_x_input(toy, IDS)
    predicted = int((toy.E[IDS].sum(0) @ toy.W).argmax())
    assert target == predicted, "with target=None explain the predicted class"
    assert torch.allclose(scores, toy.E[IDS] @ toy.W[:, predicted], atol=1e-5)


def test_occlusion_on_a_model_the_test_builds():
    toy = LinearToy()
    toy.calls = 0
    scores, target = occlusion(toy, IDS, target=2)
    # Replacing token t by [UNK] changes logit_2 by (e_t - e_UNK) . W[:, 2].
    expected = (toy.E[IDS] - toy.E[UNK]) @ toy.W[:, 2]
    assert target == 2 and torch.allclose(scores, expected, atol=1e-5), f"expected {expected.tolist()}, got {scores.tolist()}"
    assert toy.calls <= 2, f"score the occluded copies in one batch (the model was called {toy.calls} times)"


def test_attributions_point_at_the_sentiment_words(trained):
    data = trained()
    model, vocab = data["model"], data["vocab"]
    for method in (gradient_x_input, occlusion):
        hits, total, misses = 0, 0, []
        for term in TERMS:
            for adjective in ADJECTIVES:
                text = f"The {term} is {adjective}."
                ids = torch.tensor(vocab.encode(text))
                scores, _ = method(model, ids)
                top = int(scores[1:].abs().argmax()) + 1  # position 0 is [CLS]
                hits += vocab.itos[ids[top]] == adjective
                total += 1
                if vocab.itos[ids[top]] != adjective:
                    misses.append(f"{text} -> {vocab.itos[ids[top]]}")
        assert hits / total >= BARS[method.__name__], (
            f"{method.__name__}: the largest attribution should fall on the sentiment word in most of "
            f"'The <aspect> is <adjective>.'; it did in {hits}/{total}. Misses: {misses[:5]}"
        )
