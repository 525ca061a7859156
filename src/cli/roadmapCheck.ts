// `npm run roadmap:check [folder]`: validates a roadmap folder. Problems go to stderr, one summary
// line of JSON to stdout; the exit code is 1 when there is an error.
import { join, relative, resolve } from 'node:path';
import { checkRoadmapFolder, countRoadmap } from '../roadmap/checkFolder';
import { formatDiagnostic } from '../roadmap/diagnostics';

async function main(): Promise<number> {
  // Bundled to dist/cli/roadmap-check.js: the built-in roadmap is two levels up.
  const folder = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'roadmap'));
  const { result, diagnostics } = await checkRoadmapFolder(folder);
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
