"""Milestone 5: train on the shapes and beat what a linear model can do, on images the test keeps."""
import torch

from conftest import tensors_of
from imageclf.model import SmallCNN, build_model

BAR = 0.80  # a linear model on the pixels gets about 0.4 here; chance is 0.2


def test_beats_a_linear_model_on_fresh_images(trained, shapes):
    run = trained()
    ckpt = torch.load(run["result"]["best_path"], map_location="cpu", weights_only=False)
    model = build_model(ckpt["config"], len(ckpt["classes"]))
    model.load_state_dict(ckpt["state_dict"])
    model.eval()
    assert isinstance(model, SmallCNN), "best.pt must rebuild into imageclf.model.SmallCNN"
    x, y, classes = tensors_of(shapes("fresh"))
    assert list(ckpt["classes"]) == classes, f"best.pt's classes {ckpt['classes']} should be {classes}"
    with torch.no_grad():
        accuracy = float((model(x).argmax(1) == y).float().mean())
    best_val = max(r["val_acc"] for r in run["result"]["history"])
    assert accuracy >= BAR, (
        f"best.pt gets {accuracy:.3f} on {len(y)} fresh images; it needs {BAR} "
        f"(best validation accuracy during training: {best_val:.3f}). Tune CONFIG in imageclf/config.py."
    )
