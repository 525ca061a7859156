// The words the roadmap tree says about each item: accessible labels that state the item's state
// for screen readers, the short descriptions that fit a narrow side bar, whether a resource needs
// the internet, and escaping roadmap text for markdown. Pure: no `vscode`, unit-tested.

/** "Object-oriented programming, topic, done" (", has a note" when the learner wrote one). */
export function topicLabel(title: string, done: boolean, hasNote = false): string {
  return [title, 'topic', done ? 'done' : 'not done', hasNote ? 'has a note' : ''].filter(Boolean).join(', ');
}

/** "Python & Programming, skill, 4 of 13 done". */
export function skillLabel(title: string, done: number, total: number): string {
  return `${title}, skill, ${done} of ${total} done`;
}

export interface ProjectState {
  readonly done: boolean;
  /** Milestones passed or ticked. */
  readonly milestones: number;
  /** Of those, ticked by hand. */
  readonly byHand: number;
  /** How many milestones the project has; undefined when it has no milestone file. */
  readonly totalMilestones?: number;
  readonly scaffolded: boolean;
}

/** The project row's milestone count, "2 of 4 milestones (1 by hand)"; empty while none is passed or ticked. */
export function projectMilestonesDescription(p: Pick<ProjectState, 'milestones' | 'byHand' | 'totalMilestones'>): string {
  if (!p.milestones) return '';
  const total = p.totalMilestones ?? p.milestones;
  const count = p.totalMilestones !== undefined ? `${p.milestones} of ${total}` : `${p.milestones}`;
  return `${count} milestone${total === 1 ? '' : 's'}${p.byHand ? ` (${p.byHand} by hand)` : ''}`;
}

/** "AI Utilities Library, project, 2 of 4 milestones" (then "1 by hand", "scaffolded", "done"). */
export function projectLabel(title: string, p: ProjectState): string {
  const milestones = p.totalMilestones !== undefined
    ? `${p.milestones} of ${p.totalMilestones} milestone${p.totalMilestones === 1 ? '' : 's'}`
    : p.milestones ? `${p.milestones} milestone${p.milestones === 1 ? '' : 's'}` : '';
  return [
    title, 'project', milestones, p.byHand ? `${p.byHand} by hand` : '',
    p.scaffolded ? 'scaffolded' : '', p.done ? 'done' : '',
  ].filter(Boolean).join(', ');
}

/** The skill row's description: only the count, so it reads in a ~300 px side bar. */
export function skillDescription(done: number, total: number): string {
  return `${done}/${total}`;
}

/** A link that only opens with a network: http(s). */
export function needsInternet(url: string): boolean {
  return /^https?:/i.test(url.trim());
}

export const NEEDS_INTERNET = '(needs internet)';

/** The resource row's description. */
export function resourceDescription(url: string): string {
  return needsInternet(url) ? NEEDS_INTERNET : '';
}

/** "Python.org Documentation, link, needs internet": labelled by title, never by URL. */
export function resourceLabel(title: string, url: string): string {
  return [title, 'link', needsInternet(url) ? 'needs internet' : ''].filter(Boolean).join(', ');
}

/** "Resources, 3 links". */
export function resourcesLabel(count: number): string {
  return `Resources, ${count} link${count === 1 ? '' : 's'}`;
}

/** Roadmap text shown as text: markdown a roadmap author wrote can never turn into markup or commands. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$~&:]/g, '\\$&');
}
