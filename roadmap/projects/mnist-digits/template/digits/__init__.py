"""MNIST digit recognition in PyTorch: data, two models, training, error analysis, a sweep and
an ONNX export. Run everything with ``python -m digits``; check your work with ``python -m pytest``.
"""
