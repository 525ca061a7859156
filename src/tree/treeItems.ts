// How each node looks: labels, progress descriptions, checkbox state, icons and the accessible
// label that says the item's state (the tooltip comes on hover: tooltips.ts). The words themselves
// come from itemText.ts.
import * as vscode from 'vscode';
import type { Project, Resource, Skill, Topic } from '../roadmap/model';
import { itemOf, type ProgressState } from '../progress/state';
import { skillProgress, skillStatus } from '../progress/summary';
import { Commands } from '../ids';
import { nodeKey, type TreeNode } from './nodes';
import {
  projectLabel, projectMilestonesDescription, resourceDescription, resourceLabel, resourcesLabel, skillDescription, skillLabel, topicLabel,
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
  t.accessibilityInformation = {
    label: projectLabel(project.title, {
      done: item?.done === true,
      ...counts,
      scaffolded: !!item?.scaffoldedAt,
    }),
  };
  return t;
}
