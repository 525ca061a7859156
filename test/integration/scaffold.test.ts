// Scaffolding in the real editor: files land in the workspace through workspace.fs, progress
// records it, and a second scaffold lists conflicts and writes nothing unasked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import type { ScaffoldResult } from '../../src/scaffold/command';
import { activeApi } from './util';

const TEMPLATES = path.resolve(__dirname, '../../../roadmap/projects');

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name === '__pycache__') return [];
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  }).sort();
}

describe('scaffold project in the real editor', () => {
  let api: ExtensionApi;
  const id = 'nn-from-scratch';
  const root = () => vscode.workspace.workspaceFolders![0]!.uri;

  before(async () => { api = await activeApi(); });

  it('writes the whole template into a new folder and records it in progress', async () => {
    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, id, { folderName: 'my-net', quiet: true });
    assert.ok(result, 'the command returned nothing');
    const expected = listFiles(path.join(TEMPLATES, id, 'template'));
    assert.deepEqual(listFiles(path.join(root().fsPath, 'my-net')), expected);
    assert.deepEqual([...result.written].sort(), expected);
    assert.ok(api.progress.current.items[id]?.scaffoldedAt, 'progress does not record the scaffold');
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

  it('refuses to write through a symlink that leads outside the target', async () => {
    const outside = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'outside-'));
    const target = path.join(root().fsPath, 'linked');
    fs.mkdirSync(target);
    // The template has a tests/ folder; make it a link to somewhere else.
    fs.symlinkSync(outside, path.join(target, 'tests'));
    const result = await vscode.commands.executeCommand(Commands.scaffoldProject, id, { folderName: 'linked', quiet: true });
    assert.equal(result, undefined);
    assert.deepEqual(fs.readdirSync(outside), [], 'something was written outside the target');
    assert.deepEqual(fs.readdirSync(target), ['tests'], 'a refused scaffold still wrote files');
  });
});
