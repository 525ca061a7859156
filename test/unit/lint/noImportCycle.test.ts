// The lint rule mlr/no-import-cycle (scripts/lint/noImportCycle.mjs), run by ESLint on small
// folders of files: a circle through a type import is one, a chain without a way back is not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../repoRoot';

interface LintReport { filePath: string; messages: Array<{ ruleId: string | null; message: string; line: number }> }
interface EslintModule {
  ESLint: new (options: { cwd: string; overrideConfigFile: true; overrideConfig: unknown[] }) => { lintFiles(patterns: string[]): Promise<LintReport[]> };
}

const root = repoRoot();
// Loaded at run time from node_modules (a module name in a variable stays out of the test bundle).
const load = async <T>(specifier: string): Promise<T> => (await import(specifier)) as T;

/** Lints the files of `files` (name → text) with only the cycle rule; the messages by file name. */
async function lint(files: Record<string, string>): Promise<Record<string, string[]>> {
  const { ESLint } = await load<EslintModule>('eslint');
  const { parser } = await load<{ parser: unknown }>('typescript-eslint');
  const plugin = (await load<{ default: unknown }>(pathToFileURL(path.join(root, 'scripts/lint/noImportCycle.mjs')).href)).default;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-cycle-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { mlr: plugin }, rules: { 'mlr/no-import-cycle': 'error' } }],
    });
    const out: Record<string, string[]> = {};
    for (const r of await eslint.lintFiles(['.'])) out[path.relative(dir, r.filePath)] = r.messages.map((m) => `${m.line}: ${m.message}`);
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('lint rule mlr/no-import-cycle', function () {
  this.timeout(20_000);

  it('reports a circle that goes through an `import type`, at the import, in both files', async () => {
    const out = await lint({
      'a.ts': "import type { B } from './b';\nexport const a = 1;\nexport type A = B;\n",
      'b.ts': "import { a } from './a';\nexport type B = number;\nexport const b = a;\n",
    });
    assert.deepEqual(out, { 'a.ts': ['1: Import cycle: a.ts → b.ts → a.ts'], 'b.ts': ['1: Import cycle: b.ts → a.ts → b.ts'] });
  });

  it('follows `typeof import()`, re-exports and a folder\'s index.ts round a longer circle', async () => {
    const out = await lint({
      'a.ts': "export type M = typeof import('./lib');\n",
      'lib/index.ts': "export * from './c';\n",
      'lib/c.ts': "import type { M } from '../a';\nexport type C = M;\n",
    });
    assert.deepEqual(out['a.ts'], ['1: Import cycle: a.ts → lib/index.ts → lib/c.ts → a.ts']);
    assert.equal(out['lib/c.ts']?.length, 1);
  });

  it('lets a chain without a way back, a package import and a self-import pass', async () => {
    const out = await lint({
      'a.ts': "import { b } from './b';\nimport { join } from 'node:path';\nexport const a = join(b);\n",
      'b.ts': "import { c } from './c';\nexport const b = c;\n",
      'c.ts': "export const c = 'c';\nexport type Self = typeof import('./c');\n",
    });
    assert.deepEqual(out, { 'a.ts': [], 'b.ts': [], 'c.ts': [] });
  });
});
