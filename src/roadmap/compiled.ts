// The built-in roadmap and its projects' milestones, parsed once at build time (esbuild.mjs writes
// dist/roadmap.json and dist/roadmap-milestones.json), so the tree's and the lab's first paint do
// not wait for remark. Two files, because the tree's first items need only the roadmap (a tenth of
// the bytes) and the milestones are read when a skill is expanded or a lab opens. Each entry is
// keyed by the parser bundle's bytes and the markdown's paths and texts: any edit to either makes
// the key differ, and the caller parses as usual. No `vscode` here; node:crypto only.
import { createHash } from 'node:crypto';
import type { Diagnostic, ParseResult, SourceFile } from './model';
import type { MilestoneCell } from './milestoneCells';

const FORMAT = 1;

/** dist/roadmap.json. */
export interface CompiledRoadmap {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly result: ParseResult;
}

/** dist/roadmap-milestones.json. */
export interface CompiledMilestones {
  readonly format: typeof FORMAT;
  /** By milestone file path (`projects/<id>/milestones.md`): its key (one file) and its cells. */
  readonly milestones: Readonly<Record<string, { readonly key: string; readonly cells: readonly MilestoneCell[] }>>;
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

export function compileMilestones(
  parserBundle: Uint8Array, milestones: readonly { readonly file: SourceFile; readonly cells: readonly MilestoneCell[] }[],
): CompiledMilestones {
  return {
    format: FORMAT,
    milestones: Object.fromEntries(milestones.map(({ file, cells }) => [file.path, { key: roadmapKey(parserBundle, [file]), cells }])),
  };
}

/** The compiled cells of one milestone file when `key` (roadmapKey of that one file) matches. */
export function readCompiledMilestones(raw: unknown, path: string, key: string): MilestoneCell[] | undefined {
  if (typeof raw !== 'object' || raw === null || (raw as Partial<CompiledMilestones>).format !== FORMAT) return undefined;
  const all = (raw as Partial<CompiledMilestones>).milestones;
  if (typeof all !== 'object' || all === null || !Object.prototype.hasOwnProperty.call(all, path)) return undefined;
  const entry = all[path];
  if (!entry || entry.key !== key || !Array.isArray(entry.cells)) return undefined;
  return entry.cells as MilestoneCell[];
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
