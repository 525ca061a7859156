// Markdown source slices of mdast nodes: descriptions and hints keep the author's markdown.
import type { ListItem, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { SourceRange } from './model';
import { nodeRange } from './diagnostics';

/** The exact source of a node, or '' when it has no position. */
export function sliceNode(text: string, node: Node): string {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return '';
  return text.slice(pos.start.offset, pos.end.offset);
}

/** The source from the start of the first node to the end of the last (what lies between too). */
export function sliceSpan(text: string, nodes: readonly Node[]): string {
  const first = nodes[0]?.position?.start.offset;
  const last = nodes[nodes.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined || last < first) return '';
  return text.slice(first, last);
}

/**
 * Blocks as markdown, one blank line apart. Paragraphs have their soft line wraps joined so they
 * read well as plain text too; other blocks (lists, code) keep their source as is.
 */
export function blocksMarkdown(text: string, nodes: readonly RootContent[]): string {
  return nodes
    .filter((n) => n.type !== 'html')
    .map((n) => (n.type === 'paragraph' ? joinSoftWraps(sliceNode(text, n)) : sliceNode(text, n).trim()))
    .filter((s) => s !== '')
    .join('\n\n');
}

export function joinSoftWraps(paragraph: string): string {
  return paragraph.replace(/[ \t]*\n[ \t]*/g, ' ').trim();
}

/**
 * A list item's content as markdown, without the marker and with continuation lines
 * de-indented by the item's content indent (so nested code blocks stay intact).
 */
export function listItemMarkdown(text: string, item: ListItem): string {
  const children = item.children;
  const first = children[0];
  if (!first) return '';
  const raw = sliceSpan(text, children);
  const indent = Math.max(0, (first.position?.start.column ?? 1) - 1);
  const lines = raw.split('\n');
  const dedent = new RegExp(`^ {0,${indent}}`);
  return [lines[0] ?? '', ...lines.slice(1).map((l) => l.replace(dedent, ''))].join('\n').trim();
}

/**
 * The range of the last `{#…}` marker inside a node, so id problems underline the id itself.
 * Falls back to the node's range when the marker cannot be found in the source.
 */
export function idMarkerRange(path: string, text: string, node: Node): SourceRange {
  const start = node.position?.start;
  const slice = sliceNode(text, node);
  const open = slice.lastIndexOf('{#');
  const close = slice.indexOf('}', open);
  if (!start || open < 0 || close < 0) return nodeRange(path, node);
  const from = advance(start.line, start.column, slice.slice(0, open));
  const to = advance(from.line, from.column, slice.slice(open, close + 1));
  return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The position reached after reading `chunk` from (line, column). */
function advance(line: number, column: number, chunk: string): { line: number; column: number } {
  const lines = chunk.split('\n');
  if (lines.length === 1) return { line, column: column + chunk.length };
  return { line: line + lines.length - 1, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
