// The topic page's markdown: title, skill, the learner's state, the topic's text and the skill's
// resources as titled links (the ones the text names first). Roadmap text is escaped, so the page
// shows what the author wrote and nothing else. Pure: no `vscode`, unit-tested.
import type { Resource } from '../roadmap/model';
import { escapeMarkdown, needsInternet, NEEDS_INTERNET } from './itemText';

export interface TopicPageInput {
  readonly title: string;
  readonly summary: string;
  readonly skillTitle: string;
  /** 1-based place of the topic in its skill, and how many topics the skill has. */
  readonly position: number;
  readonly count: number;
  readonly resources: readonly Resource[];
  readonly done: boolean;
  /** The day it was ticked, already formatted for the reader. */
  readonly doneOn?: string;
  readonly note?: string;
}

export function topicPageMarkdown(p: TopicPageInput): string {
  const state = p.done ? `**Done**${p.doneOn ? ` on ${escapeMarkdown(p.doneOn)}` : ''}` : 'Not done yet';
  const lines = [
    `# ${escapeMarkdown(p.title)}`,
    '',
    `${escapeMarkdown(p.skillTitle)} · topic ${p.position} of ${p.count} · ${state}`,
    '',
    ...(p.summary
      ? p.summary.split(/\n{2,}/).flatMap((para) => [escapeMarkdown(para), ''])
      : ['*The roadmap has no text for this topic yet.*', '']),
  ];
  if (p.resources.length) {
    lines.push('## Resources', '');
    for (const r of readFirstOrder(p.summary, p.resources)) {
      const notes = [named(p.summary, r) ? 'read first' : '', needsInternet(r.url) ? NEEDS_INTERNET : ''].filter(Boolean);
      lines.push(`- [${escapeMarkdown(r.title)}](${linkTarget(r.url)})${notes.length ? ` · ${notes.join(' ')}` : ''}`);
    }
    lines.push('');
  }
  if (p.note) {
    lines.push('## Your note', '', ...p.note.split('\n').map((l) => `> ${escapeMarkdown(l)}`), '');
  }
  lines.push('---', '', '*Tick the topic in the ML Roadmap view when you have learned it.*', '');
  return lines.join('\n');
}

function named(summary: string, r: Resource): boolean {
  return summary.includes(r.title);
}

/** The resources the text names, in the order it names them, then the others as listed. */
export function readFirstOrder(summary: string, resources: readonly Resource[]): Resource[] {
  const first = resources.filter((r) => named(summary, r)).sort((a, b) => summary.indexOf(a.title) - summary.indexOf(b.title));
  return [...first, ...resources.filter((r) => !named(summary, r))];
}

/** A URL as a link destination: characters that would end or break `(…)` are percent-encoded. */
function linkTarget(url: string): string {
  return url.trim().replace(/[\s()<>\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
