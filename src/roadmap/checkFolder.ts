// Whole-folder validation for `npm run roadmap:check`: the skill files plus every project's milestones.md.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, ParseResult, Roadmap } from './model';
import { error, fileRange, sortDiagnostics } from './diagnostics';
import { describeError } from '../shared/errors';
import { loadRoadmapFolder, readSourceFile } from './load';
import { parseMilestones, type Milestone } from './milestones';
import { milestonesPath, projectSegments } from './layout';

export interface RoadmapCounts {
  readonly skills: number;
  readonly topics: number;
  readonly projects: number;
}

export interface FolderCheck {
  readonly result: ParseResult;
  /** Parsed milestones by project folder name, for the projects that have a milestones.md. */
  readonly milestones: ReadonlyMap<string, readonly Milestone[]>;
  /** The roadmap's diagnostics and the projects' ones, paths relative to the folder. */
  readonly diagnostics: readonly Diagnostic[];
}

export function countRoadmap(roadmap: Roadmap): RoadmapCounts {
  let topics = 0;
  let projects = 0;
  for (const skill of roadmap.skills) {
    topics += skill.topics.length;
    projects += skill.projects.length;
  }
  return { skills: roadmap.skills.length, topics, projects };
}

/** Loads and validates a roadmap folder. Never rejects. */
export async function checkRoadmapFolder(folder: string): Promise<FolderCheck> {
  const result = await loadRoadmapFolder(folder);
  const projectIds = new Set(result.roadmap.skills.flatMap((s) => s.projects.map((p) => p.id)));
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const milestones = new Map<string, readonly Milestone[]>();
  for (const name of await projectFolders(folder, diagnostics)) {
    const rel = `projects/${name}`;
    if (!projectIds.has(name)) {
      const message = `The project folder "${rel}" matches no project id in the skill files`;
      diagnostics.push(error('unknown-project', message, fileRange(rel)));
    }
    const text = await readOptional(join(folder, ...projectSegments(name, 'milestones.md')), milestonesPath(name), diagnostics);
    if (text === undefined) continue;
    const parsed = parseMilestones(milestonesPath(name), text);
    milestones.set(name, parsed.milestones);
    diagnostics.push(...parsed.diagnostics);
  }
  return { result, milestones, diagnostics: sortDiagnostics(diagnostics) };
}

/** Sub-folders of `projects/`, sorted; none when there is no such folder. */
async function projectFolders(folder: string, out: Diagnostic[]): Promise<string[]> {
  try {
    const entries = await readdir(join(folder, 'projects'), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') {
      out.push(error('unreadable-folder', `Cannot read the projects folder: ${describeError(e)}`, fileRange('projects')));
    }
    return [];
  }
}

/**
 * A file's text, `undefined` when it does not exist; a diagnostic when it exists but cannot be
 * read, is over the size limit or is not UTF-8 (src/roadmap/load.ts).
 */
async function readOptional(path: string, rel: string, out: Diagnostic[]): Promise<string | undefined> {
  try {
    await stat(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') out.push(error('unreadable-file', `Cannot read ${rel}: ${describeError(e)}`, fileRange(rel)));
    return undefined;
  }
  const read = await readSourceFile(path, rel);
  out.push(...read.diagnostics);
  return read.file?.text;
}

function errorCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
}
