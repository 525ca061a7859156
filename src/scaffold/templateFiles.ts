// Where a project's template is, reading it, and probing the target: on a local disk (file: URIs)
// with node's fs, elsewhere through workspace.fs, so scaffolding works in remote and virtual
// workspaces too. The local disk is asked directly because every workspace.fs call from the
// extension host first asks the window whether the scheme's provider is active, a round trip per
// call: a starter's listing, probe and reads cost tens of them, more than copying it does.
import * as vscode from 'vscode';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemplateLitter, type PathKind } from './plan';
import { parseSharedData } from './sharedData';
import { projectSegments } from '../roadmap/layout';
import { readBytes } from '../common/localFiles';

/** A project's starter template in a roadmap folder: `projects/<id>/template`. */
export function templateFolder(roadmapFolder: vscode.Uri, projectId: string): vscode.Uri {
  return vscode.Uri.joinPath(roadmapFolder, ...projectSegments(projectId, 'template'));
}

/** Relative paths of every file under a template folder (symlinks in the template are skipped). */
export async function listTemplate(root: vscode.Uri): Promise<string[]> {
  if (root.scheme === 'file') return listOnDisk(root.fsPath);
  const out: string[] = [];
  async function walk(dir: vscode.Uri, prefix: string): Promise<void> {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (isTemplateLitter(rel) || type & vscode.FileType.SymbolicLink) continue;
      if (type === vscode.FileType.Directory) await walk(vscode.Uri.joinPath(dir, name), rel);
      else if (type === vscode.FileType.File) out.push(rel);
    }
  }
  await walk(root, '');
  return out.sort();
}

/** listTemplate on a local disk: each folder's subfolders are read at once. */
async function listOnDisk(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const below: Promise<void>[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (isTemplateLitter(rel) || entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) below.push(walk(join(dir, entry.name), rel));
      else if (entry.isFile()) out.push(rel);
    }
    await Promise.all(below);
  }
  await walk(root, '');
  return out.sort();
}

/** What is at `path` on the local disk, as the editor's stat tells it (a symlink is a symlink, dangling or not). */
async function kindOnDisk(path: string): Promise<PathKind> {
  try {
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) return 'symlink';
    return stat.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * What is at `uri`: asked through `fs` when given (the lab's counted door), else of the local disk
 * directly for a file: URI (a workspace.fs call is a round trip to the window), else of the
 * editor's file system.
 */
export async function kindOf(uri: vscode.Uri, fs?: Pick<vscode.FileSystem, 'stat'>): Promise<PathKind> {
  if (!fs && uri.scheme === 'file') return kindOnDisk(uri.fsPath);
  try {
    const { type } = await (fs ?? vscode.workspace.fs).stat(uri);
    if (type & vscode.FileType.SymbolicLink) return 'symlink';
    return type & vscode.FileType.Directory ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** Stats every path the planner may ask about, so the planner itself stays synchronous and pure. */
export async function probeTarget(target: vscode.Uri, files: readonly string[]): Promise<Map<string, PathKind>> {
  const paths = new Set<string>();
  for (const f of files) {
    const segments = f.split('/');
    for (let i = 1; i <= segments.length; i++) paths.add(segments.slice(0, i).join('/'));
  }
  const kinds = new Map<string, PathKind>();
  await Promise.all([...paths].map(async (p) => kinds.set(p, await kindOf(vscode.Uri.joinPath(target, ...p.split('/'))))));
  return kinds;
}

/**
 * probeTarget for a scaffold's destination: on a local disk, one depth at a time, and only below
 * folders: what is under a missing path is missing, and under a file or a symlink the planner
 * needs no answer (a file on the way is a conflict, a symlink on the way is refused). A fresh
 * folder costs one check. Elsewhere, probeTarget.
 */
export async function probeDestination(target: vscode.Uri, files: readonly string[]): Promise<Map<string, PathKind>> {
  if (target.scheme !== 'file') return probeTarget(target, files);
  const levels: Set<string>[] = [];
  for (const f of files) {
    const segments = f.split('/');
    for (let i = 1; i <= segments.length; i++) (levels[i - 1] ??= new Set()).add(segments.slice(0, i).join('/'));
  }
  const kinds = new Map<string, PathKind>();
  for (const level of levels) {
    await Promise.all([...level].map(async (p) => {
      const slash = p.lastIndexOf('/');
      const parent = slash < 0 ? 'directory' : kinds.get(p.slice(0, slash));
      kinds.set(p, parent === 'directory' ? await kindOnDisk(join(target.fsPath, ...p.split('/'))) : 'missing');
    }));
  }
  return kinds;
}

/**
 * Every file of a project's starter, relative path → where to read it: the template's files and the
 * shared data it declares (sharedData.ts) from the extension's media/data/. Throws an Error saying
 * what is wrong when the declaration is broken or names a file the extension does not ship.
 */
export async function starterFiles(template: vscode.Uri, extensionUri: vscode.Uri): Promise<Map<string, vscode.Uri>> {
  const declaration = vscode.Uri.joinPath(template, '..', 'shared-data.json');
  const [listed, declared] = await Promise.all([listTemplate(template), sharedData(declaration, extensionUri)]);
  const out = new Map<string, vscode.Uri>();
  for (const rel of listed) out.set(rel, vscode.Uri.joinPath(template, ...rel.split('/')));
  for (const [destination, source] of declared) out.set(destination, source);
  return out;
}

/** The shared data a declaration names, destination → source in media/data/, in its order; none without one. */
async function sharedData(declaration: vscode.Uri, extensionUri: vscode.Uri): Promise<[string, vscode.Uri][]> {
  if ((await kindOf(declaration)) !== 'file') return [];
  const parsed = parseSharedData(new TextDecoder().decode(await readBytes(declaration)));
  if ('error' in parsed) throw new Error(parsed.error);
  const sources = parsed.files.map((f) => vscode.Uri.joinPath(extensionUri, 'media', 'data', f.name));
  const kinds = await Promise.all(sources.map((uri) => kindOf(uri)));
  const missing = parsed.files.find((_, i) => kinds[i] !== 'file');
  if (missing) throw new Error(vscode.l10n.t('the template needs media/data/{0}, which this copy of the extension does not have', missing.name));
  return parsed.files.map((f, i) => [f.destination, sources[i]]);
}
