// Progress set through the real commands shows in the tree's items; export → import round-trips.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes';
import { activeApi } from './util';
import { progressDialogs } from '../../src/progress/commands';

describe('progress in the real editor', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activeApi();
    await vscode.commands.executeCommand(Commands.resetAll, { confirmed: true });
  });
  after(() => vscode.commands.executeCommand(Commands.resetAll, { confirmed: true }));

  async function item(id: string): Promise<vscode.TreeItem> {
    const node = await api.tree.findById(id);
    assert.ok(node, `no tree node ${id}`);
    return api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
  }

  it('marks a topic done and the topic and its skill show it', async () => {
    const python = (await api.roadmap.get()).roadmap.skills[0];
    const topic = python.topics[0];
    assert.equal((await item(topic.id)).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    await vscode.commands.executeCommand(Commands.markDone, topic.id);
    assert.equal((await item(topic.id)).checkboxState, vscode.TreeItemCheckboxState.Checked);
    const total = python.topics.length + python.projects.length;
    const skill = await item(python.id);
    assert.equal(skill.description, `1/${total}`);
    assert.match((skill.tooltip as vscode.MarkdownString).value, new RegExp(`1 of ${total} done \\(${Math.floor(100 / total)}%\\)`));
  });

  it('ticks a skill when all its items are done, and unticks it with one', async () => {
    const math = (await api.roadmap.get()).roadmap.skills[1];
    await vscode.commands.executeCommand(Commands.markDone, math.id);
    assert.equal((await item(math.id)).checkboxState, vscode.TreeItemCheckboxState.Checked);
    await vscode.commands.executeCommand(Commands.markNotDone, math.projects[0].id);
    assert.equal((await item(math.id)).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
  });

  it('shows a personal note in the tooltip', async () => {
    const project = (await api.roadmap.get()).roadmap.skills[0].projects[0];
    await vscode.commands.executeCommand(Commands.editNote, project.id, 'use pathlib everywhere');
    const tooltip = (await item(project.id)).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /use pathlib everywhere/);
  });

  it('exports and imports progress exactly (replace)', async () => {
    const before = structuredClone(api.progress.current);
    assert.ok(Object.keys(before.items).length >= 3);
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'progress-export.json');
    await vscode.commands.executeCommand(Commands.exportProgress, file);
    await vscode.commands.executeCommand(Commands.resetAll, { confirmed: true });
    await vscode.commands.executeCommand(Commands.editNote, 'python-oop', 'temporary');
    const imported = await vscode.commands.executeCommand(Commands.importProgress, file, 'replace');
    assert.equal(imported, true);
    assert.deepEqual(api.progress.current, before);
  });

  it('rejects a bad progress file and leaves progress untouched', async () => {
    const before = structuredClone(api.progress.current);
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'bad.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{"format":"ml-roadmap-progress","version":1,"items":{"x":{"done":"maybe"}}}'));
    const imported = await vscode.commands.executeCommand(Commands.importProgress, file, 'merge');
    assert.equal(imported, false);
    assert.deepEqual(api.progress.current, before);
  });

  it('keeps progress of ids that vanish from the content', async () => {
    await vscode.commands.executeCommand(Commands.importProgress, await writeJson('vanished.json', {
      format: 'ml-roadmap-progress', version: 1, items: { 'a-topic-that-was-removed': { done: true } },
    }), 'merge');
    assert.equal(api.progress.current.items['a-topic-that-was-removed']?.done, true);
    const nodes: TreeNode[] = await api.tree.getChildren();
    assert.equal(nodes.length, 9);
  });

  it('opens the Import and Export dialogs in the workspace, where Export suggests its file', () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const { save, open } = progressDialogs();
    assert.equal(open.defaultUri?.toString(), folder.toString());
    assert.equal(save.defaultUri?.toString(), vscode.Uri.joinPath(folder, 'ml-roadmap-progress.json').toString());
  });

  // A view's "…" menu passes its own context object as the first argument, not a file.
  for (const command of [Commands.exportProgress, Commands.importProgress]) {
    it(`${command} from the view's menu asks for a file instead of failing on the menu's argument`, async () => {
      const closeDialog = setInterval(() => void vscode.commands.executeCommand('workbench.action.closeQuickOpen'), 400);
      try {
        await vscode.commands.executeCommand(command, { $treeViewId: 'mlRoadmap.tree' }, { $treeViewId: 'mlRoadmap.tree' });
      } finally {
        clearInterval(closeDialog);
      }
    });
  }
});

async function writeJson(name: string, value: unknown): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(value)));
  return uri;
}
