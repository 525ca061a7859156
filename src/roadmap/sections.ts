// Splitting a flat list of mdast blocks into heading sections.
import type { Heading, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { collapseWhitespace } from './ids';

export interface Section {
  readonly heading: Heading;
  /** Everything after the heading up to the next heading of the same or a higher level. */
  readonly body: RootContent[];
}

export interface Sections {
  /** Blocks before the first heading of the level. */
  readonly before: RootContent[];
  readonly sections: Section[];
}

/** Splits at headings of `depth`; a heading of a higher level (smaller depth) also ends a section. */
export function splitSections(nodes: readonly RootContent[], depth: number): Sections {
  const before: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      current = node.depth === depth ? { heading: node, body: [] } : undefined;
      if (current) sections.push(current);
      else before.push(node);
      continue;
    }
    if (current) current.body.push(node);
    else before.push(node);
  }
  return { before, sections };
}

/** A heading's plain text, whitespace collapsed. */
export function headingText(heading: Heading): string {
  return collapseWhitespace(nodeText(heading));
}

/** Section names are matched without regard to case or extra spaces: `key features` works too. */
export function sectionKey(title: string): string {
  return collapseWhitespace(title).toLowerCase();
}
