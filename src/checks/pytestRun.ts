// One pytest run for every test a set of milestones names, with the results as JUnit XML.
//
// pytest is given the test FILES, and a small plugin deselects every test no check names. Given
// node ids instead, pytest stops the whole run with "not found" when one id is renamed or one
// module fails to import, and every milestone would show nothing. This way each milestone gets
// its own answer: a missing test is reported as missing, a broken module only affects its tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { isFile, readText } from './quietFs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JunitReport } from './junit';
import { parseJunit } from './junit';
import type { ProcessRunner, RunResult } from './process';
import { fileOf, normalizeNodeId } from './evaluate';

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

// `python -c` puts the project folder first on sys.path, exactly like `python -m pytest`.
const BOOTSTRAP = `
import json, sys
import pytest
spec = json.loads(sys.argv[1])
wanted = spec["select"]
def keep(nodeid):
    return any(nodeid == w or nodeid.startswith(w + "::") or nodeid.startswith(w + "[") for w in wanted)
class MLRoadmapSelect:
    def pytest_collection_modifyitems(self, config, items):
        dropped = [item for item in items if not keep(item.nodeid)]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if keep(item.nodeid)]
sys.exit(int(pytest.main(spec["args"], plugins=[MLRoadmapSelect()])))
`;

export async function runPytest(options: PytestRunOptions): Promise<PytestRun> {
  const files = [...new Set(options.nodeIds.map(fileOf))];
  const existingFiles = new Set(files.filter((f) => isFile(join(options.projectDir, ...f.split('/')))));
  const visible = [
    '-q', '-p', 'no:cacheprovider', '-o', 'junit_family=xunit1',
    // Node ids are relative to the rootdir: pin it so they match the checks' ids.
    `--rootdir=${options.projectDir}`,
    '--continue-on-collection-errors',
  ];
  const commandLine = [options.python, '-m', 'pytest', ...visible, ...existingFiles].map(quoteForDisplay).join(' ');
  if (existingFiles.size === 0) return { existingFiles, commandLine };

  const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-pytest-'));
  try {
    const xmlPath = join(dir, 'report.xml');
    const args = [...visible, `--junitxml=${xmlPath}`, ...existingFiles];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      PYTHONIOENCODING: 'utf-8',
      // No plot windows popping up while checks run.
      MPLBACKEND: options.env?.['MPLBACKEND'] ?? process.env['MPLBACKEND'] ?? 'Agg',
    };
    const result = await options.run(options.python, ['-c', BOOTSTRAP, JSON.stringify({ select: options.nodeIds.map(normalizeNodeId), args })], {
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

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}


