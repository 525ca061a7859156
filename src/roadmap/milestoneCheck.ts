// The `Check:` and `Compare:` lines of a milestone → their tokens, and a Check line's tokens → a
// typed Check: the words and backticks are read here, the arguments by the kind's own parser
// (src/checks/kinds).
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { kindList, parseCheck, type CheckParse } from '../checks/kinds';

export type { CheckParse } from '../checks/kinds';

/** A word written as is, or an argument in backticks. */
export interface Token {
  readonly kind: 'word' | 'code';
  readonly value: string;
}

/**
 * The tokens after `label:` when the paragraph starts with it (`Check:`, `Compare:`),
 * else `undefined`.
 */
export function labelledTokens(paragraph: Paragraph, label: string): Token[] | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'text') return undefined;
  const prefix = new RegExp(`^\\s*${label}\\s*:`, 'i');
  if (!prefix.test(first.value)) return undefined;
  const head: PhrasingContent = { type: 'text', value: first.value.replace(prefix, '') };
  return [head, ...rest].flatMap(tokensOf);
}

function tokensOf(node: PhrasingContent): Token[] {
  if (node.type === 'inlineCode') return [{ kind: 'code', value: node.value }];
  return nodeText(node)
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((value) => ({ kind: 'word', value }));
}

/** Reads the tokens of a `Check:` line. Problems come back as messages, for the caller to place. */
export function parseCheckTokens(tokens: readonly Token[]): CheckParse {
  const [head, ...args] = tokens;
  if (!head) return { invalid: `The Check line names no check: use ${kindList()}` };
  // Commas between arguments are fine; any other bare word is a mistake.
  const stray = args.find((t) => t.kind === 'word' && !/^[,;]+$/.test(t.value));
  if (stray) return { invalid: `Unexpected "${stray.value}" in the Check line: put each argument in backticks` };
  return parseCheck(head.value, args.filter((t) => t.kind === 'code').map((t) => t.value.trim()));
}
