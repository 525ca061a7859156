// A project's milestones as the lab draws them: each milestone with its explanation and hints
// already turned into safe markdown trees. Lives in the parser bundle (it needs remark); the build
// also runs it over the built-in projects (src/roadmap/compiled.ts). Pure: no `vscode`.
import type { MdBlock } from '../shared/markdownTree';
import { markdownTree } from './markdownTree';
import { parseMilestones, type Milestone } from './milestones';

export interface MilestoneCell {
  readonly milestone: Milestone;
  readonly explanation: MdBlock[];
  readonly hints: MdBlock[][];
}

export function milestoneCells(path: string, text: string): MilestoneCell[] {
  return parseMilestones(path, text).milestones.map((milestone) => ({
    milestone,
    explanation: markdownTree(milestone.explanation),
    hints: milestone.hints.map((h) => markdownTree(h)),
  }));
}
