"""Root conftest: its presence makes pytest put this folder on sys.path, so the
tests can `import pipeline` without installing anything. Shared fixtures live
in tests/conftest.py."""
