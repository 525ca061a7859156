// The built-in project templates agree with their milestones: every check names a test that
// exists, every test belongs to a milestone, hints and comparisons are there. (Whether the checks
// are honest — starter fails, solution passes, cheats caught — is npm run test:templates.)
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { repoRoot } from '../repoRoot';

const PROJECTS = join(repoRoot(), 'roadmap', 'projects');

function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    : [];
}

/** `tests/test_x.py::test_y` for every top-level or class-level test function in the template. */
function testIds(template: string): string[] {
  return filesUnder(join(template, 'tests')).filter((f) => /(^|\/)test_[^/]*\.py$/.test(f)).flatMap((f) => {
    const text = readFileSync(join(template, 'tests', f), 'utf8');
    return [...text.matchAll(/^def (test_\w+)\s*\(/gm)].map((m) => `tests/${f}::${m[1]}`);
  });
}

describe('the built-in project templates', () => {
  const ids = readdirSync(PROJECTS).filter((id) => existsSync(join(PROJECTS, id, 'template'))).sort();

  it('has a template for every project folder, each with solution/ and milestones.md', () => {
    // Every one of the roadmap's 27 projects can be scaffolded.
    assert.equal(ids.length, 27, `${ids.length} templates: ${ids.join(', ')}`);
    for (const id of ids) {
      assert.ok(existsSync(join(PROJECTS, id, 'solution')), `${id} has no solution/`);
      assert.ok(existsSync(join(PROJECTS, id, 'milestones.md')), `${id} has no milestones.md`);
      assert.ok(existsSync(join(PROJECTS, id, 'template', 'README.md')), `${id} has no README.md`);
      assert.ok(existsSync(join(PROJECTS, id, 'template', 'requirements.txt')), `${id} has no requirements.txt`);
    }
  });

  for (const id of ids) {
    describe(id, () => {
      const template = join(PROJECTS, id, 'template');
      const file = join(PROJECTS, id, 'milestones.md');
      const parsed = parseMilestones('milestones.md', existsSync(file) ? readFileSync(file, 'utf8') : '');
      const milestones = parsed.milestones;

      it('has 4 to 7 milestones that parse cleanly', () => {
        assert.deepEqual(parsed.diagnostics, []);
        assert.ok(milestones.length >= 4 && milestones.length <= 7, `${milestones.length} milestones`);
      });

      it('names only tests that exist, and every test belongs to a milestone', () => {
        const existing = new Set(testIds(template));
        const named = milestones.flatMap((m) => (m.check.kind === 'pytest' ? m.check.nodeIds : []));
        for (const n of named) {
          const [file, fn] = [n.split('::')[0], n.split('::').pop()!.replace(/\[.*$/, '')];
          assert.ok(existsSync(join(template, ...file.split('/'))), `${n}: no file ${file}`);
          assert.ok(existing.has(`${file}::${fn}`) || readFileSync(join(template, ...file.split('/')), 'utf8').includes(`def ${fn}(`), `${n}: no test ${fn} in ${file}`);
        }
        const covered = (t: string): boolean => named.some((n) => n === t || t.startsWith(`${n}::`) || n === t.split('::')[0] || n.replace(/\[.*$/, '') === t);
        assert.deepEqual([...existing].filter((t) => !covered(t)), [], 'tests no milestone checks');
      });

      it('gives each checked milestone hints, and compares only files the project has', () => {
        const solution = new Set(filesUnder(join(PROJECTS, id, 'solution')));
        const starter = new Set(filesUnder(template));
        for (const m of milestones) {
          if (m.check.kind !== 'manual') assert.ok(m.hints.length >= 2 && m.hints.length <= 4, `${m.id}: ${m.hints.length} hints`);
          for (const f of m.compare) assert.ok(solution.has(f) || starter.has(f), `${m.id}: Compare names ${f}, which neither template/ nor solution/ has`);
        }
      });
    });
  }
});
