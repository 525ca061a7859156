// What the tree shows: the model's own skills, topics and projects, plus a resources group per skill.
import type { Project, Resource, Skill, Topic } from '../roadmap/model';

export interface ResourcesNode {
  readonly kind: 'resources';
  readonly skill: Skill;
}

export interface ResourceNode {
  readonly kind: 'resource';
  readonly skill: Skill;
  readonly resource: Resource;
}

export type TreeNode = Skill | Topic | Project | ResourcesNode | ResourceNode;

/** A node's TreeItem id: the one key the tree, reveal and the focused-row lookup agree on. */
export function nodeKey(node: TreeNode): string {
  switch (node.kind) {
    case 'resources': return `resources:${node.skill.id}`;
    case 'resource': return `resource:${node.skill.id}:${node.resource.url}`;
    default: return `${node.kind}:${node.id}`;
  }
}
