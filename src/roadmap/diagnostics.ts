// Building diagnostics and their ranges from mdast positions.
import type { Node } from 'unist';
import type { Diagnostic, Severity, SourceRange } from './model';

/** Every code the roadmap and milestone parsers report; stable, tests and filters rely on them. */
export type DiagnosticCode =
  | 'missing-title'
  | 'multiple-titles'
  | 'missing-id'
  | 'invalid-id'
  | 'duplicate-id'
  | 'missing-duration'
  | 'invalid-duration'
  | 'unknown-section'
  | 'unexpected-content'
  | 'empty-topic'
  | 'not-a-task'
  | 'topic-text-not-separated'
  | 'invalid-resource'
  | 'missing-description'
  | 'no-skills'
  | 'unexpected-file'
  | 'unreadable-folder'
  | 'unreadable-file'
  | 'unknown-project'
  | 'no-milestones'
  | 'missing-check'
  | 'unknown-check'
  | 'invalid-check'
  | 'duplicate-check'
  | 'invalid-compare'
  | 'file-too-large'
  | 'line-too-long'
  | 'nesting-too-deep'
  | 'too-much-markup'
  | 'too-much-structure'
  | 'bidi-control'
  | 'invalid-utf8'
  | 'parse-stopped'
  | 'internal-error';

/** A range covering the first character of a file: for problems that belong to no node. */
export function fileRange(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The 1-based range of an mdast node (unist positions are 1-based already). */
export function nodeRange(file: string, node: Node | undefined): SourceRange {
  const pos = node?.position;
  if (!pos) return fileRange(file);
  return {
    file,
    line: pos.start.line,
    column: pos.start.column,
    endLine: pos.end.line,
    endColumn: pos.end.column,
  };
}

export function diagnostic(
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  range: SourceRange,
): Diagnostic {
  return { severity, code, message, range };
}

export function error(code: DiagnosticCode, message: string, range: SourceRange): Diagnostic {
  return diagnostic('error', code, message, range);
}

export function warning(code: DiagnosticCode, message: string, range: SourceRange): Diagnostic {
  return diagnostic('warning', code, message, range);
}

/** `file:line:col`, the form editors and terminals turn into links. */
export function formatLocation(range: SourceRange): string {
  return `${range.file}:${range.line}:${range.column}`;
}

/** One line per diagnostic, like compilers print them: `file:line:col: severity code: message`. */
export function formatDiagnostic(d: Diagnostic, file: string = d.range.file): string {
  return `${file}:${d.range.line}:${d.range.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Sorts by file, then position; stable, so problems at one spot keep the order they were found. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareStrings(a.range.file, b.range.file) ||
      a.range.line - b.range.line ||
      a.range.column - b.range.column,
  );
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
