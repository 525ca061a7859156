// dist/roadmap.json (written by esbuild.mjs) is exactly the parse of roadmap/, and any change to the
// markdown or to the parser makes its key differ, so a stale cache is never used.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileRoadmap, readCompiled, readCompiledMilestones, roadmapKey } from '../../../src/roadmap/compiled';
import { milestoneCells } from '../../../src/roadmap/milestoneCells';
import { parseRoadmap } from '../../../src/roadmap/parse';
import type { SourceFile } from '../../../src/roadmap/model';
import { repoRoot } from '../repoRoot';

const ROOT = repoRoot();
const PARSER = join(ROOT, 'dist/roadmap-parser.js');

function builtInFiles(): SourceFile[] {
  return readdirSync(join(ROOT, 'roadmap')).filter((n) => n.endsWith('.md')).sort()
    .map((name) => ({ path: name, text: readFileSync(join(ROOT, 'roadmap', name), 'utf8') }));
}

describe('compiled built-in roadmap', () => {
  it('dist/roadmap.json is keyed to the built parser and the roadmap files, and equals a fresh parse', () => {
    const files = builtInFiles();
    const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'dist/roadmap.json'), 'utf8'));
    const cached = readCompiled(raw, roadmapKey(readFileSync(PARSER), files));
    assert.ok(cached, 'the key does not match: run `node esbuild.mjs`');
    assert.deepEqual(cached, JSON.parse(JSON.stringify(parseRoadmap(files))));
    assert.equal(cached.roadmap.skills.length, 9);
  });

  it('the build parses in the worker with a time limit: an overrun fails it and leaves dist/roadmap.json alone', function () {
    this.timeout(20_000);
    const out = join(ROOT, 'dist/roadmap.json');
    const before = statSync(out).mtimeMs;
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/roadmap-compile.js')], { encoding: 'utf8', env: { ...process.env, MLR_PARSE_TIMEOUT_MS: '1' } });
    assert.equal(r.stderr, 'The built-in roadmap could not be parsed: parsing took longer than 1 ms and was stopped\n');
    assert.equal(r.status, 1);
    assert.equal(statSync(out).mtimeMs, before);
  });

  it('a one-character edit, a renamed file or another parser gives another key', () => {
    const files = builtInFiles();
    const parser = new TextEncoder().encode('parser v1');
    const key = roadmapKey(parser, files);
    const edited = files.map((f, i) => (i === 3 ? { ...f, text: f.text.replace('weeks', 'Weeks') } : f));
    assert.notEqual(roadmapKey(parser, edited), key);
    assert.notEqual(roadmapKey(parser, files.map((f, i) => (i === 0 ? { ...f, path: `x${f.path}` } : f))), key);
    assert.notEqual(roadmapKey(new TextEncoder().encode('parser v2'), files), key);
    assert.equal(roadmapKey(parser, files.map((f) => ({ ...f }))), key, 'the key is not a function of the content');
  });

  it('is used only for its own key and only when well formed', () => {
    const result = { roadmap: { skills: [] }, diagnostics: [] };
    const compiled = compileRoadmap(new Uint8Array([1]), [{ path: 'a.md', text: '# A' }], result);
    assert.deepEqual(readCompiled(compiled, compiled.key), result);
    assert.equal(readCompiled(compiled, 'another key'), undefined);
    assert.equal(readCompiled({ ...compiled, format: 2 }, compiled.key), undefined);
    assert.equal(readCompiled({ ...compiled, result: { roadmap: {} } }, compiled.key), undefined);
    assert.equal(readCompiled(null, compiled.key), undefined);
    assert.equal(readCompiled('{}', compiled.key), undefined);
  });

  it('holds every built-in project\'s milestone cells, each equal to a fresh parse and keyed to its own text', () => {
    const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'dist/roadmap-milestones.json'), 'utf8'));
    const parser = readFileSync(PARSER);
    const ids = readdirSync(join(ROOT, 'roadmap/projects')).filter((id) => existsSync(join(ROOT, 'roadmap/projects', id, 'milestones.md')));
    assert.ok(ids.length >= 9);
    for (const id of ids) {
      const file = { path: `projects/${id}/milestones.md`, text: readFileSync(join(ROOT, 'roadmap/projects', id, 'milestones.md'), 'utf8') };
      const cells = readCompiledMilestones(raw, file.path, roadmapKey(parser, [file]));
      assert.ok(cells, `${id}: no compiled cells for this text`);
      assert.deepEqual(cells, JSON.parse(JSON.stringify(milestoneCells(file.path, file.text))), id);
      const edited = { ...file, text: `${file.text}\n` };
      assert.equal(readCompiledMilestones(raw, file.path, roadmapKey(parser, [edited])), undefined, `${id}: an edited file matched`);
    }
    assert.equal(readCompiledMilestones(raw, '__proto__', 'x'), undefined);
    assert.equal(readCompiledMilestones(raw, 'projects/nope/milestones.md', 'x'), undefined);
  });
});
