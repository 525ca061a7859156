// A roadmap folder's markdown files → the typed Roadmap plus diagnostics. Pure: the caller does I/O.
import type { Diagnostic, ParseResult, Skill, SourceFile } from './model';
import { compareStrings, error, fileRange, sortDiagnostics, warning } from './diagnostics';
import { describeError } from '../shared/errors';
import { baseName, fileRole } from './files';
import { IdRegistry } from './ids';
import { parseSkillFile } from './parseSkill';

export interface ParseOptions {
  /** Where folder-wide problems (like `no-skills`) are reported; '.' (the folder itself) by default. */
  readonly folder?: string;
}

/** Parses a roadmap. Never throws: whatever the input, it returns a roadmap and diagnostics. */
export function parseRoadmap(files: readonly SourceFile[], options: ParseOptions = {}): ParseResult {
  const folder = typeof options?.folder === 'string' ? options.folder : '.';
  try {
    return parseFiles(files, folder);
  } catch (e) {
    const d = error('internal-error', `The roadmap parser failed: ${describeError(e)}`, fileRange(folder));
    return { roadmap: { skills: [] }, diagnostics: [d] };
  }
}

function parseFiles(files: readonly SourceFile[], folder: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const skillFiles: SourceFile[] = [];
  let overview: string | undefined;
  for (const file of sanitize(files)) {
    const role = fileRole(file.path);
    if (role === 'skill') skillFiles.push(file);
    else if (role === 'overview') overview ??= file.text;
    else if (role === 'unexpected') {
      const message = `Unexpected file "${baseName(file.path)}": skill files are named like 01-name.md, so it is ignored`;
      diagnostics.push(warning('unexpected-file', message, fileRange(file.path)));
    }
  }
  if (skillFiles.length === 0) {
    diagnostics.push(error('no-skills', 'The roadmap has no skill files: add files named like 01-name.md', fileRange(folder)));
  }

  // File-name order is the roadmap order; the path breaks ties between folders.
  skillFiles.sort((a, b) => compareStrings(baseName(a.path), baseName(b.path)) || compareStrings(a.path, b.path));
  const ids = new IdRegistry();
  const skills: Skill[] = [];
  skillFiles.forEach((file, index) => {
    try {
      const result = parseSkillFile(file, index + 1, ids);
      diagnostics.push(...result.diagnostics);
      if (result.skill) skills.push(result.skill);
    } catch (e) {
      // One bad file must not cost the rest of the roadmap.
      diagnostics.push(error('internal-error', `The parser failed on this file: ${describeError(e)}`, fileRange(file.path)));
    }
  });

  const roadmap = overview === undefined ? { skills } : { skills, overview };
  return { roadmap, diagnostics: sortDiagnostics(diagnostics) };
}

/** Drops entries that are not `{ path, text }` (the extension passes what it read, untyped at runtime). */
function sanitize(files: readonly SourceFile[]): SourceFile[] {
  if (!Array.isArray(files)) return [];
  return files.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const { path, text } = f as { path?: unknown; text?: unknown };
    if (typeof path !== 'string') return [];
    return [{ path, text: typeof text === 'string' ? text : '' }];
  });
}
