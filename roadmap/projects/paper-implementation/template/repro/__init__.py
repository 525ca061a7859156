"""Reproduce "Deep Residual Learning for Image Recognition" (He et al., 2016) at small scale."""

__version__ = "0.1.0"
