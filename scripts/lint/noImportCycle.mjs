// The ESLint rule `mlr/no-import-cycle`: a file must not import a file that leads back to it.
// Every kind of import counts, `import type` and `typeof import()` included, because a circle of
// types is still two modules that each need the other (import-x/no-cycle skips type imports, and
// every circle this repository had went through one). The current file's imports come from its
// syntax tree, so the report points at the import; the files it reaches are scanned with
// TypeScript's import scanner. Only relative imports are followed: packages cannot import us back.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.mjs', '.js'];

/** The repository file that `specifier` names from `fromFile`, or undefined for a package or a miss. */
function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => resolve(base, 'index' + e))];
  return candidates.find((c) => EXTENSIONS.some((e) => c.endsWith(e)) && existsSync(c) && statSync(c).isFile());
}

/** The files each scanned file imports, kept while the file is unchanged (an editor's ESLint lives long). */
const importsOf = new Map();
function scannedImports(file) {
  const mtime = statSync(file).mtimeMs;
  const cached = importsOf.get(file);
  if (cached?.mtime === mtime) return cached.found;
  const scan = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const found = [...new Set(scan.importedFiles.map((f) => resolveImport(file, f.fileName)).filter(Boolean))];
  importsOf.set(file, { mtime, found });
  return found;
}

/** The shortest chain of imports from `start` back to `target`, or undefined. */
function pathBack(start, target) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of scannedImports(file)) {
      if (next === target) {
        const chain = [file];
        for (let f = cameFrom.get(file); f; f = cameFrom.get(f)) chain.unshift(f);
        return chain;
      }
      if (!cameFrom.has(next)) { cameFrom.set(next, file); queue.push(next); }
    }
  }
  return undefined;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import (of values or of types) that leads back to the importing file' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const checked = new Set();
    const check = (node, source) => {
      if (typeof source?.value !== 'string') return;
      const target = resolveImport(file, source.value);
      if (!target || target === file || checked.has(target)) return;
      checked.add(target);
      const chain = pathBack(target, file);
      if (chain) context.report({ node, messageId: 'cycle', data: { chain: [file, ...chain, file].map((f) => relative(root, f)).join(' → ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0]),
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
