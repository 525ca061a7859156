"""Root conftest: its presence makes pytest put this folder on sys.path, so the
tests can `import tracker` without installing anything."""
