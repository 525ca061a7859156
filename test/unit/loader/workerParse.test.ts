// Custom roadmaps, `npm run roadmap:check` and the build's parse run in a worker thread
// (dist/roadmap-worker.js, built by esbuild.mjs): the same answer as a parse in this thread, the measured attacks end there with their diagnostic, and
// a worker that never answers or crashes is stopped and reported as one diagnostic.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFolderInWorker, compileInWorker, milestoneCellsInWorker, parseRoadmapInWorker } from '../../../src/loader/workerParse';
import { parseRoadmap } from '../../../src/roadmap/parse';
import { milestoneCells } from '../../../src/roadmap/milestoneCells';
import { checkRoadmapFolder, countRoadmap } from '../../../src/roadmap/checkFolder';
import { readMarkdownFolder, repoRoot, ROADMAP_DIR } from '../roadmap/helpers';

const WORKER = join(repoRoot(), 'dist', 'roadmap-worker.js');
const OPTIONS = { workerFile: WORKER, timeoutMs: 60_000 };

describe('parsing in a worker thread', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mlroadmap-worker-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives the same roadmap and milestone cells as parsing here', async () => {
    const files = readMarkdownFolder(ROADMAP_DIR);
    assert.deepEqual(await parseRoadmapInWorker(files, OPTIONS), JSON.parse(JSON.stringify(parseRoadmap(files))));
    const path = 'projects/nn-from-scratch/milestones.md';
    const file = { path, text: readFileSync(join(ROADMAP_DIR, path), 'utf8') };
    const { cells, error } = await milestoneCellsInWorker(file, OPTIONS);
    assert.equal(error, undefined);
    assert.ok(cells.length > 0);
    assert.deepEqual(cells, JSON.parse(JSON.stringify(milestoneCells(file.path, file.text))));
  });

  it('checks a folder and compiles the built-in roadmap as this thread does', async () => {
    assert.deepEqual(await checkFolderInWorker(ROADMAP_DIR, OPTIONS), await checkRoadmapFolder(ROADMAP_DIR));
    const files = readMarkdownFolder(ROADMAP_DIR);
    const path = 'projects/mnist-digits/milestones.md';
    const file = { path, text: readFileSync(join(ROADMAP_DIR, path), 'utf8') };
    const compiled = await compileInWorker(files, [file], OPTIONS);
    assert.deepEqual(compiled, JSON.parse(JSON.stringify({ result: parseRoadmap(files), milestones: [{ file, cells: milestoneCells(path, file.text) }] })));
  });

  it('ends the measured attack "- " x 3,000 with its diagnostic', async () => {
    const r = await parseRoadmapInWorker([{ path: '01-deep.md', text: `# S {#s}\n\n${'- '.repeat(3_000)}x\n` }], OPTIONS);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.file, d.range.line]), [['nesting-too-deep', '01-deep.md', 3]]);
  });

  it('terminates a worker that never answers and reports parse-stopped', async () => {
    const stuck = join(tmp, 'stuck-worker.js');
    writeFileSync(stuck, "require('node:worker_threads').parentPort.on('message', () => { for (;;) {} });\n");
    const r = await parseRoadmapInWorker([{ path: '01-a.md', text: '# A {#a}\n' }], { workerFile: stuck, timeoutMs: 300 });
    assert.deepEqual(r.roadmap, { skills: [] });
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code, d.range.file]), [['error', 'parse-stopped', '.']]);
    assert.match(r.diagnostics[0]?.message ?? '', /^The roadmap could not be parsed: parsing took longer than 0\.3 s and was stopped\./);
    const m = await milestoneCellsInWorker({ path: 'projects/p/milestones.md', text: '## A {#a}\n' }, { workerFile: stuck, timeoutMs: 300 });
    assert.deepEqual(m, { cells: [], error: 'projects/p/milestones.md could not be parsed: parsing took longer than 0.3 s and was stopped' });
    const folder = await checkFolderInWorker(ROADMAP_DIR, { workerFile: stuck, timeoutMs: 300 });
    assert.deepEqual(folder.diagnostics.map((d) => [d.severity, d.code, d.range.file]), [['error', 'parse-stopped', '.']]);
    assert.match(folder.diagnostics[0]?.message ?? '', /^The roadmap could not be checked: parsing took longer than 0\.3 s and was stopped\./);
    assert.deepEqual(countRoadmap(folder.result.roadmap), { skills: 0, topics: 0, projects: 0 });
    assert.deepEqual(await compileInWorker([], [], { workerFile: stuck, timeoutMs: 50 }), { error: 'The built-in roadmap could not be parsed: parsing took longer than 50 ms and was stopped' });
  });

  it('reports a worker that crashes, or that cannot be found', async () => {
    const crash = join(tmp, 'crash-worker.js');
    writeFileSync(crash, "throw new Error('boom');\n");
    const r = await parseRoadmapInWorker([], { workerFile: crash, timeoutMs: 60_000 });
    assert.match(r.diagnostics[0]?.message ?? '', /^The roadmap could not be parsed: the parser failed: boom\./);
    const missing = await parseRoadmapInWorker([], { workerFile: join(tmp, 'nope.js'), timeoutMs: 60_000 });
    assert.equal(missing.diagnostics[0]?.code, 'parse-stopped');
  });
});
