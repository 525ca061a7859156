"""The assistant: NLU, dialogue manager, responses and the event log glued together (GIVEN)."""
from __future__ import annotations

import json
import pickle

from .dialogue import NLU, DialogueManager, DialogueState, Restaurant
from .normalise import value
from .responses import Responder


class TrainedNLU:
    """Your intent classifier and entity tagger behind one call: ``parse(text) -> NLU``."""

    def __init__(self, intents, tagger):
        self.intents, self.tagger = intents, tagger

    def parse(self, text: str) -> NLU:
        (intent, confidence), = self.intents.predict([text])
        entities = {}
        for kind, start, end in self.tagger.predict(text):
            v = value(kind, text[start:end])
            if v is not None and kind not in entities:
                entities[kind] = v
        return NLU(intent, confidence, entities)

    def save(self, path) -> None:
        with open(path, "wb") as f:
            pickle.dump(self, f)

    @staticmethod
    def load(path) -> "TrainedNLU":
        with open(path, "rb") as f:
            return pickle.load(f)


def train_nlu(utterances) -> TrainedNLU:
    """Fit your intent classifier and entity tagger on ``utterances``."""
    from .entities import EntityTagger
    from .intents import IntentClassifier

    intents = IntentClassifier().fit([u.text for u in utterances], [u.intent for u in utterances])
    return TrainedNLU(intents, EntityTagger().fit(utterances))


class Bot:
    """One assistant, many conversations (``session_id``), one shared restaurant."""

    def __init__(self, nlu, restaurant: Restaurant | None = None, threshold: float = 0.5, seed: int = 0,
                 log_path=None):
        self.nlu = nlu
        self.restaurant = restaurant or Restaurant()
        self.manager = DialogueManager(self.restaurant, threshold)
        self.responder = Responder(seed)
        self.sessions: dict[str, DialogueState] = {}
        self.events: list[dict] = []
        self.log_path = log_path

    def reply(self, session_id: str, text: str) -> dict:
        state = self.sessions.setdefault(session_id, DialogueState())
        nlu = self.nlu.parse(text)
        action = self.manager.handle(state, nlu)
        reply = self.responder.render(action.name, action.slots, action.reprompt)
        event = {"session": session_id, "text": text, "intent": nlu.intent, "confidence": round(nlu.confidence, 4),
                 "entities": nlu.entities, "action": action.name, "completed": action.completed,
                 "task_turns": action.task_turns}
        self.events.append(event)
        if self.log_path:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(event) + "\n")
        return {"reply": reply, "intent": nlu.intent, "confidence": nlu.confidence, "entities": nlu.entities,
                "action": action.name, "slots": {**state.slots, **state.changes}, "flow": state.flow,
                "completed": action.completed}
