// One pytest run for every test a set of milestones names, with the results as JUnit XML.
//
// pytest is given the test FILES, and a small plugin deselects every test no check names. Given
// node ids instead, pytest stops the whole run with "not found" when one id is renamed or one
// module fails to import, and every milestone would show nothing. This way each milestone gets
// its own answer: a missing test is reported as missing, a broken module only affects its tests.
import { type Dirent, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isFile, readText } from './quietFs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JunitReport } from './junit';
import { parseJunit } from './junit';
import type { ProcessRunner, RunResult } from './process';
import { fileOf, normalizeNodeId } from './pytestOutcome';

export interface PytestRunOptions {
  readonly projectDir: string;
  readonly python: string;
  readonly nodeIds: readonly string[];
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
  readonly run: ProcessRunner;
  readonly onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /**
   * Project-relative conftest.py files that may load (the template's own, which the lab compares
   * with what it shipped). Default: the root one and those under tests/. Any other is not imported.
   */
  readonly conftests?: readonly string[];
  /** pytest's -x: stop at the first failing test. */
  readonly stopAtFirstFailure?: boolean;
}

export interface PytestRun {
  /** Test files that exist; only these were given to pytest. */
  readonly existingFiles: ReadonlySet<string>;
  /** Absent when no named test file exists, so pytest was not started. */
  readonly result?: RunResult;
  /** Absent when pytest wrote no report (it did not start, was stopped, or crashed early). */
  readonly report?: JunitReport;
  /** The command line as a learner could type it, for the output log. */
  readonly commandLine: string;
}

/**
 * The conftest files a run may load when the caller does not say: the ones that state the
 * project's expectations (src/checks/testIntegrity.ts), which the lab compares with the template.
 */
export const DEFAULT_CONFTESTS = (relativePath: string): boolean =>
  relativePath === 'conftest.py' || (relativePath.startsWith('tests/') && relativePath.endsWith('/conftest.py'));

/**
 * The configuration is the lab's, not the project's: a learner's `pytest.ini` with `addopts = -p
 * myplugin`, a `PYTEST_ADDOPTS`, an autoloaded plugin or a stray `conftest.py` that rewrites
 * reports would otherwise turn every check green. So pytest gets the lab's own ini (`-c`), the
 * project as rootdir and conftest cut-off, no plugin autoloading, no cache; a conftest.py the
 * caller does not allow is never imported; a `sitecustomize`/`usercustomize` from the project
 * stops the run. The bootstrap puts the project folder first on sys.path, as `python -m pytest`.
 *
 * On Linux the bootstrap is a child subreaper: whatever a test starts stays its descendant, even a
 * daemon whose parent exited, so runProcess finds it by parent links on a timeout (even with an
 * emptied environment), and when pytest returns the bootstrap ends every process still below it.
 */
const BOOTSTRAP = `
import json, os, sys
spec = json.loads(sys.argv[1])
LINUX = sys.platform.startswith("linux")
if LINUX:
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass
def below(root):
    parents = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] not in (b"Z", b"X"):
            parents.setdefault(int(fields[1]), []).append(int(name))
    found, todo = [], list(parents.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found
def end_descendants():
    import signal
    for _ in range(20):
        left = below(os.getpid())
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        if not left:
            return
project = os.path.realpath(spec["project"])
def inside(path):
    try:
        return os.path.commonpath([os.path.realpath(path), project]) == project
    except (TypeError, ValueError):
        return False
for name in ("sitecustomize", "usercustomize"):
    mod = sys.modules.get(name)
    if mod is not None and inside(getattr(mod, "__file__", None) or ""):
        sys.stderr.write("ML Roadmap: %s.py in the project changes how Python starts; the checks do not run with it. Remove or rename %s.\\n" % (name, mod.__file__))
        sys.exit(4)
sys.path.insert(0, project)
import pytest
from _pytest.config import PytestPluginManager
allowed = set(os.path.normcase(os.path.join(project, *p.split("/"))) for p in spec["conftests"])
original_import = getattr(PytestPluginManager, "_importconftest", None)
if original_import is None:
    sys.stderr.write("ML Roadmap: this pytest has no conftest hook the lab knows; install pytest 7 or 8.\\n")
    sys.exit(4)
import types
def guarded_import(self, conftestpath, *args, **kwargs):
    path = os.path.normcase(os.path.realpath(str(conftestpath)))
    if path not in allowed:
        sys.stderr.write("ML Roadmap: ignored %s (not one of the project's own conftest files)\\n" % conftestpath)
        return types.ModuleType("mlroadmap_ignored_conftest")
    return original_import(self, conftestpath, *args, **kwargs)
PytestPluginManager._importconftest = guarded_import
wanted = spec["select"]
def keep(nodeid):
    return any(nodeid == w or nodeid.startswith(w + "::") or nodeid.startswith(w + "[") for w in wanted)
class MLRoadmapSelect:
    def pytest_collection_modifyitems(self, config, items):
        dropped = [item for item in items if not keep(item.nodeid)]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if keep(item.nodeid)]
try:
    code = int(pytest.main(spec["args"], plugins=[MLRoadmapSelect()]))
finally:
    if LINUX:
        end_descendants()
sys.exit(code)
`;

/** The lab's own pytest configuration file. */
const LAB_INI = '[pytest]\njunit_family = xunit1\nconsole_output_style = classic\n';

/** Environment variables through which a project or a shell could change how pytest runs. */
const PYTEST_ENV_OVERRIDES = ['PYTEST_ADDOPTS', 'PYTEST_PLUGINS', 'PYTEST_DEBUG', 'PYTHONSTARTUP', 'PYTHONINSPECT'];

export async function runPytest(options: PytestRunOptions): Promise<PytestRun> {
  const files = [...new Set(options.nodeIds.map(fileOf))];
  const existingFiles = new Set(files.filter((f) => isFile(join(options.projectDir, ...f.split('/')))));
  const visible = [
    '-q', '-p', 'no:cacheprovider',
    // Node ids are relative to the rootdir: pin it so they match the checks' ids; no conftest
    // above the project loads.
    `--rootdir=${options.projectDir}`, `--confcutdir=${options.projectDir}`,
    '--continue-on-collection-errors',
    ...(options.stopAtFirstFailure ? ['-x'] : []),
  ];
  const commandLine = [options.python, '-m', 'pytest', ...visible, ...existingFiles].map(quoteForDisplay).join(' ');
  if (existingFiles.size === 0) return { existingFiles, commandLine };

  const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-pytest-'));
  try {
    const xmlPath = join(dir, 'report.xml');
    const iniPath = join(dir, 'pytest.ini');
    writeFileSync(iniPath, LAB_INI);
    const args = ['-c', iniPath, ...visible, `--junitxml=${xmlPath}`, ...existingFiles];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      PYTHONIOENCODING: 'utf-8',
      PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
      // No plot windows popping up while checks run.
      MPLBACKEND: options.env?.['MPLBACKEND'] ?? process.env['MPLBACKEND'] ?? 'Agg',
    };
    for (const name of PYTEST_ENV_OVERRIDES) delete env[name];
    const conftests = options.conftests ?? listConftests(options.projectDir).filter(DEFAULT_CONFTESTS);
    const spec = { project: options.projectDir, conftests, select: options.nodeIds.map(normalizeNodeId), args };
    const result = await options.run(options.python, ['-c', BOOTSTRAP, JSON.stringify(spec)], {
      cwd: options.projectDir,
      env,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: options.maxOutputBytes,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    });
    const xml = readText(xmlPath);
    return { existingFiles, result, commandLine, ...(xml !== undefined ? { report: parseJunit(xml) } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** conftest.py files at the project root and under tests/ (the only places the default allows). */
function listConftests(projectDir: string): string[] {
  const found = isFile(join(projectDir, 'conftest.py')) ? ['conftest.py'] : [];
  const walk = (rel: string, depth: number): void => {
    if (depth > 8) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(projectDir, ...rel.split('/')), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && e.name !== '__pycache__' && !e.name.startsWith('.')) walk(`${rel}/${e.name}`, depth + 1);
      else if (e.isFile() && e.name === 'conftest.py') found.push(`${rel}/conftest.py`);
    }
  };
  walk('tests', 0);
  return found;
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}


