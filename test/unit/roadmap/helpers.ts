// Shared by the roadmap tests: locating the repo, reading folders, and comparable diagnostics.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, SourceFile } from '../../../src/roadmap/model';
import { repoRoot } from '../repoRoot';

export { repoRoot };

export const ROADMAP_DIR = join(repoRoot(), 'roadmap');
/** Whole-roadmap parses take ~0.1 s, but much longer on a loaded CI machine: don't flake. */
export const TIMEOUT_MS = 20_000;

export const FIXTURES_DIR = join(repoRoot(), 'test', 'fixtures', 'roadmaps');

/** The .md files directly in `dir`, paths relative to it, sorted by name. */
export function readMarkdownFolder(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') }));
}

export interface PlainDiagnostic {
  readonly severity: string;
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The fields a test asserts on, in a shape that deepEqual reports readably. */
export function plain(diagnostics: readonly Diagnostic[]): PlainDiagnostic[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    file: d.range.file,
    line: d.range.line,
    column: d.range.column,
    message: d.message,
  }));
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
