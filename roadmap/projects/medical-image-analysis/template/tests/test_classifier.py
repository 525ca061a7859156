"""Milestone 3: the lesion classifier, graded on held-out slices by the test's own numbers."""
import copy

import numpy as np
import torch

from medimg.nets import ConvBNReLU, Down, LesionNet
from medimg.train import evaluate_classifier, predict_proba, preprocess

ACCURACY_BAR = 0.88  # majority class 0.5; logistic regression on the pixels ~0.74
AUC_BAR = 0.93


def _auc(labels, scores):
    labels = np.asarray(labels).astype(bool)
    pos, neg = scores[labels], scores[~labels]
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg)))


def test_lesionnet_structure():
    torch.manual_seed(0)
    net = LesionNet()
    out = net(torch.rand(3, 1, 64, 64))
    assert tuple(out.shape) == (3,), f"one logit per slice: [3], got {tuple(out.shape)}"
    assert isinstance(net.features, torch.nn.Sequential), "keep the convolutional part in self.features"
    kinds = {type(m) for m in net.features.modules()}
    assert Down in kinds and ConvBNReLU in kinds, "build features from your Down and ConvBNReLU blocks"
    feature_map = net.features(torch.rand(1, 1, 64, 64))
    assert feature_map.shape[-2:] == (16, 16), (
        f"features should end at 1/4 of the input (16 x 16 for 64 x 64), got {tuple(feature_map.shape[-2:])}: "
        "Grad-CAM needs a map fine enough to point at a nodule"
    )
    n = sum(p.numel() for p in net.parameters())
    assert 5_000 <= n <= 1_000_000, f"{n} parameters: aim for tens of thousands"


def test_classifier_on_held_out_scans(classifier, scans):
    data = classifier()
    model, history = data["model"], data["history"]
    assert len(data["generator_calls"]) == 0, (
        "train_classifier called the slice generator: it must learn from the slices it is given only"
    )
    assert isinstance(model, LesionNet), "train_classifier returns your LesionNet"
    assert len(history) >= 2 and history[-1] < history[0], "the training loss should fall"
    hu, _, labels = scans()["test"]
    p = predict_proba(model, hu)
    assert p.shape == (len(hu),) and np.all((p >= 0) & (p <= 1)), "predict_proba gives one probability per slice"
    accuracy = float(np.mean((p >= 0.5) == labels))
    auc = _auc(labels, p)
    assert accuracy >= ACCURACY_BAR, f"held-out accuracy {accuracy:.3f} is below {ACCURACY_BAR}"
    assert auc >= AUC_BAR, f"held-out ROC AUC {auc:.3f} is below {AUC_BAR}"
    fresh = copy.deepcopy(model)
    torch.manual_seed(1)
    for m in fresh.modules():
        if hasattr(m, "reset_parameters"):
            m.reset_parameters()
    with torch.no_grad():
        fresh_p = torch.sigmoid(fresh.eval()(preprocess(hu))).numpy()
    assert _auc(labels, fresh_p) < 0.8, "with its weights re-initialised the model should know nothing"


def test_operating_point_chosen_on_validation(classifier, scans):
    model = classifier()["model"]
    sets = scans()
    report = evaluate_classifier(model, sets["val"][:3:2], sets["test"][:3:2], min_sensitivity=0.95)
    p_val = predict_proba(model, sets["val"][0])
    y_val = sets["val"][2].astype(bool)
    candidates = [t for t in np.unique(p_val) if np.mean(p_val[y_val] >= t) >= 0.95]
    expected = max(candidates)
    assert abs(report["threshold"] - expected) < 1e-6, (
        f"threshold {report['threshold']:.4f}, but the highest one with validation sensitivity >= 0.95 is "
        f"{expected:.4f}: the operating point is chosen on the VALIDATION slices, never on the test ones"
    )
    p = predict_proba(model, sets["test"][0])
    y = sets["test"][2].astype(bool)
    sens, spec = float(np.mean(p[y] >= expected)), float(np.mean(p[~y] < expected))
    assert abs(report["sensitivity"] - sens) < 1e-9 and abs(report["specificity"] - spec) < 1e-9, (
        "the reported sensitivity and specificity must be measured on the test slices at that threshold"
    )
    assert abs(report["auc"] - _auc(y, p)) < 1e-6, "the reported AUC must be the test slices' ROC AUC"
    accuracy = float(np.mean((p >= expected) == y))
    assert abs(report["accuracy"] - accuracy) < 1e-9, (
        f"the reported accuracy {report['accuracy']:.4f} must be the test slices' accuracy at the chosen "
        f"threshold ({accuracy:.4f}), not at 0.5: the operating point is the one the screening uses"
    )
    assert abs(report["val_sensitivity"] - float(np.mean(p_val[y_val] >= expected))) < 1e-9, (
        "val_sensitivity is the validation slices' sensitivity at the chosen threshold"
    )
    assert sens >= 0.85 and spec >= 0.8, f"at the chosen threshold: sensitivity {sens:.3f}, specificity {spec:.3f}"
