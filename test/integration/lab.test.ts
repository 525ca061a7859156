// The project lab in the real editor: scaffold a project, run its checks with Debian's Python
// (every milestone fails, with its messages), copy the reference solution in, run again (all
// pass) and the project is ticked in the tree. Also: a Python without pytest is named plainly, and
// with no interpreter set the lab finds one that has the packages, past a python3 on PATH without them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import type { LabController } from '../../src/lab/labController';
import { activeApi, waitFor } from './util';

const PROJECTS = path.resolve(__dirname, '../../../roadmap/projects');
const DEBIAN_PYTHON = '/usr/bin/python3';
const ID = 'probability-distributions';

describe('project lab in the real editor', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let lab: LabController;
  const config = () => vscode.workspace.getConfiguration('mlRoadmap');

  before(async function () {
    api = await activeApi();
    await vscode.commands.executeCommand(Commands.scaffoldProject, ID, { folderName: ID, quiet: true });
    lab = (await api.labs.controller(ID))!;
    assert.ok(lab);
  });
  after(async () => {
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('names a Python without pytest as the problem, instead of reporting 0 tests', async () => {
    // A Python that cannot see its site-packages: pytest and numpy are "missing".
    const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'py-')), 'python-without-site');
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${DEBIAN_PYTHON} -S "$@"\n`, { mode: 0o755 });
    await config().update('pythonPath', wrapper, vscode.ConfigurationTarget.Workspace);
    await lab.run();
    const state = await lab.state();
    assert.ok(state.environment, 'no environment problem reported');
    assert.match(state.environment.problem, /missing pytest/);
    assert.match(state.environment.installCommand ?? '', /-m pip install/);
    assert.ok(state.milestones.every((m) => m.status === 'not-run'), 'milestones were marked as if checked');
  });

  it('runs every milestone on the untouched starter: all fail, each with its expectation and message', async () => {
    await config().update('pythonPath', DEBIAN_PYTHON, vscode.ConfigurationTarget.Workspace);
    await lab.run();
    const state = await lab.state();
    assert.equal(state.environment, undefined, state.environment?.problem);
    assert.ok(state.milestones.length >= 3);
    for (const m of state.milestones) {
      assert.equal(m.status, 'failed', `${m.id}: ${m.status} ${m.headline ?? ''}`);
      assert.ok(m.failures.length > 0, `${m.id} has no failures listed`);
      assert.match(m.failures[0].name, /^tests\/test_\w+\.py::/);
      assert.ok(m.failures[0].message.length > 0, `${m.id}: empty failure message`);
      assert.equal(m.hints.length, Math.min(1, m.hintsTotal), 'one hint unlocks after a failed run');
    }
    assert.equal(api.progress.current.items[ID]?.done, undefined);
  });

  it('links the places a failure names, the learner\'s raising line first, and opens them beside the lab at that line', async () => {
    const state = await lab.state();
    const failure = state.milestones.flatMap((m) => m.failures).find((f) => f.locations?.length);
    assert.ok(failure, `no failure names a place: ${JSON.stringify(state.milestones[0]?.failures[0])}`);
    const first = failure.locations![0];
    assert.doesNotMatch(first.path, /^tests\//, `the first link is not the learner's own line: ${JSON.stringify(failure.locations)}`);
    assert.match(failure.testFile?.path ?? '', /^tests\/test_\w+\.py$/);
    const panel = (await api.labs.open(ID))!;
    const receive = (m: unknown) => (panel as unknown as { receive(message: unknown): Promise<void> }).receive(m);
    try {
      await receive({ type: 'openFile', path: first.path, line: first.line });
      const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(first.path) ? vscode.window.activeTextEditor : undefined), `${first.path} to open`);
      assert.equal(editor.selection.active.line, first.line - 1, 'not opened at the failing line');
      assert.notEqual(editor.viewColumn, panel.panel.viewColumn, 'the file opened over the lab');
      assert.equal(panel.panel.visible, true, 'the lab is hidden behind the file');
      // The failed test's name opens its test file, which the lab does not otherwise offer.
      await receive({ type: 'openFile', path: failure.testFile!.path, ...(failure.testFile!.line ? { line: failure.testFile!.line } : {}) });
      await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(failure.testFile!.path) ? true : undefined), 'the test file to open');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('after Mark Done by Hand shows the last failures as older, and the tree counts the tick against the total', async () => {
    const m = (await lab.state()).milestones[0];
    assert.equal(m.status, 'failed');
    assert.equal(m.failuresBeforeManual, undefined, 'failures shown as older before any tick');
    await lab.markManual(m.id, true);
    try {
      const after = (await lab.state()).milestones[0];
      assert.equal(after.failuresBeforeManual, true, 'the failures are not shown as from before the tick');
      const node = (await api.tree.findById(ID))!;
      for (const skill of await api.tree.getChildren(undefined)) await api.tree.getChildren(skill);
      const total = (await lab.state()).milestones.length;
      assert.equal(String(api.tree.getTreeItem(node).description), `project · scaffolded · 1 of ${total} milestones (1 by hand)`);
    } finally {
      await lab.markManual(m.id, false);
    }
    assert.equal((await lab.state()).milestones[0].failuresBeforeManual, undefined, 'still shown as older after the untick');
  });

  it('with no interpreter chosen, passes over a python3 on PATH that lacks the packages and says which it used', async () => {
    // python3 and python first on PATH cannot see the system's packages (no numpy, no pytest).
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'py-path-'));
    for (const name of ['python3', 'python']) fs.writeFileSync(path.join(bin, name), `#!/bin/sh\nexec ${DEBIAN_PYTHON} -S "$@"\n`, { mode: 0o755 });
    const before = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${before ?? ''}`;
    try {
      await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
      assert.equal(config().get('pythonPath'), '', 'a pythonPath setting is still set');
      await lab.run();
      const state = await lab.state();
      assert.equal(state.environment, undefined, state.environment?.problem);
      assert.ok(state.milestones.every((m) => m.status === 'failed'), state.milestones.map((m) => `${m.id}: ${m.status}`).join(', '));
      assert.match(state.interpreter?.reason ?? '', /^Using \/usr\/bin\/python3: it has pytest, numpy, scipy, matplotlib; python3 on PATH lacks pytest, numpy, scipy, matplotlib; python on PATH lacks /);
    } finally {
      process.env.PATH = before;
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('passes every milestone with the reference solution and ticks the project in the tree', async () => {
    const target = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID);
    fs.cpSync(path.join(PROJECTS, ID, 'solution'), target, { recursive: true });
    await lab.run();
    const state = await lab.state();
    for (const m of state.milestones) assert.equal(m.status, 'passed', `${m.id}: ${m.headline ?? ''} ${m.failures.map((f) => f.message).join(' | ')}`);
    assert.equal(state.done, true);
    const node = await api.tree.findById(ID);
    assert.equal(api.tree.getTreeItem(node!).checkboxState, vscode.TreeItemCheckboxState.Checked);
  });

  it('opens Compare with Reference and a file button beside the lab, not over it', async () => {
    const first = (await lab.state()).milestones.find((m) => m.compare.length)!;
    const panel = (await api.labs.open(ID))!;
    const receive = (m: unknown) => (panel as unknown as { receive(message: unknown): Promise<void> }).receive(m);
    try {
      await receive({ type: 'compare', milestoneId: first.id });
      const diff = await waitForTab(`${first.compare[0]}: reference`);
      assert.ok(diff, 'no diff tab opened');
      assert.notEqual(diff.group.viewColumn, panel.panel.viewColumn, 'the diff opened over the lab');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const again = (await api.labs.open(ID))!;
      await (again as unknown as { receive(message: unknown): Promise<void> }).receive({ type: 'openFile', path: first.compare[0] });
      const file = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath.endsWith(first.compare[0])), 'the file to open');
      assert.notEqual(file.group.viewColumn, again.panel.viewColumn, 'the file opened over the lab');
      assert.equal(again.panel.visible, true, 'the lab is hidden behind the file');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('compares a passed milestone with the reference solution in the diff editor', async () => {
    const first = (await lab.state()).milestones.find((m) => m.compare.length)!;
    await lab.compare(first.id);
    const tab = await waitForTab(first.compare[0]);
    assert.ok(tab, 'no diff tab opened');
    assert.ok(tab.input instanceof vscode.TabInputTextDiff, 'the tab is not a diff');
    const { original, modified } = tab.input;
    // The reference on the left, read-only; the learner's own file on the right.
    assert.match(original.path, /\/roadmap\/projects\/probability-distributions\/solution\//);
    assert.equal(original.scheme, 'ml-roadmap-reference');
    assert.equal(modified.scheme, 'file');
    assert.ok(modified.path.includes(`/${ID}/`), modified.path);
    const reference = await vscode.workspace.openTextDocument(original);
    assert.match(reference.getText(), /\S/, 'the reference side is empty');
    // A learner who types into the reference side and presses Ctrl+S changes nothing on disk.
    const onDisk = vscode.Uri.file(original.path);
    const before = await vscode.workspace.fs.readFile(onDisk);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(original, new vscode.Position(0, 0), '# changed by a learner\n');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await reference.save(), false, 'the reference solution could be saved');
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem(original.scheme), true);
    assert.deepEqual(await vscode.workspace.fs.readFile(onDisk), before, 'the reference solution on disk changed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('re-runs an open lab when a project file is saved, if the setting is on', async () => {
    await config().update('lab.runOnSave', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand(Commands.openLab, ID);
      const before = api.labs.results.get(ID).milestones;
      const ranAt = Object.values(before)[0].ranAt;
      const file = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID, 'probdist', 'samplers.py'));
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# saved from the test\n'));
      await doc.save();
      for (let i = 0; i < 200 && Object.values(api.labs.results.get(ID).milestones)[0].ranAt === ranAt; i++) await new Promise((r) => setTimeout(r, 100));
      assert.notEqual(Object.values(api.labs.results.get(ID).milestones)[0].ranAt, ranAt, 'saving did not re-run the checks');
    } finally {
      await config().update('lab.runOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('keeps the last results for a reopened lab', async () => {
    const fresh = api.labs.results.get(ID);
    assert.ok(Object.values(fresh.milestones).every((r) => r.status === 'passed'));
  });

  it('marks a milestone done by hand, distinct from passed, and shows it in the tree', async () => {
    const other = 'nn-from-scratch';
    await vscode.commands.executeCommand(Commands.scaffoldProject, other, { folderName: other, quiet: true });
    const c = (await api.labs.controller(other))!;
    const first = (await c.state()).milestones[0];
    await c.markManual(first.id, true);
    const m = (await c.state()).milestones[0];
    assert.equal(m.manual, true);
    assert.equal(m.status, 'not-run');
    assert.equal(api.progress.current.items[other]?.milestones?.[first.id], 'manual');
    const node = await api.tree.findById(other);
    for (const skill of await api.tree.getChildren(undefined)) await api.tree.getChildren(skill);
    assert.match(String(api.tree.getTreeItem(node!).description), /1 of \d+ milestones \(1 by hand\)/);
  });

  it('links a project to its demo in the gallery', async () => {
    const c = (await api.labs.controller('optimization-visualizer'))!;
    assert.deepEqual((await c.state()).relatedDemo, { id: 'optim', title: 'Optimizers' });
    assert.equal((await lab.state()).relatedDemo, undefined);
  });

  it('warns when the tests were edited, shows the changes, and restores the originals keeping the edited copy', async () => {
    assert.equal((await lab.state()).testDrift, undefined, 'an untouched project reported edited tests');
    const project = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID);
    const template = path.join(PROJECTS, ID, 'template');
    const [edited, deleted] = fs.readdirSync(path.join(template, 'tests')).filter((f) => f.startsWith('test_')).sort().map((f) => `tests/${f}`);
    const weakened = 'def test_everything():\n    assert True\n';
    // Edited and saved, and deleted, in the editor: the lab hears of both.
    const doc = await vscode.workspace.openTextDocument(path.join(project, edited));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), weakened);
    edit.deleteFile(vscode.Uri.file(path.join(project, deleted)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    await waitFor(async () => ((await lab.state()).testDrift?.missing.length ? true : undefined), 'the lab to notice the deleted test');
    assert.deepEqual((await lab.state()).testDrift, { changed: [edited], missing: [deleted] });

    await lab.showTestChanges();
    const tab = await waitForTab(`${edited}: original`);
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'no diff of the edited test opened');
    assert.match((tab.input).original.path, /\/roadmap\/projects\/probability-distributions\/template\/tests\//);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    assert.deepEqual(await lab.restoreTests(true), [edited, deleted]);
    for (const f of [edited, deleted]) assert.equal(fs.readFileSync(path.join(project, f), 'utf8'), fs.readFileSync(path.join(template, f), 'utf8'));
    assert.equal(fs.readFileSync(path.join(project, `${edited}.edited`), 'utf8'), weakened, 'the edited copy was not kept');
    assert.equal((await lab.state()).testDrift, undefined);
  });

  it('scaffolding a project whose folder already exists offers Open Lab and Reveal Folder, and Open Lab opens it', async () => {
    const win = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = win.showWarningMessage;
    let offered: unknown[] = [];
    win.showWarningMessage = (...args: unknown[]) => { offered = args.slice(2); return Promise.resolve('Open Lab'); };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await vscode.commands.executeCommand(Commands.scaffoldProject, ID, { folderName: ID });
    } finally {
      win.showWarningMessage = original;
    }
    assert.ok(offered.includes('Open Lab') && offered.includes('Reveal Folder'), `offered: ${offered.join(', ')}`);
    assert.ok(await waitFor(() => (api.labs.panels.has(ID) ? true : undefined), 'the lab to open'));
    assert.equal((await lab.folder())?.fsPath, path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the lab panel for a project', async () => {
    await vscode.commands.executeCommand(Commands.openLab, ID);
    const tab = await waitForTab(`Lab: `);
    assert.ok(tab, 'no lab tab opened');
  });
  it('starts a project over: the old folder kept whole, a fresh starter in its place, ticks and results cleared', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const project = path.join(root, ID);
    const template = path.join(PROJECTS, ID, 'template');
    fs.writeFileSync(path.join(project, 'my-notes.txt'), 'mine');
    const solved = fs.readFileSync(path.join(project, 'probdist/samplers.py'), 'utf8');
    assert.notEqual(solved, fs.readFileSync(path.join(template, 'probdist/samplers.py'), 'utf8'));
    assert.equal(api.progress.current.items[ID]?.done, true);
    // The learner has the file open, with an unsaved change.
    const openFile = vscode.Uri.file(path.join(project, 'probdist/samplers.py'));
    const editor = await vscode.window.showTextDocument(openFile, { preview: false });
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# unsaved\n'));

    const result = await vscode.commands.executeCommand<{ kept: vscode.Uri; written: string[] }>(Commands.resetProject, ID, { confirmed: true });
    assert.ok(result, 'the command did not start over');
    assert.match(path.basename(result.kept.fsPath), new RegExp(`^${ID}-before-reset-\\d{4}-\\d{2}-\\d{2}-\\d{4}$`));
    assert.equal(fs.readFileSync(path.join(result.kept.fsPath, 'my-notes.txt'), 'utf8'), 'mine');
    // The unsaved edit was saved into the kept copy, and the open tab now shows the fresh file.
    assert.equal(fs.readFileSync(path.join(result.kept.fsPath, 'probdist/samplers.py'), 'utf8'), `# unsaved\n${solved}`);
    let tabs: string[] = [];
    for (let i = 0; i < 50; i++) {
      tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.fsPath : '')).filter(Boolean);
      if (tabs.includes(openFile.fsPath)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(tabs.includes(openFile.fsPath), `the tab is not on the fresh file: ${tabs.join(', ')}`);
    assert.deepEqual(tabs.filter((t) => t.startsWith(result.kept.fsPath)), [], 'a tab still shows the kept copy');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const files = (dir: string): string[] => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile() && !/__pycache__|\.pytest_cache/.test(f)).sort();
    assert.deepEqual(files(project), files(template));
    assert.equal(fs.readFileSync(path.join(project, 'probdist/samplers.py'), 'utf8'), fs.readFileSync(path.join(template, 'probdist/samplers.py'), 'utf8'));
    assert.equal(api.progress.current.items[ID]?.done, undefined);
    assert.equal(api.progress.current.items[ID]?.milestones, undefined);
    assert.deepEqual(api.labs.results.get(ID).milestones, {});
    assert.ok((await lab.state()).milestones.every((m) => m.status === 'not-run'));
  });
  it('will not start over a project that is the open workspace folder itself, and changes nothing', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const before = fs.readdirSync(root.fsPath).sort();
    const other = 'optimization-visualizer';
    await api.locations.remember(other, root);
    try {
      const result = await vscode.commands.executeCommand(Commands.resetProject, other, { confirmed: true });
      assert.equal(result, undefined);
      assert.deepEqual(fs.readdirSync(root.fsPath).sort(), before, 'the workspace folder changed');
    } finally {
      await api.locations.remember(other, vscode.Uri.joinPath(root, other));
    }
  });
});

async function waitForTab(prefix: string): Promise<vscode.Tab | undefined> {
  for (let i = 0; i < 100; i++) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith(prefix));
    if (tab) return tab;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}