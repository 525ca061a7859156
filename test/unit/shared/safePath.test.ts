// The one safe-path rule (src/shared/safePath.ts), as each caller applies it: content paths and
// globs (milestone checks), the webview's openFile guard, and paths the extension creates (scaffold,
// test restore, shared data). Every bundled milestones.md path and template file still passes.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPortablePath, isSafeRelativePath, isValidId, relativePathProblem } from '../../../src/shared/safePath';
import { isWebviewMessage } from '../../../src/shared/labProtocol';
import { planScaffold } from '../../../src/scaffold/plan';
import { planRestore } from '../../../src/checks/testIntegrity';
import { parseSharedData } from '../../../src/scaffold/sharedData';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { repoRoot } from '../repoRoot';

/** What each caller does with a path. */
const callers = {
  content: (p: string): boolean => isSafeRelativePath(p),
  open: (p: string): boolean => isWebviewMessage({ type: 'openFile', path: p }),
  scaffold: (p: string): boolean => planScaffold([p], () => 'missing').writes.includes(p),
  restore: (p: string): boolean => planRestore({ changed: [], missing: [p] }, () => 'missing').writes.includes(p),
  sharedData: (p: string): boolean => 'files' in parseSharedData(JSON.stringify({ [p]: 'mnist.npz' })),
};
type Caller = keyof typeof callers;
const ALL: readonly Caller[] = ['content', 'open', 'scaffold', 'restore', 'sharedData'];
const CONTENT_AND_OPEN: readonly Caller[] = ['content', 'open'];

// [path, the callers that accept it, the reason the refusing callers give (when all refuse)]
const table: ReadonlyArray<[string, readonly Caller[], RegExp?]> = [
  ['src/model.py', ALL],
  ['tests/test_x.py', ALL],
  ['notes..txt', ALL],
  ['.gitignore', ALL],
  ['dir/-x.py', ALL],
  ['données/é.csv', ALL],
  ['data/*.csv', CONTENT_AND_OPEN],
  ['out/model?.onnx', CONTENT_AND_OPEN],
  ['ab:c.txt', CONTENT_AND_OPEN],
  ['a:b.txt', [], /absolute/],
  ['p/CON', CONTENT_AND_OPEN],
  ['p/notes.', CONTENT_AND_OPEN],
  ['', [], /empty/],
  [' a', [], /space/],
  ['a ', [], /space/],
  ['/etc/passwd', [], /absolute/],
  ['C:/Windows/x', [], /absolute/],
  ['c:x', [], /absolute/],
  ['~/x', [], /absolute/],
  ['~', [], /absolute/],
  ['..', [], /climbs out/],
  ['../x', [], /climbs out/],
  ['a/../../x', [], /climbs out/],
  ['a/..', [], /climbs out/],
  ['a\\b', [], /backslash/],
  ['a\\..\\..\\x', [], /backslash/],
  ['\\\\server\\share', [], /backslash/],
  ['a//b', [], /empty or "\."/],
  ['a/', [], /empty or "\."/],
  ['./a', [], /empty or "\."/],
  ['a/./b', [], /empty or "\."/],
  ['-k', [], /option/],
  ['--rootdir=/', [], /option/],
  ['a\u0000b', [], /control/],
  ['a\nb', [], /control/],
  ['a\u007fb', [], /control/],
  ['a\u0085b', [], /control/],
  ['evil\u202etxt.py', [], /control/],
  ['a\u2066b', [], /control/],
];

describe('the one safe-path rule', () => {
  for (const [path, accepting, reason] of table) {
    it(`${JSON.stringify(path)}: accepted by ${accepting.length ? accepting.join(', ') : 'no caller'}`, () => {
      for (const caller of ALL) assert.equal(callers[caller](path), accepting.includes(caller), `${caller} on ${JSON.stringify(path)}`);
      if (reason) {
        assert.match(relativePathProblem(path) ?? '', reason);
        const checked = checkPortablePath(path);
        assert.ok('reason' in checked && reason.test(checked.reason), JSON.stringify(checked));
      }
    });
  }

  it('bounds the length of a path the webview sends', () => {
    assert.ok(callers.open('a'.repeat(300)));
    assert.ok(!callers.open('a'.repeat(301)));
  });

  it('has one id pattern: lowercase letters, digits and dashes, starting with a letter or digit', () => {
    for (const id of ['a', '0', 'a-b', '9-lives']) assert.ok(isValidId(id), id);
    for (const id of ['', '-a', 'A', 'a_b', 'a b', 'a.b', 'é', '../x', 'a/b']) assert.ok(!isValidId(id), id);
    for (const id of ['-a', 'A', '../x']) assert.ok(!isWebviewMessage({ type: 'compare', milestoneId: id }), id);
  });
});

describe('the bundled content under the one safe-path rule', () => {
  const projects = join(repoRoot(), 'roadmap', 'projects');
  const ids = readdirSync(projects).filter((id) => existsSync(join(projects, id, 'milestones.md'))).sort();

  it('finds the projects', () => assert.ok(ids.length >= 27, `${ids.length} projects`));

  it('every path a milestones.md names is a safe relative path', () => {
    let paths = 0;
    for (const id of ids) {
      const file = `projects/${id}/milestones.md`;
      const { milestones, diagnostics } = parseMilestones(file, readFileSync(join(projects, id, 'milestones.md'), 'utf8'));
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), [], file);
      for (const m of milestones) {
        const c = m.check;
        const named = c.kind === 'pytest' ? c.nodeIds.map((n) => n.split('::')[0])
          : c.kind === 'file' ? [c.glob] : c.kind === 'metric' ? [c.file] : c.kind === 'onnx' ? [c.model] : [];
        for (const p of [...named, ...m.compare]) {
          paths++;
          assert.ok(isSafeRelativePath(p), `${file}: ${p}: ${relativePathProblem(p)}`);
        }
      }
    }
    assert.ok(paths > 100, `only ${paths} paths`);
  });

  it('every template and solution file, and every shared-data destination, is a portable path', () => {
    let files = 0;
    for (const id of ids) {
      for (const part of ['template', 'solution']) {
        const dir = join(projects, id, part);
        if (!existsSync(dir)) continue;
        for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
          if (!e.isFile()) continue;
          const rel = join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/');
          if (/(^|\/)(__pycache__|\.pytest_cache)(\/|$)/.test(rel)) continue;
          files++;
          const checked = checkPortablePath(rel);
          assert.ok('segments' in checked, `${id}/${part}/${rel}: ${JSON.stringify(checked)}`);
        }
      }
      const shared = join(projects, id, 'shared-data.json');
      if (existsSync(shared)) assert.ok('files' in parseSharedData(readFileSync(shared, 'utf8')), shared);
    }
    assert.ok(files > 100, `only ${files} files`);
  });
});
