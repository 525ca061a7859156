// `npm run roadmap:check [folder]`: validates a roadmap folder. Problems go to stderr, one summary
// line of JSON to stdout; the exit code is 1 when there is an error. The folder is parsed in the
// parser's worker thread with the editor's time limit, so a hostile folder ends with a parse-stopped
// error instead of a hang (MLR_PARSE_TIMEOUT_MS sets another limit).
import { join, relative, resolve } from 'node:path';
import { countRoadmap } from '../roadmap/checkFolder';
import { formatDiagnostic } from '../roadmap/diagnostics';
import { checkFolderInWorker, parseTimeoutMs } from '../loader/workerParse';

async function main(): Promise<number> {
  // Bundled to dist/cli/roadmap-check.js: the built-in roadmap is two levels up, the worker one.
  const folder = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'roadmap'));
  const workerFile = join(__dirname, '..', 'roadmap-worker.js');
  const { result, diagnostics } = await checkFolderInWorker(folder, { workerFile, timeoutMs: parseTimeoutMs(process.env) });
  for (const d of diagnostics) {
    // Relative to where the command runs, so terminals turn it into a link.
    const shown = relative(process.cwd(), join(folder, d.range.file)) || d.range.file;
    process.stderr.write(`${formatDiagnostic(d, shown)}\n`);
  }
  const summary = { ...countRoadmap(result.roadmap), diagnostics: diagnostics.length };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`roadmap:check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
