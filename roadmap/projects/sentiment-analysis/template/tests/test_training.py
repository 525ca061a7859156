"""Milestone 4: training the classifier, and how well it does on held-out reviews."""
import torch
from torch import nn

from sentiment.data import sentence_examples
from sentiment.model import EncoderBlock, SentimentTransformer

SENTENCE_BAR = 0.75  # majority class 0.34, an untrained model about 0.33


def test_training_loss_falls_and_is_reproducible(splits):
    from sentiment.tokenizer import Vocab
    from sentiment.train import train_model

    few = splits["train"][:128]
    vocab = Vocab.build([r.text for r in few])
    model, losses = train_model(few, vocab, epochs=3, seed=5)
    assert len(losses) == 3, f"train_model returns one mean loss per epoch, got {losses}"
    assert losses[-1] < losses[0], f"the training loss should fall: {losses}"
    assert isinstance(model, SentimentTransformer) and not model.training, "return the trained model in eval mode"
    _, again = train_model(few, vocab, epochs=3, seed=5)
    assert torch.allclose(torch.tensor(losses), torch.tensor(again), atol=1e-6), (
        f"the same seed must give the same losses: {losses} vs {again} (seed torch and the shuffling)"
    )


def test_sentence_accuracy_on_heldout(trained, splits):
    data = trained()
    model, vocab = data["model"], data["vocab"]
    assert isinstance(model, SentimentTransformer) and model.config["encoder"] == "own", (
        "train the SentimentTransformer with your own encoder blocks"
    )
    assert all(isinstance(b, EncoderBlock) for b in model.blocks)
    assert not any(isinstance(m, (nn.MultiheadAttention, nn.TransformerEncoder)) for m in model.modules())
    texts, labels = sentence_examples(splits["test"])
    with torch.no_grad():
        predicted = model(vocab.encode_batch(texts)).sentence.argmax(dim=1)
    accuracy = float((predicted == torch.tensor(labels)).float().mean())
    majority = max(labels.count(c) for c in set(labels)) / len(labels)
    assert accuracy >= SENTENCE_BAR, (
        f"held-out sentence accuracy {accuracy:.3f} is below {SENTENCE_BAR} (majority class: {majority:.3f})"
    )
    assert data["losses"][-1] < 0.5 * data["losses"][0], f"the training loss should fall a lot: {data['losses']}"


def test_training_never_reads_the_heldout_split(trained):
    reads = trained()["heldout_reads"]
    assert not reads, (
        f"training read the held-out split ({', '.join(sorted(set(reads)))}): train only on the reviews you are "
        "given, or the held-out accuracy means nothing"
    )
