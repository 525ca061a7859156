// The topic page: "Open Topic" (a click on a topic in the tree, its context menu, or the palette)
// shows a read-only markdown preview of the topic, served by a content provider under its own
// scheme, so there is no file to edit and no webview of our own. Open pages follow progress and
// roadmap changes.
import * as vscode from 'vscode';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { itemOf } from '../progress/state';
import type { Skill, Topic } from '../roadmap/model';
import { Commands } from '../ids';
import { topicPageMarkdown } from './topicPage';
import { idFromArgument } from '../common/commandTargets';

export const TOPIC_SCHEME = 'ml-roadmap-topic';
/** The view type of the markdown extension's preview as an editor ("Open Preview" on a .md file). */
const MARKDOWN_PREVIEW_EDITOR = 'vscode.markdown.preview.editor';

/** `ml-roadmap-topic:/<topic-id>/<Title>.md`: the id finds the topic, the name titles the preview. */
export function topicUri(topic: Topic): vscode.Uri {
  // A path segment of our own scheme, never a file on disk: only what would split it or hide in it
  // is replaced, so the tab shows the title as written ("Linear algebra: vectors, …").
  // eslint-disable-next-line no-control-regex -- control characters are what must not reach the tab
  const name = topic.title.replace(/[\\/\u0000-\u001f]+/g, '-').slice(0, 120) || topic.id;
  return vscode.Uri.from({ scheme: TOPIC_SCHEME, path: `/${topic.id}/${name}.md` });
}

function topicIdOf(uri: vscode.Uri): string {
  return uri.path.split('/')[1] ?? '';
}

export function registerTopicPages(context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const refreshOpenPages = (): void => {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === TOPIC_SCHEME) changed.fire(doc.uri);
  };

  async function find(id: string): Promise<{ topic: Topic; skill: Skill } | undefined> {
    const { roadmap: rm } = await roadmap.get();
    for (const skill of rm.skills) {
      const topic = skill.topics.find((t) => t.id === id);
      if (topic) return { topic, skill };
    }
    return undefined;
  }

  async function page(uri: vscode.Uri): Promise<string> {
    const id = topicIdOf(uri);
    const found = await find(id);
    if (!found) return `# Topic not found\n\nThe current roadmap has no topic with the id \`${id.replace(/`/g, '')}\`.\n`;
    const { topic, skill } = found;
    const item = itemOf(progress.current, topic.id);
    return topicPageMarkdown({
      title: topic.title,
      summary: topic.summary,
      skillTitle: skill.title,
      position: skill.topics.indexOf(topic) + 1,
      count: skill.topics.length,
      resources: skill.resources,
      done: item?.done === true,
      doneOn: item?.doneAt ? new Date(item.doneAt).toLocaleDateString() : undefined,
      note: item?.note,
    });
  }

  /** The topic a command was invoked on: a tree node, an id, or one picked from a list. */
  async function resolve(arg: unknown): Promise<Topic | undefined> {
    const id = idFromArgument(arg, 'topic');
    if (id !== undefined) {
      const found = await find(id);
      if (!found) void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no topic has the id "{0}".', id));
      return found?.topic;
    }
    const { roadmap: rm } = await roadmap.get();
    const pick = await vscode.window.showQuickPick(
      rm.skills.flatMap((s) => s.topics.map((t) => ({ label: t.title, description: s.title, topic: t }))),
      { placeHolder: vscode.l10n.t('Open which topic?'), matchOnDescription: true },
    );
    return pick?.topic;
  }

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(TOPIC_SCHEME, { onDidChange: changed.event, provideTextDocumentContent: page }),
    progress.onDidChange(refreshOpenPages),
    roadmap.onDidChange(refreshOpenPages),
    vscode.commands.registerCommand(Commands.openTopic, async (arg?: unknown) => {
      const topic = await resolve(arg);
      if (!topic) return undefined;
      const uri = topicUri(topic);
      // The built-in markdown extension's preview editor, leaving the keyboard focus in the tree
      // (its `markdown.showPreview` command always takes the focus). Not in the editor's preview
      // mode, which would replace whatever preview tab is open (the walkthrough, a file the
      // learner glanced at): the topic page replaces only the previous topic page instead.
      // Without the markdown extension, read-only text.
      const options: vscode.TextDocumentShowOptions = { preview: false, preserveFocus: true };
      await vscode.commands.executeCommand('vscode.openWith', uri, MARKDOWN_PREVIEW_EDITOR, options).then(undefined, async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), options);
      });
      await closeOtherTopicPages(uri);
      return uri;
    }),
  );
}

/** Closes the topic pages other than `uri` in the group that shows `uri`, except pinned ones. */
async function closeOtherTopicPages(uri: vscode.Uri): Promise<void> {
  const topicOf = (tab: vscode.Tab): vscode.Uri | undefined =>
    tab.input instanceof vscode.TabInputCustom || tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
  const group = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => topicOf(t)?.toString() === uri.toString()));
  const stale = (group?.tabs ?? []).filter((t) => {
    const other = topicOf(t);
    return other?.scheme === TOPIC_SCHEME && other.toString() !== uri.toString() && !t.isPinned && !t.isDirty;
  });
  if (stale.length) await vscode.window.tabGroups.close(stale, true);
}
