// The built-in roadmap, parsed once at build time (esbuild.mjs writes dist/roadmap.json), so the
// tree's first paint does not wait for remark. The cache is keyed by the parser bundle's bytes and
// every markdown file's path and text: any edit to either makes the key differ, and the caller
// parses as usual. No `vscode` here; node:crypto only.
import { createHash } from 'node:crypto';
import type { Diagnostic, ParseResult, SourceFile } from './model';

const FORMAT = 1;

export interface CompiledRoadmap {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly result: ParseResult;
}

/** The cache key: what the parse depends on, hashed. */
export function roadmapKey(parserBundle: Uint8Array, files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  h.update(`ml-roadmap compiled ${FORMAT}\0`);
  h.update(parserBundle);
  for (const f of files) h.update(`\0${f.path}\0${f.text}`);
  return h.digest('hex');
}

export function compileRoadmap(parserBundle: Uint8Array, files: readonly SourceFile[], result: ParseResult): CompiledRoadmap {
  return { format: FORMAT, key: roadmapKey(parserBundle, files), result };
}

/**
 * The cached parse when `raw` (the parsed JSON file) is a compiled roadmap for exactly `key`, else
 * undefined. Only the outline is checked: the file is written by our own build.
 */
export function readCompiled(raw: unknown, key: string): ParseResult | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Partial<CompiledRoadmap>;
  if (c.format !== FORMAT || c.key !== key || typeof c.result !== 'object' || c.result === null) return undefined;
  const { roadmap, diagnostics } = c.result as Partial<ParseResult>;
  if (typeof roadmap !== 'object' || roadmap === null || !Array.isArray(roadmap.skills) || !Array.isArray(diagnostics)) return undefined;
  return { roadmap, diagnostics: diagnostics as Diagnostic[] };
}
