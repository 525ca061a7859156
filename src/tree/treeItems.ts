// How each node looks: labels, progress descriptions, checkbox state, icons and tooltips.
import * as vscode from 'vscode';
import type { Project, Skill, Topic } from '../roadmap/model';
import { itemOf, type ProgressState } from '../progress/state';
import { skillProgress, skillStatus } from '../progress/summary';
import { Commands } from '../ids';
import type { TreeNode } from './nodes';

const { Checked, Unchecked } = vscode.TreeItemCheckboxState;

export function toTreeItem(node: TreeNode, state: ProgressState): vscode.TreeItem {
  switch (node.kind) {
    case 'skill':
      return skillItem(node, state);
    case 'topic':
      return topicItem(node, state);
    case 'project':
      return projectItem(node, state);
    case 'resources': {
      const t = new vscode.TreeItem('Resources', vscode.TreeItemCollapsibleState.Collapsed);
      t.id = `resources:${node.skill.id}`;
      t.iconPath = new vscode.ThemeIcon('library');
      t.description = `${node.skill.resources.length}`;
      t.contextValue = 'resources';
      return t;
    }
    case 'resource': {
      const t = new vscode.TreeItem(node.resource.title, vscode.TreeItemCollapsibleState.None);
      t.id = `resource:${node.skill.id}:${node.resource.url}`;
      t.iconPath = new vscode.ThemeIcon('link-external');
      t.tooltip = node.resource.url;
      t.contextValue = 'resource';
      t.command = { command: Commands.openResource, title: 'Open Resource', arguments: [node.resource.url] };
      return t;
    }
  }
}

function skillItem(skill: Skill, state: ProgressState): vscode.TreeItem {
  const t = new vscode.TreeItem(`${skill.order}. ${skill.title}`, vscode.TreeItemCollapsibleState.Collapsed);
  const c = skillProgress(skill, state);
  const status = skillStatus(skill, state);
  t.id = `skill:${skill.id}`;
  t.description = `${c.done}/${c.total} · ${c.percent}% · ${skill.duration.text}`;
  t.contextValue = 'skill';
  t.checkboxState = status === 'done' ? Checked : Unchecked;
  t.iconPath =
    status === 'done' ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : status === 'in-progress' ? new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.yellow'))
    : new vscode.ThemeIcon('circle-large-outline');
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(skill.title)}** · ${escape(skill.duration.text)}\n\n`);
  md.appendMarkdown(`${escape(skill.description)}\n\n`);
  md.appendMarkdown(`$(checklist) ${c.done} of ${c.total} done (${c.percent}%) · ${skill.topics.length} topics · ${skill.projects.length} projects`);
  t.tooltip = md;
  t.accessibilityInformation = { label: `${skill.title}, ${c.done} of ${c.total} done, ${status.replace('-', ' ')}` };
  return t;
}

function topicItem(topic: Topic, state: ProgressState): vscode.TreeItem {
  const t = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.None);
  const item = itemOf(state, topic.id);
  t.id = `topic:${topic.id}`;
  t.contextValue = item?.done ? 'topic.done' : 'topic';
  t.checkboxState = item?.done ? Checked : Unchecked;
  if (item?.note) t.description = '✎ note';
  t.tooltip = noteTooltip(topic.title, 'Topic', item?.note, item?.doneAt);
  return t;
}

function projectItem(project: Project, state: ProgressState): vscode.TreeItem {
  const t = new vscode.TreeItem(project.title, vscode.TreeItemCollapsibleState.None);
  const item = itemOf(state, project.id);
  t.id = `project:${project.id}`;
  t.contextValue = item?.done ? 'project.done' : 'project';
  t.checkboxState = item?.done ? Checked : Unchecked;
  t.iconPath = item?.done ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon(item?.scaffoldedAt ? 'beaker' : 'beaker-stop');
  const marks = Object.values(item?.milestones ?? {});
  const byHand = marks.filter((m) => m === 'manual').length;
  t.description = [
    item?.scaffoldedAt ? 'project · scaffolded' : 'project',
    marks.length ? `${marks.length} milestone${marks.length > 1 ? 's' : ''}${byHand ? ` (${byHand} by hand)` : ''}` : '',
    item?.note ? '✎ note' : '',
  ].filter(Boolean).join(' · ');
  const md = noteTooltip(project.title, 'Project', item?.note, item?.doneAt);
  md.appendMarkdown(`\n\n${escape(project.description)}`);
  if (project.keyFeatures.length) md.appendMarkdown(`\n\n${project.keyFeatures.map((f) => `- ${escape(f)}`).join('\n')}`);
  t.tooltip = md;
  return t;
}

function noteTooltip(title: string, kind: string, note?: string, doneAt?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(title)}** · ${kind}`);
  if (doneAt) md.appendMarkdown(`\n\n$(check) done ${new Date(doneAt).toLocaleDateString()}`);
  if (note) md.appendMarkdown(`\n\n---\n\n$(note) *Your note*\n\n${escape(note)}`);
  return md;
}

/** Content text is shown as text, never as markdown a roadmap author could inject commands through. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
