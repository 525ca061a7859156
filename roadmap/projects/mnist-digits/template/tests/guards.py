"""Test helper: make libraries unavailable while a "write it yourself" function runs."""
import contextlib
import os
import sys


@contextlib.contextmanager
def forbid(*packages):
    """Inside the block, ``import <package>`` fails, and any call into code of ``<package>`` that
    was imported earlier (``from sklearn.metrics import confusion_matrix`` at the top of a module)
    is noticed. After the block, raises AssertionError naming what was used."""
    saved = {name: mod for name, mod in sys.modules.items() if name.split(".")[0] in packages}
    for name in saved:
        sys.modules[name] = None  # makes `import name` raise ImportError
    for name in packages:
        sys.modules.setdefault(name, None)
    markers = tuple(f"{os.sep}{p}{os.sep}" for p in packages)
    used = set()
    previous = sys.getprofile()

    def profiler(frame, event, arg):
        if event == "call":
            filename = frame.f_code.co_filename
            if any(m in filename for m in markers):
                used.add(filename.split(os.sep + "site-packages" + os.sep)[-1].split(os.sep + "dist-packages" + os.sep)[-1])
        elif event == "c_call":
            module = getattr(arg, "__module__", None) or ""
            if module.split(".")[0] in packages:
                used.add(f"{module}.{getattr(arg, '__name__', '?')}")

    sys.setprofile(profiler)
    try:
        yield
    except ImportError as error:
        raise AssertionError(
            f"write this yourself, without {' or '.join(packages)}: it imports {error.name or error}"
        ) from None
    finally:
        sys.setprofile(previous)
        for name in packages:
            if sys.modules.get(name, 0) is None and name not in saved:
                del sys.modules[name]
        sys.modules.update(saved)
    if used:
        culprits = sorted({u.replace(os.sep, ".").split(".")[0] for u in used})
        raise AssertionError(
            f"write this function yourself, without {' or '.join(packages)}: it called into "
            f"{', '.join(culprits)} ({', '.join(sorted(used)[:3])})"
        )
