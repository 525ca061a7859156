"""Test helper: make libraries unavailable while a "write it yourself" function runs."""
import contextlib
import os
import sys


@contextlib.contextmanager
def forbid(*modules):
    """Inside the block, importing any of ``modules`` (dotted names such as ``"sklearn"`` or
    ``"torchvision.datasets"``, with their submodules) fails, and any call into their code that
    was imported earlier is noticed. After the block, raises AssertionError naming what was used."""

    def covered(name):
        return any(name == m or name.startswith(m + ".") for m in modules)

    saved = {name: mod for name, mod in sys.modules.items() if covered(name)}
    for name in saved:
        sys.modules[name] = None  # makes `import name` raise ImportError
    for name in modules:
        sys.modules.setdefault(name, None)
    markers = tuple(os.sep + m.replace(".", os.sep) + os.sep for m in modules)
    used = set()
    previous = sys.getprofile()

    def profiler(frame, event, arg):
        if event == "call":
            filename = frame.f_code.co_filename
            for m in markers:
                if m in filename:
                    used.add(m.strip(os.sep).replace(os.sep, ".") + ":" + os.path.basename(filename))
        elif event == "c_call":
            module = getattr(arg, "__module__", None) or ""
            if covered(module):
                used.add(f"{module}.{getattr(arg, '__name__', '?')}")

    sys.setprofile(profiler)
    try:
        yield
    except ImportError as error:
        raise AssertionError(
            f"write this yourself, without {' or '.join(modules)}: it imports {error.name or error}"
        ) from None
    finally:
        sys.setprofile(previous)
        for name in modules:
            if sys.modules.get(name, 0) is None and name not in saved:
                del sys.modules[name]
        sys.modules.update(saved)
    if used:
        raise AssertionError(
            f"write this yourself, without {' or '.join(modules)}: it called " + ", ".join(sorted(used)[:3])
        )
