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
