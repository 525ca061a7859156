# A conftest.py in the project root puts this folder on sys.path, so the tests can
# `import optviz` when you run `python -m pytest` from here.
import matplotlib

matplotlib.use("Agg")  # draw into files only; never open a window during the tests
