# Having a conftest.py in the project root puts this folder on sys.path when you run
# `python -m pytest`, so the tests can `import scratchnet`.
