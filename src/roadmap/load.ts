// Node-side loading: reads a roadmap folder's markdown and hands it to the pure parser.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, ParseResult, SourceFile } from './model';
import { describeError, error, fileRange, sortDiagnostics } from './diagnostics';
import { parseRoadmap } from './parse';

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
      try {
        files.push({ path: name, text: await readFile(join(folder, name), 'utf8') });
      } catch (e) {
        readErrors.push(error('unreadable-file', `Cannot read ${name}: ${describeError(e)}`, fileRange(name)));
      }
    }),
  );
  const result = parseRoadmap(files);
  return { roadmap: result.roadmap, diagnostics: sortDiagnostics([...readErrors, ...result.diagnostics]) };
}
