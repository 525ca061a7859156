"""A restaurant booking assistant: intents, entities, dialogue with context, responses, web chat."""

__version__ = "0.1.0"
