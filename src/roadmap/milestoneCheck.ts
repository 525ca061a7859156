// The `Check:` line of a milestone → a typed Check.
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Check, CompareOp } from './milestones';
import { isSafeRelativePath } from './paths';

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

export type CheckParse = { readonly check: Check } | { readonly unknown: string } | { readonly invalid: string };

const KIND_NAMES: ReadonlySet<string> = new Set(['pytest', 'file', 'metric', 'onnx', 'manual']);
const KINDS = 'pytest, file, metric, onnx or manual';

/** Reads the tokens of a `Check:` line. Problems come back as messages, for the caller to place. */
export function parseCheckTokens(tokens: readonly Token[]): CheckParse {
  const [head, ...args] = tokens;
  if (!head) return { invalid: `The Check line names no check: use ${KINDS}` };
  const kind = head.value.toLowerCase();
  if (!KIND_NAMES.has(kind)) return { unknown: `Unknown check "${head.value}": use ${KINDS}` };
  // Commas between arguments are fine; any other bare word is a mistake.
  const stray = args.find((t) => t.kind === 'word' && !/^[,;]+$/.test(t.value));
  if (stray) return { invalid: `Unexpected "${stray.value}" in the Check line: put each argument in backticks` };
  const codes = args.filter((t) => t.kind === 'code').map((t) => t.value.trim());
  const badPath = pathsIn(kind, codes).find((p) => !isSafeRelativePath(p));
  if (badPath !== undefined) return { invalid: `"${badPath}" must be a relative path inside the project` };

  switch (kind) {
    case 'pytest':
      if (codes.length === 0) {
        return { invalid: 'A pytest check needs one or more test ids in backticks, like `tests/test_x.py::test_y`' };
      }
      return { check: { kind: 'pytest', nodeIds: codes } };
    case 'file':
      if (codes.length !== 1) return { invalid: 'A file check needs exactly one path or glob in backticks' };
      return { check: { kind: 'file', glob: codes[0] ?? '' } };
    case 'metric': {
      if (codes.length !== 3) {
        return {
          invalid: 'A metric check needs a JSON file, a key and a threshold in backticks, like `metrics.json` `accuracy` `>= 0.9`',
        };
      }
      const [file = '', key = '', expr = ''] = codes;
      const threshold = parseThreshold(expr);
      if (!threshold) return { invalid: badThreshold(expr) };
      if (key === '') return { invalid: 'The metric key is empty' };
      return { check: { kind: 'metric', file, key, ...threshold } };
    }
    case 'onnx': {
      if (codes.length !== 2) {
        return { invalid: 'An onnx check needs a model path and a threshold in backticks, like `model.onnx` `>= 0.97`' };
      }
      const [model = '', expr = ''] = codes;
      const threshold = parseThreshold(expr);
      if (!threshold) return { invalid: badThreshold(expr) };
      return { check: { kind: 'onnx', model, ...threshold } };
    }
    default:
      if (codes.length > 0) return { invalid: 'A manual check takes no arguments' };
      return { check: { kind: 'manual' } };
  }
}

/** The arguments of a check that name files: they must stay inside the project. */
function pathsIn(kind: string, codes: readonly string[]): string[] {
  if (kind === 'pytest') return codes.map(pytestPath);
  if (kind === 'file' || kind === 'metric' || kind === 'onnx') return codes.slice(0, 1);
  return [];
}

/** The file part of a pytest node id (`tests/test_x.py::test_y` → `tests/test_x.py`). */
function pytestPath(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return at < 0 ? nodeId : nodeId.slice(0, at);
}

const THRESHOLD = /^(>=|<=|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)$/;

export function parseThreshold(expr: string): { op: CompareOp; threshold: number } | undefined {
  const match = THRESHOLD.exec(expr.trim());
  if (!match) return undefined;
  const threshold = Number(match[2]);
  return Number.isFinite(threshold) ? { op: match[1] as CompareOp, threshold } : undefined;
}

function badThreshold(expr: string): string {
  return `Invalid threshold "${expr}": write a comparison and a number, like \`>= 0.9\``;
}
