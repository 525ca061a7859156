// A small hand-made roadmap for progress tests.
import type { Roadmap, Skill, SourceRange } from '../../../src/roadmap/model';

const range: SourceRange = { file: 'x.md', line: 1, column: 1, endLine: 1, endColumn: 1 };

export function skill(id: string, order: number, weeks: number | undefined, topics: string[], projects: string[]): Skill {
  return {
    kind: 'skill', id, order, title: id, file: `${id}.md`, range, description: '', resources: [],
    duration: weeks === undefined ? { text: 'Ongoing' } : { text: `${weeks} weeks`, minWeeks: weeks, maxWeeks: weeks },
    topics: topics.map((t) => ({ kind: 'topic', id: t, title: t, skillId: id, summary: '', range })),
    projects: projects.map((p) => ({ kind: 'project', id: p, title: p, skillId: id, description: '', includes: [], keyFeatures: [], practice: '', range })),
  };
}

export const roadmap: Roadmap = {
  skills: [
    skill('s1', 1, 4, ['t1', 't2', 't3'], ['p1']),
    skill('s2', 2, 6, ['t4', 't5'], ['p2']),
    skill('s3', 3, undefined, ['t6'], []),
  ],
};
