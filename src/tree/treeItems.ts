// How each roadmap item looks in the tree.
import * as vscode from 'vscode';
import type { RoadmapItem } from '../roadmap/model';

export function toTreeItem(item: RoadmapItem): vscode.TreeItem {
  switch (item.kind) {
    case 'skill': {
      const t = new vscode.TreeItem(`${item.order}. ${item.title}`, vscode.TreeItemCollapsibleState.Collapsed);
      t.id = `skill:${item.id}`;
      t.description = item.duration.text;
      t.contextValue = 'skill';
      t.iconPath = new vscode.ThemeIcon('circle-large-outline');
      t.tooltip = new vscode.MarkdownString(`**${item.title}** · ${item.duration.text}\n\n${item.description}`);
      return t;
    }
    case 'topic': {
      const t = new vscode.TreeItem(item.title, vscode.TreeItemCollapsibleState.None);
      t.id = `topic:${item.id}`;
      t.contextValue = 'topic';
      t.iconPath = new vscode.ThemeIcon('book');
      return t;
    }
    case 'project': {
      const t = new vscode.TreeItem(item.title, vscode.TreeItemCollapsibleState.None);
      t.id = `project:${item.id}`;
      t.description = 'project';
      t.contextValue = 'project';
      t.iconPath = new vscode.ThemeIcon('beaker');
      t.tooltip = new vscode.MarkdownString(`**${item.title}**\n\n${item.description}`);
      return t;
    }
  }
}
