"""Image classification on your own data: a folder dataset, augmentation, a small CNN, a
learning-rate finder, checkpoints that resume exactly, early stopping, logging and an ONNX
export. ``python -m imageclf`` runs it end to end; ``python -m pytest`` checks your work.
"""
