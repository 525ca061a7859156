// How each node looks: labels, progress descriptions, checkbox state, icons, tooltips and the
// accessible label that says the item's state. The words themselves come from itemText.ts.
import * as vscode from 'vscode';
import type { Project, Resource, Skill, Topic } from '../roadmap/model';
import { itemOf, type ProgressState } from '../progress/state';
import { skillProgress, skillStatus } from '../progress/summary';
import { Commands } from '../ids';
import { nodeKey, type TreeNode } from './nodes';
import {
  escapeMarkdown as escape, NEEDS_INTERNET, needsInternet, projectLabel, projectMilestonesDescription, resourceDescription, resourceLabel,
  resourcesLabel, skillDescription, skillLabel, topicLabel,
} from './itemText';

const { Checked, Unchecked } = vscode.TreeItemCheckboxState;

/** A project's milestone ids, when known (see MilestoneTotals). */
export type MilestoneIds = (projectId: string) => ReadonlySet<string> | undefined;

export function toTreeItem(node: TreeNode, state: ProgressState, milestoneIds: MilestoneIds = () => undefined): vscode.TreeItem {
  switch (node.kind) {
    case 'skill':
      return skillItem(node, state);
    case 'topic':
      return topicItem(node, state);
    case 'project':
      return projectItem(node, state, milestoneIds(node.id));
    case 'resources': {
      const t = new vscode.TreeItem(vscode.l10n.t('Resources'), vscode.TreeItemCollapsibleState.Collapsed);
      t.id = nodeKey(node);
      t.iconPath = new vscode.ThemeIcon('library');
      t.description = `${node.skill.resources.length}`;
      t.contextValue = 'resources';
      t.accessibilityInformation = { label: resourcesLabel(node.skill.resources.length) };
      return t;
    }
    case 'resource':
      return resourceItem(node.skill, node.resource);
  }
}

function resourceItem(skill: Skill, resource: Resource): vscode.TreeItem {
  const t = new vscode.TreeItem(resource.title, vscode.TreeItemCollapsibleState.None);
  t.id = nodeKey({ kind: 'resource', skill, resource });
  t.iconPath = new vscode.ThemeIcon('link-external');
  t.description = resourceDescription(resource.url);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${vscode.l10n.t('**{0}** · resource of {1}', escape(resource.title), escape(skill.title))}\n\n`);
  md.appendMarkdown(`$(globe) ${escape(resource.url)}`);
  if (needsInternet(resource.url)) md.appendMarkdown(` ${vscode.l10n.t('{0}: opens in your browser', escape(NEEDS_INTERNET))}`);
  t.tooltip = md;
  t.accessibilityInformation = { label: resourceLabel(resource.title, resource.url) };
  t.contextValue = 'resource';
  t.command = { command: Commands.openResource, title: vscode.l10n.t('Open Resource'), arguments: [resource.url] };
  return t;
}

function skillItem(skill: Skill, state: ProgressState): vscode.TreeItem {
  // The row is only checkbox, title and count, so the count still reads in a ~300 px side bar
  // (the checkbox and the count say what a status icon would; the order is in the tooltip).
  const t = new vscode.TreeItem(skill.title, vscode.TreeItemCollapsibleState.Collapsed);
  const c = skillProgress(skill, state);
  const status = skillStatus(skill, state);
  t.id = nodeKey(skill);
  t.description = skillDescription(c.done, c.total);
  t.contextValue = 'skill';
  t.checkboxState = status === 'done' ? Checked : Unchecked;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${vscode.l10n.t('**{0}** · skill {1} · {2}', escape(skill.title), skill.order, escape(skill.duration.text))}\n\n`);
  md.appendMarkdown(`${escape(skill.description)}\n\n`);
  md.appendMarkdown(vscode.l10n.t('$(checklist) {0} of {1} done ({2}%) · {3} topics · {4} projects', c.done, c.total, c.percent, skill.topics.length, skill.projects.length));
  t.tooltip = md;
  t.accessibilityInformation = { label: skillLabel(skill.title, c.done, c.total) };
  return t;
}

function topicItem(topic: Topic, state: ProgressState): vscode.TreeItem {
  const t = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.None);
  const item = itemOf(state, topic.id);
  t.id = nodeKey(topic);
  t.contextValue = item?.done ? 'topic.done' : 'topic';
  t.checkboxState = item?.done ? Checked : Unchecked;
  if (item?.note) t.description = vscode.l10n.t('✎ note');
  t.tooltip = noteTooltip(topic.title, vscode.l10n.t('Topic'), item?.note, item?.doneAt, topic.summary);
  t.accessibilityInformation = { label: topicLabel(topic.title, item?.done === true, !!item?.note) };
  // A click on the row opens the topic page; a click on the checkbox still only ticks it.
  t.command = { command: Commands.openTopic, title: vscode.l10n.t('Open Topic'), arguments: [topic.id] };
  return t;
}

function projectItem(project: Project, state: ProgressState, milestoneIds: ReadonlySet<string> | undefined): vscode.TreeItem {
  const t = new vscode.TreeItem(project.title, vscode.TreeItemCollapsibleState.None);
  const item = itemOf(state, project.id);
  t.id = nodeKey(project);
  t.contextValue = item?.done ? 'project.done' : 'project';
  t.checkboxState = item?.done ? Checked : Unchecked;
  t.iconPath = item?.done ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon(item?.scaffoldedAt ? 'beaker' : 'beaker-stop');
  const marks = Object.values(item?.milestones ?? {});
  // Only marks of milestones the project still has count, against its total when known.
  const current = milestoneIds ? Object.entries(item?.milestones ?? {}).filter(([id]) => milestoneIds.has(id)).map(([, m]) => m) : marks;
  const counts = { milestones: current.length, byHand: current.filter((m) => m === 'manual').length, totalMilestones: milestoneIds?.size };
  t.description = [
    item?.scaffoldedAt ? vscode.l10n.t('project · scaffolded') : vscode.l10n.t('project'),
    projectMilestonesDescription(counts),
    item?.note ? vscode.l10n.t('✎ note') : '',
  ].filter(Boolean).join(' · ');
  const md = noteTooltip(project.title, vscode.l10n.t('Project'), item?.note, item?.doneAt);
  md.appendMarkdown(`\n\n${escape(project.description)}`);
  if (project.keyFeatures.length) md.appendMarkdown(`\n\n${project.keyFeatures.map((f) => `- ${escape(f)}`).join('\n')}`);
  t.tooltip = md;
  t.accessibilityInformation = {
    label: projectLabel(project.title, {
      done: item?.done === true,
      ...counts,
      scaffolded: !!item?.scaffoldedAt,
    }),
  };
  return t;
}

function noteTooltip(title: string, kind: string, note?: string, doneAt?: string, text?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(title)}** · ${kind}`);
  if (doneAt) md.appendMarkdown(`\n\n${vscode.l10n.t('$(check) done {0}', new Date(doneAt).toLocaleDateString())}`);
  for (const paragraph of text ? text.split(/\n{2,}/) : []) md.appendMarkdown(`\n\n${escape(paragraph)}`);
  if (note) md.appendMarkdown(`\n\n---\n\n${vscode.l10n.t('$(note) *Your note*')}\n\n${escape(note)}`);
  return md;
}
