"""The training settings. Yours to tune (milestone 5).

The tests train ``CONFIG`` as written here on 750 generated shapes (one CPU core: keep it to
about 10 seconds) and grade the saved ``best.pt`` on fresh images. Run the LR finder
(``python -m imageclf lr-find``) before you pick ``lr``.
"""

CONFIG = {
    "image_size": 32,  # every image is resized to this square; try 64 for your own photos
    "val_fraction": 0.2,
    "seed": 0,
    # the network: SmallCNN(num_classes, **model)
    "model": {"channels": (8, 16, 32), "dropout": 0.0},
    # training-only augmentation, see data.build_transforms
    "augment": {"crop_scale": 1.0, "hflip": True, "vflip": True, "rotate": 0, "jitter": 0.0},
    "epochs": 20,
    "batch_size": 32,
    "lr": 2e-2,
    "weight_decay": 1e-4,
    "schedule": "warmup_cosine",  # or "constant"
    "warmup_epochs": 2,
    # early stopping on the validation loss
    "patience": 5,
    "min_delta": 0.0,
}
