"""Milestone 3: a prototypical network recognises digits it never saw."""
from conftest import NOVEL, assert_honest_training, digits, trained_protonet
from fewshot.models import ConvEmbedding
from referee import grade_embedding, grade_raw_pixels

BAR = 0.77  # 5-way 5-shot on the novel digits 5-9 (nearest mean of raw pixels: ~0.71)
GAIN = 0.05  # over the same network untrained


def rebuilt(net):
    fresh = ConvEmbedding(net.channels)
    fresh.load_state_dict({k: v.detach().cpu() for k, v in net.state_dict().items()})
    return fresh.eval()


def test_protonet_beats_raw_pixels_on_novel_classes():
    run = trained_protonet()
    assert_honest_training(run)
    net = run["model"]
    assert type(net) is ConvEmbedding, f"train_protonet must return your ConvEmbedding, got {type(net).__name__}"
    images, labels = digits("novel")
    acc = grade_embedding(rebuilt(net), images, labels, NOVEL)
    raw = grade_raw_pixels(images, labels, NOVEL)
    assert acc >= BAR, (
        f"5-way 5-shot accuracy on the novel digits is {acc:.3f}; the bar is {BAR} "
        f"(raw pixels score {raw:.3f} on the same episodes)"
    )
    import torch

    torch.manual_seed(0)
    untrained = grade_embedding(ConvEmbedding(net.channels).eval(), images, labels, NOVEL)
    assert acc >= untrained + GAIN, (
        f"training adds only {acc - untrained:+.3f} over the same network untrained ({untrained:.3f})"
    )
