// The build's parse of the built-in roadmap (esbuild.mjs runs it as dist/cli/roadmap-compile.js
// after bundling): the skill files and every project's milestones.md, parsed in the parser's worker
// thread with the editor's time limit (MLR_PARSE_TIMEOUT_MS sets another), written to
// dist/roadmap.json and dist/roadmap-milestones.json keyed by the parser bundle
// (src/roadmap/compiled.ts). An error in the roadmap, or a parse that overruns, is printed and the
// exit code is 1, so the build fails instead of hanging.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMilestones, compileRoadmap } from '../roadmap/compiled';
import { formatDiagnostic } from '../roadmap/diagnostics';
import type { SourceFile } from '../roadmap/model';
import { compileInWorker, parseTimeoutMs } from '../loader/workerParse';
import { milestonesPath, PROJECTS_FOLDER, projectSegments } from '../roadmap/layout';

// Bundled to dist/cli/roadmap-compile.js: the parser, its worker and roadmap.json are one level up,
// the roadmap two.
const DIST = join(__dirname, '..');
const ROADMAP = join(DIST, '..', 'roadmap');

async function main(): Promise<number> {
  const files: SourceFile[] = readdirSync(ROADMAP).filter((n) => n.endsWith('.md')).sort()
    .map((name) => ({ path: name, text: readFileSync(join(ROADMAP, name), 'utf8') }));
  const milestones: SourceFile[] = readdirSync(join(ROADMAP, PROJECTS_FOLDER)).sort()
    .filter((id) => existsSync(join(ROADMAP, ...projectSegments(id, 'milestones.md'))))
    .map((id) => ({ path: milestonesPath(id), text: readFileSync(join(ROADMAP, ...projectSegments(id, 'milestones.md')), 'utf8') }));
  const compiled = await compileInWorker(files, milestones, { workerFile: join(DIST, 'roadmap-worker.js'), timeoutMs: parseTimeoutMs(process.env) });
  if ('error' in compiled) {
    process.stderr.write(`${compiled.error}\n`);
    return 1;
  }
  const errors = compiled.result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(`The built-in roadmap has errors (npm run roadmap:check):\n${errors.map((d) => formatDiagnostic(d)).join('\n')}\n`);
    return 1;
  }
  const parser = readFileSync(join(DIST, 'roadmap-parser.js'));
  writeFileSync(join(DIST, 'roadmap-milestones.json'), JSON.stringify(compileMilestones(parser, compiled.milestones)));
  writeFileSync(join(DIST, 'roadmap.json'), JSON.stringify(compileRoadmap(parser, files, compiled.result)));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`The built-in roadmap could not be compiled: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
