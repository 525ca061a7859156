"""Early stopping. Milestone 4.

Stop training once the validation loss has not improved for ``patience`` epochs in a row. The
best model so far is what you keep (the training loop saves it as ``best.pt``).
"""
from __future__ import annotations


class EarlyStopping:
    """Watches one number per epoch (the validation loss, lower is better).

    ``step(value)`` returns True when training should stop. The first value is always the best
    so far. A later value counts as an improvement only when it is below ``best - min_delta``;
    then ``best`` takes it and ``bad_epochs`` goes back to 0. Otherwise ``bad_epochs`` grows by
    one, and ``step`` returns True once it reaches ``patience``.

    ``state_dict()`` / ``load_state_dict()`` save and restore ``best`` and ``bad_epochs``, so a
    resumed run stops exactly where the uninterrupted one would have.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = None
        self.bad_epochs = 0

    def step(self, value: float) -> bool:
        # TODO: the rule described above.
        raise NotImplementedError("TODO: EarlyStopping.step")

    def improved(self) -> bool:
        """True when the last ``step`` was an improvement (or the first value)."""
        return self.bad_epochs == 0

    def state_dict(self) -> dict:
        # TODO
        raise NotImplementedError("TODO: EarlyStopping.state_dict")

    def load_state_dict(self, state: dict) -> None:
        # TODO
        raise NotImplementedError("TODO: EarlyStopping.load_state_dict")
