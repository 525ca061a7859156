// The roadmap tree view: created here, fed by the roadmap service.
import * as vscode from 'vscode';
import { RoadmapTreeProvider } from './provider';
import type { RoadmapService } from '../roadmap/service';
import { Views } from '../ids';

export function registerTree(
  context: vscode.ExtensionContext,
  roadmap: RoadmapService,
  onFirstItems: (ms: number) => void,
): RoadmapTreeProvider {
  const provider = new RoadmapTreeProvider(roadmap, onFirstItems);
  const view = vscode.window.createTreeView(Views.tree, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  context.subscriptions.push(provider, view);
  return provider;
}
