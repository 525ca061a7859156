"""Root conftest: its presence puts this folder on ``sys.path``, so the tests can ``import disttrain``.

The shared fixtures live in ``tests/conftest.py``.
"""
