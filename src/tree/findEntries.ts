// What "Find in Roadmap" lists: one entry per skill, topic and project, in roadmap order, with the
// skill it belongs to and whether it is done. Pure: no `vscode` (the quick pick adds the icons).
import type { Roadmap } from '../roadmap/model';
import { isDone, type ProgressState } from '../progress/state';
import { skillProgress, skillStatus, type SkillStatus } from '../progress/summary';

export type FindStatus = 'done' | 'not-done' | 'in-progress';

export interface FindEntry {
  readonly id: string;
  readonly kind: 'skill' | 'topic' | 'project';
  /** The item's own title. */
  readonly label: string;
  /** The skill it belongs to (for a skill: the skill itself), so typing a skill's name finds its items. */
  readonly description: string;
  /** Kind and state in words, e.g. "topic · done", "skill · 4 of 13 done". */
  readonly detail: string;
  readonly status: FindStatus;
}

const fromSkillStatus = (s: SkillStatus): FindStatus => (s === 'done' ? 'done' : s === 'in-progress' ? 'in-progress' : 'not-done');

export function findEntries(roadmap: Roadmap, state: ProgressState): FindEntry[] {
  const entries: FindEntry[] = [];
  for (const skill of roadmap.skills) {
    const skillName = `${skill.order}. ${skill.title}`;
    const c = skillProgress(skill, state);
    entries.push({ id: skill.id, kind: 'skill', label: skill.title, description: skillName, detail: `skill · ${c.done} of ${c.total} done`, status: fromSkillStatus(skillStatus(skill, state)) });
    for (const item of [...skill.topics, ...skill.projects]) {
      const done = isDone(state, item.id);
      entries.push({ id: item.id, kind: item.kind, label: item.title, description: skillName, detail: `${item.kind} · ${done ? 'done' : 'not done'}`, status: done ? 'done' : 'not-done' });
    }
  }
  return entries;
}
