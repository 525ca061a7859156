// What a tree item's tooltip says: a skill's order, duration, text and progress; a topic's or a
// project's text, when it was done and the learner's note; a resource's address and whether it
// needs the internet. Built only when the editor asks, on hover (TreeDataProvider.resolveTreeItem),
// so drawing the tree builds none.
import * as vscode from 'vscode';
import type { Resource, Skill } from '../roadmap/model';
import { itemOf, type ProgressState } from '../progress/state';
import { skillProgress } from '../progress/summary';
import type { TreeNode } from './nodes';
import { escapeMarkdown as escape, NEEDS_INTERNET, needsInternet } from './itemText';

/** The tooltip of `node`; undefined for the resources folder, which has none. */
export function tooltipOf(node: TreeNode, state: ProgressState): vscode.MarkdownString | undefined {
  switch (node.kind) {
    case 'skill':
      return skillTooltip(node, state);
    case 'topic': {
      const item = itemOf(state, node.id);
      return noteTooltip(node.title, vscode.l10n.t('Topic'), item?.note, item?.doneAt, node.summary);
    }
    case 'project': {
      const item = itemOf(state, node.id);
      const md = noteTooltip(node.title, vscode.l10n.t('Project'), item?.note, item?.doneAt);
      md.appendMarkdown(`\n\n${escape(node.description)}`);
      if (node.keyFeatures.length) md.appendMarkdown(`\n\n${node.keyFeatures.map((f) => `- ${escape(f)}`).join('\n')}`);
      return md;
    }
    case 'resource':
      return resourceTooltip(node.skill, node.resource);
    case 'resources':
      return undefined;
  }
}

function skillTooltip(skill: Skill, state: ProgressState): vscode.MarkdownString {
  const c = skillProgress(skill, state);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${vscode.l10n.t('**{0}** · skill {1} · {2}', escape(skill.title), skill.order, escape(skill.duration.text))}\n\n`);
  md.appendMarkdown(`${escape(skill.description)}\n\n`);
  md.appendMarkdown(vscode.l10n.t('$(checklist) {0} of {1} done ({2}%) · {3} topics · {4} projects', c.done, c.total, c.percent, skill.topics.length, skill.projects.length));
  return md;
}

function resourceTooltip(skill: Skill, resource: Resource): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${vscode.l10n.t('**{0}** · resource of {1}', escape(resource.title), escape(skill.title))}\n\n`);
  md.appendMarkdown(`$(globe) ${escape(resource.url)}`);
  if (needsInternet(resource.url)) md.appendMarkdown(` ${vscode.l10n.t('{0}: opens in your browser', escape(NEEDS_INTERNET))}`);
  return md;
}

function noteTooltip(title: string, kind: string, note?: string, doneAt?: string, text?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(title)}** · ${kind}`);
  if (doneAt) md.appendMarkdown(`\n\n${vscode.l10n.t('$(check) done {0}', new Date(doneAt).toLocaleDateString())}`);
  for (const paragraph of text ? text.split(/\n{2,}/) : []) md.appendMarkdown(`\n\n${escape(paragraph)}`);
  if (note) md.appendMarkdown(`\n\n---\n\n${vscode.l10n.t('$(note) *Your note*')}\n\n${escape(note)}`);
  return md;
}
