// The `file` check kind: `Check: file \`model.onnx\`` (or a glob) passes when a project file matches.
import { hasWildcard, matchGlob, normalizeRelative } from '../glob';
import { failure, type Outcome } from '../outcome';
import { candidatePaths } from '../projectFiles';
import type { CheckKind } from './kind';

export interface FileCheck {
  readonly kind: 'file';
  readonly glob: string;
}

export const file: CheckKind<FileCheck> = {
  name: 'file',
  parse(args) {
    if (args.length !== 1) return { invalid: 'A file check needs exactly one path or glob in backticks' };
    return { check: { kind: 'file', glob: args[0] ?? '' } };
  },
  paths: (check) => [check.glob],
  label: (check, l10n) => l10n.t('file exists: {0}', check.glob),
  decide: (checks, run) => Promise.resolve(new Map(checks.map((c) => [c.id, evaluateFile(c.check.glob, candidatePaths(run.projectDir, c.check.glob))]))),
};

/** A file check against the project's files (relative, `/`-separated). */
export function evaluateFile(glob: string, existingPaths: readonly string[]): Outcome {
  const matches = matchGlob(glob, existingPaths);
  const pattern = normalizeRelative(glob);
  if (matches.length > 0) {
    const what = hasWildcard(glob) ? `${matches[0]}${matches.length > 1 ? ` and ${matches.length - 1} more` : ''}` : pattern;
    return { status: 'passed', headline: `Found ${what}`, failures: [] };
  }
  const message = hasWildcard(glob) ? `No file matches ${pattern} yet` : `${pattern} does not exist yet`;
  return { status: 'failed', headline: message, failures: [failure(pattern, message)] };
}
