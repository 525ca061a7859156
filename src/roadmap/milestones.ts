// A project's `milestones.md` → the steps the project lab shows. Pure: no I/O, never throws.
import type { Paragraph, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Diagnostic, SourceRange } from './model';
import { error, fileRange, nodeRange, sortDiagnostics, warning } from './diagnostics';
import { describeError } from '../shared/errors';
import { checkId, IdRegistry, sourceTrailingId, splitTrailingId } from './ids';
import { normalizeText, parseMarkdown } from './markdown';
import { checkInputLimits } from './limits';
import { headingText, sectionKey, splitSections, type Section } from './sections';
import { idMarkerRange, listItemMarkdown, sliceNode, sliceSpan } from './source';
import { describeBlock, isInvisible } from './blocks';
import { labelledTokens, parseCheckTokens, type Token } from './milestoneCheck';
import { isSafeRelativePath } from '../shared/safePath';
import { CHECK_KIND_NAMES, type Check } from '../checks/kinds';

/** How a milestone is decided: one of the kinds of src/checks/kinds. */
export type { Check, CompareOp } from '../checks/kinds';

export interface Milestone {
  readonly id: string;
  readonly title: string;
  /** The milestone's markdown as written, without its Check / Compare lines and hints. */
  readonly explanation: string;
  /** `manual` when the Check line is missing or invalid (an error diagnostic says so). */
  readonly check: Check;
  /** Files, relative to the project folder, that the lab can diff against the solution. */
  readonly compare: readonly string[];
  /** Unlocked one per failed run, in order. */
  readonly hints: readonly string[];
  readonly range: SourceRange;
}

export interface MilestonesResult {
  milestones: Milestone[];
  diagnostics: Diagnostic[];
}

/** Parses a milestones.md; `path` is how diagnostics name the file. Never throws. */
export function parseMilestones(path: string, text: string): MilestonesResult {
  const file = typeof path === 'string' ? path : '';
  try {
    return parseUnsafe(file, normalizeText(text));
  } catch (e) {
    const d = error('internal-error', `The milestones parser failed: ${describeError(e)}`, fileRange(file));
    return { milestones: [], diagnostics: [d] };
  }
}

function parseUnsafe(path: string, input: string): MilestonesResult {
  const checked = checkInputLimits(path, input);
  const out: Diagnostic[] = checked.diagnostics;
  if (checked.blocked) return { milestones: [], diagnostics: out };
  const text = checked.text;
  const ids = new IdRegistry();
  // What comes before the first `##` (the `# Milestones` title, an intro) is not shown by the lab.
  const { sections } = splitSections(parseMarkdown(text).children, 2);
  const milestones = sections.flatMap((s) => parseMilestone(path, text, s, ids, out) ?? []);
  if (sections.length === 0) {
    out.push(warning('no-milestones', 'No milestones: add "## Step title {#id}" headings', fileRange(path)));
  }
  return { milestones, diagnostics: sortDiagnostics(out) };
}

function parseMilestone(path: string, text: string, section: Section, ids: IdRegistry, out: Diagnostic[]): Milestone | undefined {
  const range = nodeRange(path, section.heading);
  const { title, id: textId } = splitTrailingId(nodeText(section.heading));
  const rawId = sourceTrailingId(sliceNode(text, section.heading)) ?? textId;
  if (!title) out.push(error('missing-title', 'Milestone has no title: write "## Title {#id}"', range));
  const marker = idMarkerRange(path, text, section.heading);
  const valid = !title && rawId === undefined ? undefined : checkId('Milestone', title, rawId, { item: range, marker }, out);
  const id = valid !== undefined && ids.claim(valid, 'Milestone', range, out, marker) ? valid : undefined;

  let check: Check | undefined;
  const compare: string[] = [];
  const hints: string[] = [];
  // Runs of consecutive explanation blocks, each kept as one source slice.
  const runs: RootContent[][] = [[]];
  let inHints = false;
  for (const node of section.body) {
    const paragraph = node.type === 'paragraph' ? node : undefined;
    const checkTokens = paragraph && labelledTokens(paragraph, 'check');
    const compareTokens = paragraph && labelledTokens(paragraph, 'compare');
    if (node.type === 'heading' && node.depth === 3) {
      inHints = sectionKey(headingText(node)) === 'hints';
      if (inHints) {
        runs.push([]);
        continue;
      }
    }
    if (checkTokens && paragraph) {
      if (check) out.push(error('duplicate-check', 'A milestone has one Check line; this one is ignored', nodeRange(path, node)));
      else check = readCheck(path, paragraph, checkTokens, out);
    } else if (compareTokens) {
      compare.push(...readCompare(path, node, compareTokens, out));
    } else if (inHints) {
      if (node.type === 'list') hints.push(...node.children.map((item) => listItemMarkdown(text, item)).filter((h) => h !== ''));
      else if (!isInvisible(node)) {
        const message = `Only a list of hints belongs under Hints; this ${describeBlock(node)} is ignored`;
        out.push(warning('unexpected-content', message, nodeRange(path, node)));
      }
    } else {
      runs[runs.length - 1]?.push(node);
      continue;
    }
    runs.push([]);
  }
  if (!check) {
    const name = title ? `Milestone "${title}"` : 'The milestone';
    const message = `${name} has no Check line: add "Check: pytest \`tests/…\`" (or ${CHECK_KIND_NAMES.filter((k) => k !== 'pytest').join(', ')})`;
    out.push(error('missing-check', message, range));
  }
  if (id === undefined) return undefined;
  const explanation = runs
    .map((run) => sliceSpan(text, run.filter((n) => n.type !== 'html')).trim())
    .filter((s) => s !== '')
    .join('\n\n');
  return { id, title: title || id, explanation, check: check ?? { kind: 'manual' }, compare, hints, range };
}

function readCheck(path: string, paragraph: Paragraph, tokens: Token[], out: Diagnostic[]): Check {
  const range = nodeRange(path, paragraph);
  const parsed = parseCheckTokens(tokens);
  if ('check' in parsed) return parsed.check;
  if ('unknown' in parsed) out.push(error('unknown-check', parsed.unknown, range));
  else out.push(error('invalid-check', parsed.invalid, range));
  return { kind: 'manual' };
}

function readCompare(path: string, node: RootContent, tokens: Token[], out: Diagnostic[]): string[] {
  const range = nodeRange(path, node);
  const stray = tokens.find((t) => t.kind === 'word' && !/^[,;]+$/.test(t.value));
  if (stray) {
    out.push(error('invalid-compare', `Unexpected "${stray.value}" in the Compare line: put each path in backticks`, range));
    return [];
  }
  const paths = tokens.filter((t) => t.kind === 'code').map((t) => t.value.trim());
  const bad = paths.find((p) => !isSafeRelativePath(p));
  if (bad !== undefined) {
    out.push(error('invalid-compare', `"${bad}" must be a relative path inside the project`, range));
    return [];
  }
  if (paths.length === 0) {
    out.push(error('invalid-compare', 'The Compare line lists no files: put each path in backticks', range));
  }
  return paths;
}
