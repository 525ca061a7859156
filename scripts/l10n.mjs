// `npm run l10n`: writes l10n/bundle.l10n.json, the English bundle (message → message, sorted) of
// every `l10n.t('…')` in src/ and every `t('…')` of webview/l10n.ts in the webviews. Messages
// must be one string literal without `${}`; anything else is reported and the bundle is not
// written. A unit test runs `extractBundle` in memory and compares it with the file.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BUNDLE_FILE = 'l10n/bundle.l10n.json';

/** All .ts files under `dir`, sorted. */
function tsFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The string literal starting at `text[start]` (a quote): its value and the index after it, or undefined. */
function readLiteral(text, start) {
  const quote = text[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    if (c === '\n' && quote !== '`') return undefined;
    if (c !== '\\') { value += c; continue; }
    const e = text[++i];
    if (e === 'u') {
      const braced = text[i + 1] === '{';
      const hex = braced ? text.slice(i + 2, text.indexOf('}', i)) : text.slice(i + 1, i + 5);
      value += String.fromCodePoint(parseInt(hex, 16));
      i += braced ? hex.length + 2 : 4;
    } else if (e === 'x') {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === '\n') {
      // a line continuation adds nothing
    } else value += ESCAPES[e] ?? e;
  }
  return undefined;
}

/** 1-based line of `index` in `text`. */
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/**
 * The messages of every call `callee` matches in `text`. A call whose first argument is not a
 * plain string literal is a problem ("file:line: …").
 */
export function extractCalls(text, file, callee) {
  const messages = [];
  const problems = [];
  for (const match of text.matchAll(callee)) {
    let i = match.index + match[0].length;
    while (/\s/.test(text[i] ?? '')) i++;
    const literal = readLiteral(text, i);
    let after = literal?.end ?? i;
    while (/\s/.test(text[after] ?? '')) after++;
    if (!literal || (text[after] !== ',' && text[after] !== ')')) {
      problems.push(`${file}:${lineOf(text, match.index)}: the message of ${match[0].trim()}…) must be one string literal (no \${}, no concatenation, no variable)`);
      continue;
    }
    messages.push(literal.value);
  }
  return { messages, problems };
}

/** `vscode.l10n.t(` in the host; in the webviews, `t(` in files that import it from webview/l10n.ts. */
const HOST_CALL = /\bl10n\.t\(/g;
const WEBVIEW_CALL = /(?<![\w$.])t\(/g;
const IMPORTS_T = /import\s*\{[^}]*\bt\b[^}]*\}\s*from\s*'[./]*\/?l10n'/;

/** The English bundle of the sources under `root`, and what is wrong with them. */
export function extractBundle(root) {
  const bundle = {};
  const problems = [];
  const add = (file, callee) => {
    const rel = relative(root, file).split('\\').join('/');
    const found = extractCalls(readFileSync(file, 'utf8'), rel, callee);
    problems.push(...found.problems);
    for (const m of found.messages) bundle[m] = m;
  };
  for (const file of tsFiles(join(root, 'src'))) add(file, HOST_CALL);
  for (const file of tsFiles(join(root, 'webview'))) {
    if (file === join(root, 'webview', 'l10n.ts')) continue;
    if (IMPORTS_T.test(readFileSync(file, 'utf8'))) add(file, WEBVIEW_CALL);
  }
  const sorted = {};
  for (const key of Object.keys(bundle).sort()) sorted[key] = bundle[key];
  return { bundle: sorted, problems };
}

/** The bundle file's text for `bundle`. */
export const bundleText = (bundle) => `${JSON.stringify(bundle, null, 2)}\n`;

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { bundle, problems } = extractBundle(root);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  mkdirSync(join(root, 'l10n'), { recursive: true });
  writeFileSync(join(root, BUNDLE_FILE), bundleText(bundle));
  console.log(`${BUNDLE_FILE}: ${Object.keys(bundle).length} messages`);
}
