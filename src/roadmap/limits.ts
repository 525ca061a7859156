// What a roadmap or milestone file may contain before remark is allowed to see it: a size, a number
// of lines, a line length, a nesting depth, an amount of inline markup and of list ends and
// underlined headings, each checked in one linear pass over the text. remark's time grows faster
// than linearly with deep nesting, with runs of emphasis delimiters, and with the lines where a
// list or quote ends or a setext heading is underlined (at each, micromark copies every event it
// has read so far), so a file over a limit is reported (file, line, limit) and never parsed.
// Also replaces bidirectional-control characters, which can make a title read differently from
// what it is, with U+FFFD (same length, so positions stay valid) and reports each line with one.
// Pure: no I/O, no `vscode`.
// Long on purpose: all limits share one pass over the text (one scanner state), so splitting them
// would mean one pass each.
import type { Diagnostic, SourceRange } from './model';
import { error } from './diagnostics';

export const INPUT_LIMITS = {
  /**
   * UTF-8 bytes of one file (the whole built-in roadmap is about 300 KB, its largest file 11 KB):
   * dense markdown (table cells, autolinks) costs remark about 10–20 µs a byte.
   */
  fileBytes: 64 * 1024,
  /** Lines of one file (the longest built-in file has under 300): remark's time grows with its blocks and table rows. */
  fileLines: 5_000,
  /** Characters on one line. */
  lineChars: 10_000,
  /** Nested lists and quotes: list markers and `>` at a line's start, plus two columns of indentation before them. */
  nesting: 32,
  /** Emphasis / strikethrough delimiter marks and `[` in one paragraph (a run of non-blank lines). */
  inlineMarkup: 500,
  /** The same, in the whole file: remark's time grows with their number even when paragraphs are small. */
  fileMarkup: 10_000,
  /** The sum over lines of depth²: parsing a nested line costs about its depth squared. */
  fileNesting: 50_000,
  /**
   * The sum of the line numbers of the lines where a list, sub-list or quote ends or a `===` /
   * `---` underline makes a heading: at each, remark copies everything it has read so far again.
   */
  fileRework: 500_000,
} as const;

export type InputLimits = { readonly [K in keyof typeof INPUT_LIMITS]: number };

export interface LimitCheck {
  /** The text to parse: bidirectional controls replaced by U+FFFD, same length as the input. */
  readonly text: string;
  /** Errors; when one has `blocking`, the file must not be parsed. */
  readonly diagnostics: Diagnostic[];
  /** A limit was exceeded: do not hand the text to remark. */
  readonly blocked: boolean;
}

// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const FENCE = /^(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;

/** Checks `text` (already normalized to LF) against the limits; linear in its length. */
export function checkInputLimits(path: string, text: string, limits: InputLimits = INPUT_LIMITS): LimitCheck {
  const bytes = utf8Length(text, limits.fileBytes);
  if (bytes > limits.fileBytes) {
    const message = `The file is larger than ${formatCount(limits.fileBytes)} bytes (the limit for one roadmap file), so it is not read: split it up`;
    return { text, diagnostics: [error('file-too-large', message, at(path, 1, 1))], blocked: true };
  }
  const diagnostics: Diagnostic[] = [];
  let fence: string | undefined;
  let markup = 0;
  let fileMarkup = 0;
  let fileNesting = 0;
  let fileRework = 0;
  /** The container prefix width of the last non-blank line outside fenced code; whether the line before was blank. */
  let previousWidth = 0;
  let previousBlank = true;
  let paragraphStart = 1;
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    lineNo++;
    if (lineNo > limits.fileLines) {
      const message = `The file has more than ${formatCount(limits.fileLines)} lines (the limit for one roadmap file), so it is not parsed: split it up`;
      return { text, diagnostics: [error('file-too-large', message, at(path, lineNo, 1))], blocked: true };
    }
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const length = end - start;
    if (length > limits.lineChars) {
      const message = `Line ${lineNo} has ${formatCount(length)} characters; the limit is ${formatCount(limits.lineChars)}, so the file is not parsed`;
      return { text, diagnostics: [error('line-too-long', message, at(path, lineNo, 1))], blocked: true };
    }
    const line = text.slice(start, end);
    const prefix = containerPrefix(line);
    if (prefix.depth > limits.nesting) {
      const message = `Line ${lineNo} nests lists or quotes ${prefix.depth} deep; the limit is ${limits.nesting}, so the file is not parsed`;
      return { text, diagnostics: [error('nesting-too-deep', message, at(path, lineNo, 1))], blocked: true };
    }
    fileNesting += prefix.depth * prefix.depth;
    if (fileNesting > limits.fileNesting) {
      const message = `The file nests lists or quotes too much in total by line ${lineNo} (the sum of each line's depth squared passes ${formatCount(limits.fileNesting)}), so it is not parsed: flatten or split it`;
      return { text, diagnostics: [error('nesting-too-deep', message, at(path, lineNo, 1))], blocked: true };
    }
    const rest = line.slice(prefix.length);
    const blank = line.trim() === '';
    const rework = blank ? undefined : reworkAt(line, rest, prefix.length, previousWidth, previousBlank || fence !== undefined);
    if (rework !== undefined) {
      fileRework += lineNo;
      if (fileRework > limits.fileRework) {
        const message = rework === 'container-end'
          ? `The file ends too many lists or quotes by line ${lineNo} for a file this long (each end makes the parser go over everything before it again), so it is not parsed: split it up`
          : `The file has too many headings underlined with === or --- by line ${lineNo} for a file this long (each makes the parser go over everything before it again), so it is not parsed: split it up or write its headings with #`;
        return { text, diagnostics: [error('too-much-structure', message, at(path, lineNo, 1))], blocked: true };
      }
    }
    // Inside fenced code, indentation is code: a line only ends a container when it is shallower than the fence.
    if (!blank && fence === undefined) previousWidth = prefix.length;
    previousBlank = blank;
    const fenceMatch = FENCE.exec(rest);
    if (fence !== undefined) {
      if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && rest.slice(fenceMatch[1].length).trim() === '') fence = undefined;
    } else if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      markup = 0;
    } else if (rest.trim() === '') {
      markup = 0;
    } else {
      if (markup === 0) paragraphStart = lineNo;
      const runs = markupRuns(rest);
      markup += runs;
      fileMarkup += runs;
      if (fileMarkup > limits.fileMarkup) {
        const message = `The file has more than ${formatCount(limits.fileMarkup)} emphasis marks and brackets by line ${lineNo} (the limit for one file), so it is not parsed: split it up`;
        return { text, diagnostics: [error('too-much-markup', message, at(path, lineNo, 1))], blocked: true };
      }
      if (markup > limits.inlineMarkup) {
        const message = `The paragraph starting on line ${paragraphStart} has more than ${formatCount(limits.inlineMarkup)} emphasis marks and brackets (the limit for one paragraph), so the file is not parsed: split the paragraph or put code in backticks`;
        return { text, diagnostics: [error('too-much-markup', message, at(path, lineNo, 1))], blocked: true };
      }
    }
    BIDI.lastIndex = 0;
    const bidi = BIDI.exec(line);
    if (bidi) {
      const code = bidi[0].charCodeAt(0).toString(16).toUpperCase();
      const message = `Line ${lineNo} contains the bidirectional control character U+${code}, which can make text read differently from what it is; it is replaced by \uFFFD`;
      diagnostics.push(error('bidi-control', message, at(path, lineNo, bidi.index + 1)));
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  const cleaned = diagnostics.length > 0 ? text.replace(BIDI, '\uFFFD') : text;
  return { text: cleaned, diagnostics, blocked: false };
}

/**
 * Whether a non-blank line makes remark copy what it has read so far: its list markers, `>` and
 * indentation are narrower than those of the last non-blank line (a list, sub-list or quote ends
 * there), or it is a `===` / `---` underline right under a line of text, a setext heading
 * (`noText`: the line before was blank or this one is in fenced code). `rest` is the line after
 * its container prefix; a lone `-` is an underline too. It may count lines that end nothing; it is
 * meant to miss none.
 */
function reworkAt(line: string, rest: string, width: number, previousWidth: number, noText: boolean): 'container-end' | 'underline' | undefined {
  if (width < previousWidth) return 'container-end';
  if (!noText && (SETEXT_UNDERLINE.test(rest) || SETEXT_UNDERLINE.test(line.trimStart()))) return 'underline';
  return undefined;
}

/**
 * The list markers, `>` and indentation at the start of a line: how deep it nests (every marker
 * one level, every two columns of indentation one more) and how many characters they take.
 */
function containerPrefix(line: string): { depth: number; length: number } {
  let i = 0;
  let columns = 0;
  let markers = 0;
  for (;;) {
    // Only the indentation before the first marker nests; spaces after a marker belong to it.
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
      if (markers === 0) columns += line[i] === '\t' ? 4 : 1;
      i++;
    }
    const ch = line[i];
    if (ch === '>') {
      markers++;
      i++;
      continue;
    }
    let j = i;
    if (ch === '-' || ch === '+' || ch === '*') j = i + 1;
    else {
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j > i && (line[j] === '.' || line[j] === ')')) j++;
      else j = i;
    }
    if (j > i && (j === line.length || line[j] === ' ' || line[j] === '\t')) {
      markers++;
      i = j;
      continue;
    }
    return { depth: markers + Math.floor(columns / 2), length: i };
  }
}

/**
 * The marks in runs of `*`, `_` or `~` and every `[`: what micromark's inline resolution pairs up. An `_` run
 * between letters or digits (snake_case) cannot open or close emphasis and is not counted; text in
 * backtick code spans is not markup.
 */
function markupRuns(line: string): number {
  let count = 0;
  let inCode = 0;
  for (let i = 0; i < line.length; ) {
    const ch = line[i];
    if (ch === '`') {
      let j = i;
      while (line[j] === '`') j++;
      const run = j - i;
      if (inCode === 0) inCode = run;
      else if (inCode === run) inCode = 0;
      i = j;
      continue;
    }
    if (inCode > 0) {
      i++;
      continue;
    }
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      count++;
      i++;
      continue;
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      let j = i;
      while (line[j] === ch) j++;
      const intraword = ch === '_' && isWordChar(line[i - 1]) && isWordChar(line[j]);
      // Every mark of a run counts: two long runs pair up mark by mark into deeply nested emphasis.
      if (!intraword) count += j - i;
      i = j;
      continue;
    }
    i++;
  }
  return count;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** UTF-8 length of `text`, counting stops once it passes `stopAbove`. */
function utf8Length(text: string, stopAbove: number): number {
  if (text.length > stopAbove) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function at(file: string, line: number, column: number): SourceRange {
  return { file, line, column, endLine: line, endColumn: column };
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
