// The open lab redraws on every progress change (a ticked topic, a milestone marked by hand): it
// must read or stat no file then (every file the labs touch goes through one counted door). The test files are compared with the template's again only when the
// editor says one changed (saved, created, deleted), so an edit on disk the editor did not make
// shows once a test file is saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import { activeApi, waitFor } from './util';
import { hasDrift } from '../../src/checks/testIntegrity';

const ID = 'anomaly-detection';
const TICKS = 5;

describe('project lab: a progress change touches nothing on disk', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let project: string;
  let topic: string;
  let topicWasDone: boolean;

  before(async () => {
    api = await activeApi();
    await vscode.commands.executeCommand(Commands.scaffoldProject, ID, { folderName: ID, quiet: true });
    project = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ID);
    const { roadmap } = await api.roadmap.get();
    // A topic other tests leave alone, put back as it was afterwards.
    topic = roadmap.skills.at(-1)!.topics.at(-1)!.id;
    topicWasDone = api.progress.current.items[topic]?.done === true;
  });
  after(async () => {
    await vscode.commands.executeCommand(topicWasDone ? Commands.markDone : Commands.markNotDone, topic);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens the lab and waits until it has drawn the project once. */
  async function openLab(): Promise<{ states: () => number; settled: () => Promise<unknown> }> {
    const panel = (await api.labs.open(ID))!;
    const lab = (await api.labs.controller(ID))!;
    // What the panel does on each change: ask for the state. Count and await those redraws.
    const pending: Promise<unknown>[] = [];
    const listener = lab.onDidChange(() => { pending.push(lab.state()); });
    panel.onDidDispose(() => { listener.dispose(); });
    await lab.state();
    // The first look: the folder, the template's tests compared with the project's.
    await lab.testDrift();
    return { states: () => pending.length, settled: async (): Promise<void> => { await Promise.all(pending); } };
  }

  it('ticking a topic or marking a milestone by hand, with the lab open, reads or stats no file', async () => {
    const lab = await openLab();
    const controller = (await api.labs.controller(ID))!;
    const milestone = (await controller.state()).milestones[0];
    const before = api.labs.reads.count;
    for (let i = 0; i < TICKS; i++) {
      await vscode.commands.executeCommand(Commands.markDone, topic);
      await vscode.commands.executeCommand(Commands.markNotDone, topic);
      await controller.markManual(milestone.id, i % 2 === 0);
    }
    await lab.settled();
    assert.ok(lab.states() >= 3 * TICKS, `the lab redrew only ${lab.states()} times`);
    assert.equal(api.labs.reads.count - before, 0, 'the lab read or stat\'ed files on a progress change');
    await controller.markManual(milestone.id, false);
  });

  it('compares the tests with the template again when a test file is saved, not on a tick', async () => {
    await openLab();
    const controller = (await api.labs.controller(ID))!;
    assert.equal(hasDrift(await controller.testDrift()), false, 'an untouched project reported edited tests');
    assert.equal((await controller.state()).testDrift, undefined);
    const edited = fs.readdirSync(path.join(project, 'tests')).filter((f) => f.startsWith('test_')).sort()[0];
    const file = path.join(project, 'tests', edited);
    // Changed on disk behind the editor's back: a tick does not notice it.
    fs.writeFileSync(file, 'def test_everything():\n    assert True\n');
    await vscode.commands.executeCommand(Commands.markDone, topic);
    assert.equal((await controller.state()).testDrift, undefined, 'a tick compared the tests again');
    // Saved in the editor: the lab warns that the tests were edited.
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# weakened\n'));
    await doc.save();
    const drift = await waitFor(async () => (await controller.state()).testDrift, 'the lab to notice the edited test');
    assert.deepEqual(drift, { changed: [`tests/${edited}`], missing: [] });
    assert.deepEqual(await controller.restoreTests(true), [`tests/${edited}`]);
    assert.equal((await controller.state()).testDrift, undefined);
  });

  it('notices the project folder moved away outside the editor, and back', async () => {
    await openLab();
    const controller = (await api.labs.controller(ID))!;
    assert.ok((await controller.state()).folder, 'the scaffolded project has no folder');
    const aside = `${project}-aside`;
    fs.renameSync(project, aside);
    try {
      await waitFor(async () => ((await controller.state()).folder === undefined ? true : undefined), 'the lab to notice the folder is gone');
    } finally {
      fs.renameSync(aside, project);
    }
    // Back where it was: the next run looks it up again.
    assert.equal((await controller.folder())?.fsPath, project);
    assert.ok((await controller.state()).folder);
  });

  it('watches the workspace for deletions only while a lab is open', async () => {
    for (const open of [...api.labs.panels.values()]) open.dispose();
    assert.equal(api.labs.watchingDeletions, false, 'a deletion watcher with no lab open');
    await openLab();
    assert.ok(api.labs.watchingDeletions, 'no deletion watcher with a lab open');
    api.labs.panels.get(ID)!.dispose();
    assert.equal(api.labs.watchingDeletions, false, 'the deletion watcher outlived the last lab');
  });
});
