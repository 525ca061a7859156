"""A chunked, multi-process CSV pipeline that keeps memory flat."""

__version__ = "0.1.0"
