// Topics say what they are, in the real editor: the tooltip carries the topic's text, a click (or
// Open Topic) opens a read-only markdown preview of it that follows progress, resources show
// their title and say they need the internet, and every item's accessible label states its state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import type { ExtensionApi } from '../../src/extension';
import type { Skill, Topic } from '../../src/roadmap/model';
import type { TreeNode } from '../../src/tree/nodes';
import { TOPIC_SCHEME } from '../../src/tree/topicPages';
import { activeApi, waitFor } from './util';

describe('topic texts and pages in the real editor', () => {
  let api: ExtensionApi;
  let python: Skill;
  let oop: Topic;
  before(async () => {
    api = await activeApi();
    await vscode.commands.executeCommand(Commands.resetAll, { confirmed: true });
    python = (await api.roadmap.get()).roadmap.skills[0]!;
    oop = python.topics.find((t) => t.id === 'python-oop')!;
    assert.ok(oop.summary.length > 100, 'the roadmap has no text for python-oop');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(Commands.resetAll, { confirmed: true });
  });

  async function item(node: TreeNode): Promise<vscode.TreeItem> {
    return api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
  }

  function previewTab(label: string): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'vscode.markdown.preview.editor' && t.label.includes(label));
  }

  it('the topic\'s tooltip carries its text, and a click runs Open Topic', async () => {
    const t = await item(oop);
    const tooltip = t.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'the tooltip is not markdown');
    const words = oop.summary.split(' ').slice(0, 6).join(' ');
    assert.ok(tooltip.value.replace(/\\(.)/g, '$1').includes(words), `the tooltip lacks "${words}": ${tooltip.value}`);
    assert.deepEqual(t.command && { command: t.command.command, arguments: t.command.arguments }, { command: Commands.openTopic, arguments: [oop.id] });
    assert.equal(t.checkboxState, vscode.TreeItemCheckboxState.Unchecked, 'the checkbox is gone');
  });

  it('Open Topic opens a read-only markdown preview with the title, the skill, the state, the text and the resources', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.openTopic, oop.id);
    assert.equal(uri?.scheme, TOPIC_SCHEME);
    const tab = await waitFor(() => previewTab(oop.title), 'the markdown preview of the topic');
    assert.ok(tab.isActive, 'the preview is not the active tab');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText().replace(/\\(.)/g, '$1');
    assert.match(text, /^# Object-oriented programming$/m);
    assert.match(text, /^Python & Programming · topic 2 of 10 · Not done yet$/m);
    assert.ok(text.includes(oop.summary.split('\n\n')[0]), 'the page lacks the topic text');
    for (const r of python.resources) assert.ok(text.includes(`[${r.title}](${r.url})`), `no link to ${r.title}`);
    // A content provider's document cannot be saved over: edits have nowhere to go.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))));
  });

  it('the open page follows progress: ticking the topic shows it done', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>(Commands.openTopic, oop));
    const doc = await vscode.workspace.openTextDocument(uri);
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.document.getText().includes('**Done**')) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand(Commands.markDone, oop.id);
    await changed;
    assert.match(doc.getText(), /· \*\*Done\*\* on /);
  });

  it('a topic page replaces the previous topic page, never a preview tab of something else', async () => {
    // A file the learner glanced at (a preview tab, as a single click in the Explorer opens it).
    const glanced = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'glanced.md');
    await vscode.workspace.fs.writeFile(glanced, new TextEncoder().encode('# notes\n'));
    await vscode.window.showTextDocument(glanced, { preview: true });
    const second = python.topics[2];
    await vscode.commands.executeCommand(Commands.openTopic, oop.id);
    await waitFor(() => previewTab(oop.title), 'the first topic page');
    await vscode.commands.executeCommand(Commands.openTopic, second.id);
    await waitFor(() => previewTab(second.title), 'the second topic page');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const topicTabs = tabs.filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.scheme === TOPIC_SCHEME);
    assert.deepEqual(topicTabs.map((t) => t.label), [previewTab(second.title)!.label], 'the first topic page was not replaced');
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === glanced.toString()), 'opening a topic closed the learner\'s preview tab');
  });

  it('a topic page\'s tab shows the topic\'s title as written, colon included', async () => {
    const topic = (await api.roadmap.get()).roadmap.skills.flatMap((s) => s.topics).find((t) => t.title.includes(':'));
    assert.ok(topic, 'no topic title with a colon in the roadmap');
    await vscode.commands.executeCommand(Commands.openTopic, topic.id);
    const short = topic.title.slice(0, 40);
    await waitFor(() => previewTab(short), `a tab titled "${short}…"`);
  });

  it('an unknown topic id opens nothing and says so', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.openTopic, 'no-such-topic'), undefined);
  });

  it('every item has an accessible label that says its state', async () => {
    assert.equal((await item(oop)).accessibilityInformation?.label, 'Object-oriented programming, topic, done');
    const other = python.topics.find((t) => t.id !== oop.id)!;
    assert.equal((await item(other)).accessibilityInformation?.label, `${other.title}, topic, not done`);
    const total = python.topics.length + python.projects.length;
    const skill = await item(python);
    assert.equal(skill.accessibilityInformation?.label, `Python & Programming, skill, 1 of ${total} done`);
    assert.equal(skill.description, `1/${total}`, 'the skill row is not short');

    const children = await api.tree.getChildren(python); // reads the projects' milestone files
    const project = python.projects[0];
    assert.match(String((await item(project)).accessibilityInformation?.label), /^AI Utilities Library, project, 0 of \d+ milestones$/);
    const resources = children.find((c) => c.kind === 'resources')!;
    assert.equal((await item(resources)).accessibilityInformation?.label, `Resources, ${python.resources.length} links`);
  });

  it('resources show their title and say they need the internet', async () => {
    const [resources] = (await api.tree.getChildren(python)).filter((c) => c.kind === 'resources');
    const nodes = await api.tree.getChildren(resources);
    assert.equal(nodes.length, python.resources.length);
    for (const node of nodes) {
      assert.equal(node.kind, 'resource');
      if (node.kind !== 'resource') continue;
      const t = await item(node);
      assert.equal(t.label, node.resource.title);
      assert.equal(t.description, '(needs internet)');
      assert.equal(t.accessibilityInformation?.label, `${node.resource.title}, link, needs internet`);
      assert.match((t.tooltip as vscode.MarkdownString).value, /needs internet/);
    }
  });
});
