"""Review sentiment with a small transformer: tokenizer, attention, aspects, explanations, API, ONNX."""

__version__ = "0.1.0"
