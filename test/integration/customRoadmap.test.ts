// A teacher's own roadmap: the setting points at a folder in the workspace, the tree shows it and
// the Problems panel holds its diagnostics, updating as its files are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activeApi, waitFor } from './util';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/roadmaps');

describe('custom roadmap folder', () => {
  let api: ExtensionApi;
  let folder: vscode.Uri;
  const config = () => vscode.workspace.getConfiguration('mlRoadmap');

  before(async () => {
    api = await activeApi();
    // Copy the broken fixture into the workspace so the test can edit it.
    const root = vscode.workspace.workspaceFolders![0].uri;
    folder = vscode.Uri.joinPath(root, 'teacher-roadmap');
    fs.cpSync(path.join(FIXTURES, 'custom-broken'), folder.fsPath, { recursive: true });
  });
  after(async () => {
    await config().update('customRoadmapFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => ((await api.roadmap.get()).builtIn ? true : undefined), 'the built-in roadmap to come back');
  });

  it('shows the custom roadmap in the tree and its errors in the Problems panel', async () => {
    await config().update('customRoadmapFolder', 'teacher-roadmap', vscode.ConfigurationTarget.Workspace);
    const loaded = await waitFor(async () => {
      const l = await api.roadmap.get();
      return l.builtIn ? undefined : l;
    }, 'the custom roadmap to load');
    assert.equal(loaded.source, 'parsed');
    const skills = await api.tree.getChildren();
    assert.deepEqual(skills.map((s) => (s.kind === 'skill' ? s.id : s.kind)), loaded.roadmap.skills.map((s) => s.id));
    assert.ok(skills.length >= 1 && skills.every((s) => s.kind === 'skill' && s.id.startsWith('t-')), 'tree shows the fixture skills');
    const problems = await waitFor(() => {
      const all = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.startsWith(folder.fsPath));
      const flat = all.flatMap(([, ds]) => ds);
      return flat.length ? flat : undefined;
    }, 'diagnostics in the Problems panel');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'duplicate-id');
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
  });

  it('clears the problem once the file is fixed and saved', async () => {
    // Replace the fixture with the valid custom roadmap.
    for (const name of fs.readdirSync(folder.fsPath)) fs.rmSync(path.join(folder.fsPath, name), { recursive: true });
    fs.cpSync(path.join(FIXTURES, 'custom'), folder.fsPath, { recursive: true });
    await waitFor(() => {
      const left = vscode.languages.getDiagnostics().filter(([uri, ds]) => uri.fsPath.startsWith(folder.fsPath) && ds.length);
      return left.length === 0 ? true : undefined;
    }, 'the diagnostics to clear');
  });

  it('a file that is not UTF-8 is one diagnostic; the other files still load (parsed in the worker)', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const bad = path.join(root, 'teacher-latin1');
    fs.cpSync(path.join(FIXTURES, 'custom'), bad, { recursive: true });
    fs.writeFileSync(path.join(bad, '09-t-latin1.md'), Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' {#t-cafe}\n\nDuration: 1 week\n\nAbout.\n')]));
    await config().update('customRoadmapFolder', 'teacher-latin1', vscode.ConfigurationTarget.Workspace);
    const loaded = await waitFor(async () => {
      const l = await api.roadmap.get();
      return l.folder.fsPath === bad ? l : undefined;
    }, 'the roadmap with a latin-1 file to load');
    assert.deepEqual(loaded.diagnostics.map((d) => [d.code, d.range.file, d.range.line]), [['invalid-utf8', '09-t-latin1.md', 1]]);
    assert.ok(loaded.roadmap.skills.some((s) => s.id === 't-cafe') && loaded.roadmap.skills.length >= 2, 'every file loaded');
  });

  it('an open lab follows the roadmap to a custom folder that has its project', async () => {
    const builtIn = path.resolve(__dirname, '../../../roadmap');
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const copy = path.join(root, 'teacher-copy');
    for (const name of fs.readdirSync(builtIn).filter((n) => n.endsWith('.md'))) fs.cpSync(path.join(builtIn, name), path.join(copy, name));
    const milestones = fs.readFileSync(path.join(builtIn, 'projects/nn-from-scratch/milestones.md'), 'utf8').replace('## Activations {#activations}', '## The teacher\'s first step {#activations}');
    fs.mkdirSync(path.join(copy, 'projects/nn-from-scratch'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'projects/nn-from-scratch/milestones.md'), milestones);
    await config().update('customRoadmapFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => ((await api.roadmap.get()).builtIn ? true : undefined), 'the built-in roadmap');

    await vscode.commands.executeCommand('mlRoadmap.openLab', 'nn-from-scratch');
    const lab = (await api.labs.controller('nn-from-scratch'))!;
    assert.equal((await lab.state()).milestones[0].title, 'Activations');
    try {
      await config().update('customRoadmapFolder', 'teacher-copy', vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => ((await lab.state()).milestones[0].title === 'The teacher\'s first step' ? true : undefined), 'the open lab to show the custom milestones');
      assert.equal(await api.labs.controller('nn-from-scratch'), lab, 'the open lab lost its controller');

      // The roadmap service reads a project's milestones once per load: an edit on disk shows after a reload (Refresh).
      fs.writeFileSync(path.join(copy, 'projects/nn-from-scratch/milestones.md'), milestones.replace('The teacher\'s first step', 'The teacher\'s second try'));
      const title = async (): Promise<string | undefined> => (await api.roadmap.milestones('nn-from-scratch'))[0]?.milestone.title;
      assert.equal(await title(), 'The teacher\'s first step', 'read again before a reload');
      await api.roadmap.reload();
      assert.equal(await title(), 'The teacher\'s second try');
      assert.deepEqual(await api.roadmap.milestones('no-such-project'), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
