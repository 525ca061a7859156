// The strings are ready for translation: l10n/bundle.l10n.json is what scripts/l10n.mjs extracts
// from the sources now (`npm run l10n` refreshes it), every message is a literal, and package.json's
// %key% strings and package.nls.json match one to one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../repoRoot';

interface Extractor {
  extractBundle: (root: string) => { bundle: Record<string, string>; problems: string[] };
  extractCalls: (text: string, file: string, callee: RegExp) => { messages: string[]; problems: string[] };
  bundleText: (bundle: Record<string, string>) => string;
  BUNDLE_FILE: string;
}

const root = repoRoot();
const load = (): Promise<Extractor> => import(pathToFileURL(path.join(root, 'scripts/l10n.mjs')).href);
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

/** Every "%key%" string anywhere in `value`. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') { const m = /^%([\w.-]+)%$/.exec(value); if (m) out.add(m[1]); }
  else if (Array.isArray(value)) for (const v of value) nlsKeys(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) nlsKeys(v, out);
  return out;
}

describe('localization', () => {
  it('has an English bundle that is up to date with the sources (npm run l10n)', async () => {
    const { extractBundle, bundleText, BUNDLE_FILE } = await load();
    const { bundle, problems } = extractBundle(root);
    assert.deepEqual(problems, [], 'l10n.t / t need one string literal as the message');
    assert.ok(Object.keys(bundle).length > 100, 'the extraction found almost nothing');
    assert.equal(read(BUNDLE_FILE), bundleText(bundle), `${BUNDLE_FILE} is out of date: run npm run l10n`);
  });

  it('reads the messages of literal calls, escapes included', async () => {
    const { extractCalls } = await load();
    const text = "vscode.l10n.t('It\\'s {0}', x); vscode.l10n.t(\"say \\\"hi\\\"\"); vscode.l10n.t(`plain`)";
    assert.deepEqual(extractCalls(text, 'a.ts', /\bl10n\.t\(/g), { messages: ["It's {0}", 'say "hi"', 'plain'], problems: [] });
  });

  it('reports a message that is not one string literal', async () => {
    const { extractCalls } = await load();
    const text = [
      'vscode.l10n.t(message);',
      "vscode.l10n.t('a' + b);",
      'vscode.l10n.t(`n = ${n}`);',
      "vscode.l10n.t({ message: 'x', args: [] });",
    ].join('\n');
    const { messages, problems } = extractCalls(text, 'src/x.ts', /\bl10n\.t\(/g);
    assert.deepEqual(messages, []);
    assert.deepEqual(problems.map((p) => p.split(':').slice(0, 2).join(':')), ['src/x.ts:1', 'src/x.ts:2', 'src/x.ts:3', 'src/x.ts:4']);
  });

  it('finds the webviews\' t(…) only in files that import it from webview/l10n.ts', async () => {
    const { extractBundle } = await load();
    const { bundle } = extractBundle(root);
    assert.equal(bundle['Run All'], 'Run All', 'the lab\'s Run All button is not in the bundle');
    assert.equal(bundle['Lab: {0}'], 'Lab: {0}', 'the lab panel title is not in the bundle');
  });

  it('has an English text in package.nls.json for every %key% of package.json, and no unused key', () => {
    const used = nlsKeys(JSON.parse(read('package.json')));
    const nls = JSON.parse(read('package.nls.json')) as Record<string, unknown>;
    assert.ok(used.size > 40, 'package.json has almost no %key% strings');
    for (const key of used) assert.equal(typeof nls[key], 'string', `package.json uses %${key}% but package.nls.json has no text for it`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json has ${key}, which package.json does not use`);
  });
});
