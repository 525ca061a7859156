// Node-side loading: reads a roadmap folder's markdown and hands it to the pure parser. A file too
// large or not UTF-8 is reported, never read whole or silently mangled.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, ParseResult, SourceFile } from './model';
import { error, fileRange, sortDiagnostics } from './diagnostics';
import { describeError } from '../shared/errors';
import { parseRoadmap } from './parse';
import { readSource } from './decode';

/** One file of a folder on disk as the parser wants it (see readSource). Never rejects. */
export function readSourceFile(absolute: string, path: string): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }> {
  return readSource(path, { size: async () => (await stat(absolute)).size, read: () => readFile(absolute) });
}

/**
 * Reads every `.md` file directly in `folder` and parses them. Diagnostics name files relative
 * to the folder (`01-python.md`); folder-wide ones use '.'. Never rejects: an unreadable folder
 * or file becomes a diagnostic.
 */
export async function loadRoadmapFolder(folder: string): Promise<ParseResult> {
  let names: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md')).map((e) => e.name);
  } catch (e) {
    const d = error('unreadable-folder', `Cannot read the roadmap folder ${folder}: ${describeError(e)}`, fileRange('.'));
    return { roadmap: { skills: [] }, diagnostics: [d] };
  }
  const readErrors: Diagnostic[] = [];
  const files: SourceFile[] = [];
  await Promise.all(
    names.map(async (name) => {
      const read = await readSourceFile(join(folder, name), name);
      readErrors.push(...read.diagnostics);
      if (read.file) files.push(read.file);
    }),
  );
  const result = parseRoadmap(files);
  return { roadmap: result.roadmap, diagnostics: sortDiagnostics([...readErrors, ...result.diagnostics]) };
}
