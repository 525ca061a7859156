// Scaffolding in the real editor: files land in the workspace, progress records it, a second
// scaffold lists conflicts and writes nothing unasked, a target that is a file says so, and a file
// that appears between planning and writing is never overwritten (on disk and on another file system).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import type { ScaffoldResult } from '../../src/scaffold/command';
import { activeApi, waitFor } from './util';

const TEMPLATES = path.resolve(__dirname, '../../../roadmap/projects');

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name === '__pycache__') return [];
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  }).sort();
}

/**
 * An in-memory file system in which some files "appear" the moment their absence is checked: the
 * stat that finds them missing creates them, as another program writing at that instant would.
 */
class RacyFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly folders = new Set<string>(['/']);
  constructor(private readonly appearOnCheck: ReadonlyMap<string, string>) {}
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if (this.folders.has(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const appearing = this.appearOnCheck.get(uri.path);
    if (appearing !== undefined && !this.files.has(uri.path)) this.files.set(uri.path, new TextEncoder().encode(appearing));
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const children = new Map<string, vscode.FileType>();
    for (const f of this.files.keys()) if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) children.set(f.slice(prefix.length), vscode.FileType.File);
    for (const d of this.folders) if (d.startsWith(prefix) && d !== prefix && !d.slice(prefix.length).includes('/')) children.set(d.slice(prefix.length), vscode.FileType.Directory);
    return [...children];
  }
  createDirectory(uri: vscode.Uri): void { this.folders.add(uri.path); }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    const parent = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
    if (!this.folders.has(parent)) throw vscode.FileSystemError.FileNotFound(parent);
    this.files.set(uri.path, content);
  }
  delete(uri: vscode.Uri): void { this.files.delete(uri.path); this.folders.delete(uri.path); }
  rename(): void { throw vscode.FileSystemError.NoPermissions('rename is not needed here'); }
}

/** Replaces `vscode.window.showErrorMessage` while a test runs, recording what it was asked to show. */
function recordErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const win = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = win.showErrorMessage;
  win.showErrorMessage = (message: unknown) => { messages.push(String(message)); return Promise.resolve(undefined); };
  return { messages, restore: () => { win.showErrorMessage = original; } };
}

describe('scaffold project in the real editor', () => {
  let api: ExtensionApi;
  const id = 'nn-from-scratch';
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  before(async () => { api = await activeApi(); });

  it('writes the whole template into a new folder and records it in progress', async () => {
    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'my-net', quiet: true });
    assert.ok(result, 'the command returned nothing');
    const expected = listFiles(path.join(TEMPLATES, id, 'template'));
    assert.deepEqual(listFiles(path.join(root().fsPath, 'my-net')), expected);
    assert.deepEqual([...result.written].sort(), expected);
    assert.ok(api.progress.current.items[id]?.scaffoldedAt, 'progress does not record the scaffold');
    assert.equal((await api.locations.find(id))?.toString(), result.target.toString(), 'the project\'s folder is not remembered');
    const node = await api.tree.findById(id);
    assert.match(String(api.tree.getTreeItem(node!).description), /scaffolded/);
  });

  it('a second scaffold into the same folder lists conflicts and writes nothing unasked', async () => {
    const target = path.join(root().fsPath, 'my-net');
    const readme = path.join(target, 'README.md');
    fs.writeFileSync(readme, 'my own notes');
    fs.rmSync(path.join(target, 'requirements.txt'));
    const cancelled = await vscode.commands.executeCommand<ScaffoldResult | undefined>(Commands.scaffoldProject, id, { folderName: 'my-net', quiet: true, onConflict: 'cancel' });
    assert.equal(cancelled, undefined);
    assert.equal(fs.readFileSync(readme, 'utf8'), 'my own notes');
    assert.equal(fs.existsSync(path.join(target, 'requirements.txt')), false, 'a missing file was written without being asked');

    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'my-net', quiet: true, onConflict: 'write-missing' });
    assert.deepEqual(result.written, ['requirements.txt']);
    assert.ok(result.skipped.includes('README.md'));
    assert.equal(fs.readFileSync(readme, 'utf8'), 'my own notes', 'an existing file was overwritten');
  });

  it('writing the missing files makes a missing folder beside the existing ones', async () => {
    const target = path.join(root().fsPath, 'my-net');
    const expected = listFiles(path.join(TEMPLATES, id, 'template'));
    const folder = expected.find((f) => f.includes('/'))?.split('/')[0];
    assert.ok(folder, 'the template has no folder to test with');
    fs.rmSync(path.join(target, folder), { recursive: true });
    const gone = expected.filter((f) => f.startsWith(`${folder}/`));
    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'my-net', quiet: true, onConflict: 'write-missing' });
    assert.deepEqual([...result.written].sort(), gone);
    assert.deepEqual(listFiles(target), expected);
    assert.equal(fs.readFileSync(path.join(target, 'README.md'), 'utf8'), 'my own notes', 'an existing file was overwritten');
  });

  it('refuses to write through a symlink that leads outside the target', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const target = path.join(root().fsPath, 'linked');
    fs.mkdirSync(target);
    // The template has a tests/ folder; make it a link to somewhere else.
    fs.symlinkSync(outside, path.join(target, 'tests'));
    const result = await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: 'linked', quiet: true });
    assert.equal(result, undefined);
    assert.deepEqual(fs.readdirSync(outside), [], 'something was written outside the target');
    assert.deepEqual(fs.readdirSync(target), ['tests'], 'a refused scaffold still wrote files');
  });

  it('refuses a symlink deep inside an existing target, and a file where a folder goes is left as it is', async () => {
    const deep = 'open-source-contribution';
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const target = path.join(root().fsPath, 'linked-deep');
    fs.mkdirSync(path.join(target, 'repo', '.github'), { recursive: true });
    fs.symlinkSync(outside, path.join(target, 'repo', '.github', 'workflows'));
    const errors = recordErrors();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(Commands.scaffoldProject, deep, { folderName: 'linked-deep', quiet: true, onConflict: 'write-missing' });
    } finally {
      errors.restore();
    }
    assert.equal(result, undefined);
    assert.deepEqual(fs.readdirSync(outside), [], 'something was written outside the target');
    assert.deepEqual(listFiles(target), ['repo/.github/workflows'], 'a refused scaffold still wrote files');
    assert.match(errors.messages.join(' | '), /"linked-deep\/repo\/\.github\/workflows" in the target is a symbolic link/);

    // A file where the template has a folder: everything below it is a conflict, the rest is written.
    fs.rmSync(path.join(target, 'repo'), { recursive: true });
    fs.writeFileSync(path.join(target, 'repo'), 'a file, not a folder');
    const written = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, deep, { folderName: 'linked-deep', quiet: true, onConflict: 'write-missing' });
    const expected = listFiles(path.join(TEMPLATES, deep, 'template'));
    assert.deepEqual([...written.written].sort(), expected.filter((f) => !f.startsWith('repo/')));
    assert.deepEqual([...written.skipped].sort(), expected.filter((f) => f.startsWith('repo/')));
    assert.equal(fs.readFileSync(path.join(target, 'repo'), 'utf8'), 'a file, not a folder');
  });

  it('a target that is an existing file gets its own message, and nothing is written', async () => {
    const file = path.join(root().fsPath, 'taken');
    fs.writeFileSync(file, 'a file, not a folder');
    const errors = recordErrors();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: 'taken', quiet: true, onConflict: 'cancel' });
    } finally {
      errors.restore();
    }
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(file, 'utf8'), 'a file, not a folder');
    assert.equal(errors.messages.length, 1, `messages: ${errors.messages.join(' | ')}`);
    assert.match(errors.messages[0], /"taken" is an existing file, not a folder.*Nothing was written/);
  });

  it('refuses a folder name that Windows cannot hold, before writing anything', async () => {
    const errors = recordErrors();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: 'net:v2', quiet: true });
    } finally {
      errors.restore();
    }
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(path.join(root().fsPath, 'net:v2')), false, 'the folder was created');
    assert.match(errors.messages.join(' | '), /"net:v2" contains ":", which Windows does not allow/);
  });

  it('leaves a file that appears between planning and writing as it is, on another file system too', async () => {
    const scheme = 'mlr-racy';
    const racy = new RacyFileSystem(new Map([['/ws/net/README.md', 'written by someone else just now']]));
    racy.folders.add('/ws');
    const registration = vscode.workspace.registerFileSystemProvider(scheme, racy);
    try {
      const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, {
        workspaceFolder: vscode.Uri.from({ scheme, path: '/ws' }), folderName: 'net', quiet: true, onConflict: 'cancel',
      });
      assert.ok(result, 'the scaffold did not finish');
      assert.equal(new TextDecoder().decode(racy.files.get('/ws/net/README.md')), 'written by someone else just now', 'the file that appeared was overwritten');
      assert.ok(result.skipped.includes('README.md'), `README.md is not reported as left alone: ${result.skipped.join(', ')}`);
      assert.ok(!result.written.includes('README.md'));
      const expected = listFiles(path.join(TEMPLATES, id, 'template')).filter((f) => f !== 'README.md');
      assert.deepEqual([...result.written].sort(), expected);
    } finally {
      registration.dispose();
    }
  });
});

describe('scaffold from a custom roadmap whose template changes', () => {
  let api: ExtensionApi;
  const id = 'nn-from-scratch';
  const config = () => vscode.workspace.getConfiguration('mlRoadmap');
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  let roadmapCopy: string;
  let template: string;

  before(async () => {
    api = await activeApi();
    const builtIn = path.resolve(__dirname, '../../../roadmap');
    roadmapCopy = path.join(root().fsPath, 'teacher-templates');
    for (const name of fs.readdirSync(builtIn).filter((n) => n.endsWith('.md'))) fs.cpSync(path.join(builtIn, name), path.join(roadmapCopy, name));
    template = path.join(roadmapCopy, 'projects', id, 'template');
    fs.cpSync(path.join(builtIn, 'projects', id, 'template'), template, { recursive: true });
    await config().update('customRoadmapFolder', 'teacher-templates', vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => ((await api.roadmap.get()).folder.fsPath === roadmapCopy ? true : undefined), 'the custom roadmap to load');
  });
  after(async () => {
    await config().update('customRoadmapFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => ((await api.roadmap.get()).builtIn ? true : undefined), 'the built-in roadmap to come back');
  });

  it('each scaffold writes the template as it is then: files added and removed, shared data declared, never litter or symlinks', async () => {
    const first = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'teacher-1', quiet: true });
    assert.ok(first, 'the first scaffold did not finish');
    const before = listFiles(template);
    assert.deepEqual(listFiles(path.join(root().fsPath, 'teacher-1')), before);

    // The teacher edits the template (no markdown changes, so no reload) between two scaffolds.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the starter');
    const removed = before.find((f) => !f.includes('/') && f !== 'README.md')!;
    fs.rmSync(path.join(template, removed));
    fs.mkdirSync(path.join(template, 'notes', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(template, 'notes', 'deep', 'week1.md'), '# Week 1\n');
    fs.writeFileSync(path.join(template, 'extra.py'), 'x = 1\n');
    fs.mkdirSync(path.join(template, 'notes', '__pycache__'));
    fs.writeFileSync(path.join(template, 'notes', '__pycache__', 'week1.cpython-311.pyc'), 'litter');
    fs.writeFileSync(path.join(template, 'extra.pyc'), 'litter');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(template, 'linked.txt'));
    fs.symlinkSync(outside, path.join(template, 'linked-folder'));
    fs.writeFileSync(path.join(roadmapCopy, 'projects', id, 'shared-data.json'), JSON.stringify({ 'data/heldout.bin': 'mnist-heldout.bin' }));

    const second = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'teacher-2', quiet: true });
    assert.ok(second, 'the second scaffold did not finish');
    const expected = [...before.filter((f) => f !== removed), 'notes/deep/week1.md', 'extra.py', 'data/heldout.bin'].sort();
    const target = path.join(root().fsPath, 'teacher-2');
    assert.deepEqual(listFiles(target), expected);
    assert.deepEqual([...second.written].sort(), expected);
    const media = path.resolve(__dirname, '../../../media/data/mnist-heldout.bin');
    assert.ok(fs.readFileSync(path.join(target, 'data/heldout.bin')).equals(fs.readFileSync(media)), 'the shared data is not the extension\'s file');
    assert.ok(fs.lstatSync(path.join(target, 'extra.py')).isFile());

    // A declaration that names a file the extension does not ship stops the scaffold before anything is written.
    fs.writeFileSync(path.join(roadmapCopy, 'projects', id, 'shared-data.json'), JSON.stringify({ 'data/x.bin': 'no-such-file.bin' }));
    const errors = recordErrors();
    let third: unknown;
    try {
      third = await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: 'teacher-3', quiet: true });
    } finally {
      errors.restore();
    }
    assert.equal(third, undefined);
    assert.equal(fs.existsSync(path.join(root().fsPath, 'teacher-3')), false, 'something was written');
    assert.match(errors.messages.join(' | '), /media\/data\/no-such-file\.bin/);
  });
});
