// Skills → topics and projects. Nodes are the model's own objects; rendering is in treeItems.ts.
import * as vscode from 'vscode';
import type { RoadmapItem, Skill } from '../roadmap/model';
import type { RoadmapService } from '../roadmap/service';
import { toTreeItem } from './treeItems';

export class RoadmapTreeProvider implements vscode.TreeDataProvider<RoadmapItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoadmapItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private firstItemsReported = false;
  private readonly createdAt = performance.now();

  constructor(
    private readonly roadmap: RoadmapService,
    private readonly onFirstItems: (ms: number) => void,
  ) {
    this.subscription = roadmap.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(element?: RoadmapItem): Promise<RoadmapItem[]> {
    if (!element) {
      const { roadmap } = await this.roadmap.get();
      if (!this.firstItemsReported) {
        this.firstItemsReported = true;
        this.onFirstItems(performance.now() - this.createdAt);
      }
      return [...roadmap.skills];
    }
    if (element.kind === 'skill') return [...element.topics, ...element.projects];
    return [];
  }

  getTreeItem(element: RoadmapItem): vscode.TreeItem {
    return toTreeItem(element);
  }

  async getParent(element: RoadmapItem): Promise<RoadmapItem | undefined> {
    if (element.kind === 'skill') return undefined;
    const { roadmap } = await this.roadmap.get();
    return roadmap.skills.find((s: Skill) => s.id === element.skillId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
