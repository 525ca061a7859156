// Skills → topics, projects and resources, rendered against the current progress (and each
// project's milestone count, read when its skill is expanded), tooltips on hover. Refreshes when
// the roadmap or the progress changes.
import * as vscode from 'vscode';
import type { Skill } from '../roadmap/model';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import type { TreeNode } from './nodes';
import { toTreeItem } from './treeItems';
import { tooltipOf } from './tooltips';
import { MilestoneTotals } from './milestoneTotals';

/** When the view first asked for its top items, and when it got them (`performance.now()`, for benchmarks). */
export interface FirstItems {
  readonly asked: (at: number) => void;
  readonly given: (at: number) => void;
}

export class RoadmapTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly milestones = new MilestoneTotals((id) => this.roadmap.milestones(id));

  constructor(
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly firstItems: FirstItems = { asked: () => undefined, given: () => undefined },
  ) {
    this.subscriptions = [
      roadmap.onDidChange(() => {
        this.milestones.clear();
        this.refresh();
      }),
      progress.onDidChange(() => this.refresh()),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      this.firstItems.asked(performance.now());
      const { roadmap } = await this.roadmap.get();
      this.firstItems.given(performance.now());
      return [...roadmap.skills];
    }
    switch (node.kind) {
      case 'skill':
        await this.milestones.load(node.projects);
        return [
          ...node.topics,
          ...node.projects,
          ...(node.resources.length ? [{ kind: 'resources', skill: node } as const] : []),
        ];
      case 'resources':
        return node.skill.resources.map((resource) => ({ kind: 'resource', skill: node.skill, resource }) as const);
      default:
        return [];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.progress.current, (id) => this.milestones.of(id));
  }

  /** The tooltip, built when the editor shows it (on hover), not for every item drawn. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip = tooltipOf(node, this.progress.current);
    return item;
  }

  async getParent(node: TreeNode): Promise<TreeNode | undefined> {
    switch (node.kind) {
      case 'skill':
        return undefined;
      case 'resources':
        return node.skill;
      case 'resource':
        return { kind: 'resources', skill: node.skill };
      default: {
        const { roadmap } = await this.roadmap.get();
        return roadmap.skills.find((s: Skill) => s.id === node.skillId);
      }
    }
  }

  /** Finds a skill, topic or project by its id in the current roadmap. */
  async findById(id: string): Promise<TreeNode | undefined> {
    const { roadmap } = await this.roadmap.get();
    for (const skill of roadmap.skills) {
      if (skill.id === id) return skill;
      const child = [...skill.topics, ...skill.projects].find((i) => i.id === id);
      if (child) return child;
    }
    return undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
