"""The settings of each model and of the sweep. Yours to tune.

The tests train ``MLP_CONFIG`` and ``CNN_CONFIG`` exactly as written here (on one CPU core, so
keep each run to a few seconds: under about 10 s for the CNN), and grade the saved models on the
held-out digits. ``python -m digits`` uses the same settings (``--epochs`` overrides them there).

Keys:
    model         "mlp" or "cnn" (see models.MODELS)
    arch          keyword arguments of the model's constructor
    epochs, batch_size, lr, weight_decay
    schedule      "none", "cosine" or "onecycle": how the learning rate changes over training
    augment       shift each training image by up to this many pixels (0 = off)
    val_fraction  share of the training file kept aside for validation
"""

MLP_CONFIG = {
    "model": "mlp",
    "arch": {"hidden": (256,), "dropout": 0.0},
    "epochs": 10,
    "batch_size": 128,
    "lr": 3e-3,
    "weight_decay": 0.0,
    "schedule": "onecycle",
    "augment": 0,
    "val_fraction": 0.1,
}

CNN_CONFIG = {
    "model": "cnn",
    "arch": {"channels": (8, 16), "dropout": 0.0},
    "epochs": 5,
    "batch_size": 64,
    "lr": 5e-3,
    "weight_decay": 0.0,
    "schedule": "onecycle",
    "augment": 1,
    "val_fraction": 0.1,
}

# Milestone 5: each entry overrides some keys of a base config (MLP_CONFIG for "mlp" entries,
# CNN_CONFIG for "cnn" ones). `python -m digits sweep` runs them on the training file.
SWEEP_GRID = [
    {"model": "mlp", "lr": 1e-3},
    {"model": "mlp", "lr": 3e-3},
    {"model": "mlp", "arch": {"hidden": (128, 64), "dropout": 0.1}},
    {"model": "cnn", "lr": 1e-3},
    {"model": "cnn", "lr": 5e-3},
    {"model": "cnn", "schedule": "none"},
    {"model": "cnn", "augment": 0},
    {"model": "cnn", "arch": {"channels": (16, 32), "dropout": 0.0}},
]
