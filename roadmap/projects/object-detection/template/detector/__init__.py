"""A small single-shot object detector, from box geometry to video and ONNX export.

Run ``python -m detector --help`` for the command line, and see README.md for the milestones.
"""
