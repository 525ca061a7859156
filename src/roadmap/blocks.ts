// Small questions about mdast blocks shared by the skill and milestone parsers.
import type { RootContent } from 'mdast';

/** Blocks a reader never sees (HTML comments, link definitions): never worth a warning. */
export function isInvisible(node: RootContent): boolean {
  return node.type === 'html' || node.type === 'definition' || node.type === 'footnoteDefinition';
}

const NAMES: Partial<Record<RootContent['type'], string>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  code: 'code block',
  list: 'list',
  blockquote: 'quote',
  table: 'table',
  thematicBreak: 'horizontal rule',
};

/** A reader-friendly name for a block, for messages. */
export function describeBlock(node: RootContent): string {
  return NAMES[node.type] ?? node.type;
}
