"""Milestone 4: training the classifier, and how well it does on held-out reviews."""
import torch
import torch.nn.functional as F
from torch import nn

from sentiment.data import IGNORE, sentence_examples
from sentiment.model import EncoderBlock, SentimentTransformer
from sentiment.train import make_tensors

SENTENCE_BAR = 0.75  # majority class 0.34, an untrained model about 0.33


def _same_weights(a, b):
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


def _loss_by_hand(model, reviews, vocab):
    """The multi-task loss of ``model`` on all of ``reviews`` at once, worked out here."""
    ids, aspect, polarity, sentence = make_tensors(reviews, vocab)
    with torch.no_grad():
        out = model(ids)
    return float(F.cross_entropy(out.aspect.reshape(-1, out.aspect.shape[-1]), aspect.reshape(-1), ignore_index=IGNORE)
                 + F.cross_entropy(out.polarity.reshape(-1, out.polarity.shape[-1]), polarity.reshape(-1), ignore_index=IGNORE)
                 + F.cross_entropy(out.sentence, sentence, ignore_index=IGNORE))


def test_training_loss_falls_and_is_reproducible(splits):
    from sentiment.tokenizer import Vocab
    from sentiment.train import train_model

    few = splits["train"][:128]
    vocab = Vocab.build([r.text for r in few])
    model, losses = train_model(few, vocab, epochs=3, seed=5)
    assert len(losses) == 3, f"train_model returns one mean loss per epoch, got {losses}"
    assert losses[-1] < losses[0], f"the training loss should fall: {losses}"
    assert isinstance(model, SentimentTransformer) and not model.training, "return the trained model in eval mode"
    again, again_losses = train_model(few, vocab, epochs=3, seed=5)
    assert torch.allclose(torch.tensor(losses), torch.tensor(again_losses), atol=1e-6) and _same_weights(model, again), (
        f"the same seed must give the same model and losses: {losses} vs {again_losses} (seed torch and the shuffling)"
    )
    other, _ = train_model(few, vocab, epochs=3, seed=6)
    assert not _same_weights(model, other), "another seed must give another model: use the seed you are given"
    # With lr=0 the weights never move and one batch holds every review, so each epoch's loss
    # is the loss of the returned model on these reviews: the number reported must be it.
    still, flat = train_model(few, vocab, epochs=2, batch_size=len(few), lr=0.0, seed=5)
    expected = _loss_by_hand(still, few, vocab)
    assert len(flat) == 2 and all(abs(loss - expected) < 1e-4 for loss in flat), (
        f"with lr=0 and one batch, every epoch's loss must be the sum of the three cross-entropies of the model "
        f"({expected:.5f}); train_model reported {flat}"
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
