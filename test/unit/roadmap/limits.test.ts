// The measured attacks on the roadmap and milestone parsers (issue 18): each now ends with one
// diagnostic that names the file, the line and the limit, and the file is not parsed; a file just
// inside a limit parses, and the built-in roadmap stays far inside them all. Also the
// smaller silent acceptances: bidirectional controls in titles and markdown inside `{#…}` ids.
import * as assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/roadmap/parse';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkInputLimits, INPUT_LIMITS, type InputLimits } from '../../../src/roadmap/limits';
import { normalizeText } from '../../../src/roadmap/markdown';
import { plain, readMarkdownFolder, ROADMAP_DIR, TIMEOUT_MS } from './helpers';

const SKILL = '# Skill {#s}\n\nDuration: 2 weeks\n\nAbout it.\n\n## Topics\n\n- [ ] Topic {#t}\n';

function skillWith(extra: string): string {
  return `${SKILL}\n${extra}\n`;
}

/** SKILL ends with a newline, then a blank line: the extra text starts on this line. */
const LINES_BEFORE_EXTRA = SKILL.split('\n').length + 1;

describe('input limits before remark', function () {
  this.timeout(TIMEOUT_MS);

  it('"- " repeated 3,000 times: nesting-too-deep, the file is not parsed', () => {
    const r = parseRoadmap([{ path: '01-deep.md', text: skillWith(`${'- '.repeat(3_000)}x`) }]);
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'nesting-too-deep', file: '01-deep.md', line: LINES_BEFORE_EXTRA, column: 1,
      message: `Line ${LINES_BEFORE_EXTRA} nests lists or quotes 3000 deep; the limit is 32, so the file is not parsed`,
    }]);
    assert.deepEqual(r.roadmap.skills, []);
  });

  it('"- " repeated 10,000 times: line-too-long (20,001 characters), the file is not parsed', () => {
    const r = parseRoadmap([{ path: '01-deep.md', text: skillWith(`${'- '.repeat(10_000)}x`) }]);
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'line-too-long', file: '01-deep.md', line: LINES_BEFORE_EXTRA, column: 1,
      message: `Line ${LINES_BEFORE_EXTRA} has 20,001 characters; the limit is 10,000, so the file is not parsed`,
    }]);
    assert.deepEqual(r.roadmap.skills, []);
  });

  it('nesting by indentation counts too', () => {
    const nested = Array.from({ length: 40 }, (_, k) => `${'  '.repeat(k)}- level ${k}`).join('\n');
    const r = parseRoadmap([{ path: '01-indent.md', text: skillWith(nested) }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.line]), [['nesting-too-deep', LINES_BEFORE_EXTRA + 32]]);
  });

  it('"*a" x 524,288 on one line (1 MB): file-too-large; "*a" x 6,000 on one line: line-too-long', () => {
    const r = parseRoadmap([{ path: '01-long.md', text: skillWith('*a'.repeat(524_288)) }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.file, d.range.line]), [['file-too-large', '01-long.md', 1]]);
    assert.deepEqual(r.roadmap.skills, []);
    const shorter = parseRoadmap([{ path: '01-long.md', text: skillWith('*a'.repeat(6_000)) }]);
    assert.deepEqual(plain(shorter.diagnostics), [{
      severity: 'error', code: 'line-too-long', file: '01-long.md', line: LINES_BEFORE_EXTRA, column: 1,
      message: `Line ${LINES_BEFORE_EXTRA} has 12,000 characters; the limit is 10,000, so the file is not parsed`,
    }]);
  });

  it('a file over the size limit: file-too-large, before anything else is looked at', () => {
    const r = parseRoadmap([{ path: '01-big.md', text: skillWith(`${'word '.repeat(20)}\n\n`.repeat(3_000)) }]);
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'file-too-large', file: '01-big.md', line: 1, column: 1,
      message: 'The file is larger than 65,536 bytes (the limit for one roadmap file), so it is not read: split it up',
    }]);
  });

  it('5,000 nested emphasis in a milestone file: too-much-markup (one line or many), no milestones', () => {
    const head = '# Milestones\n\n## Step {#step}\n\nCheck: manual\n\n';
    const oneLine = parseMilestones('projects/p/milestones.md', `${head}${'*a '.repeat(5_000)}b${' a*'.repeat(5_000)}\n`);
    assert.deepEqual(oneLine.diagnostics.map((d) => [d.code, d.range.file, d.range.line]), [['line-too-long', 'projects/p/milestones.md', 7]]);
    assert.deepEqual(oneLine.milestones, []);
    const wrapped = `${head}${'*a '.repeat(5_000).replace(/(\*a ){100}/g, '$&\n')}b${' a*'.repeat(5_000)}\n`;
    const many = parseMilestones('projects/p/milestones.md', wrapped);
    assert.deepEqual(plain(many.diagnostics), [{
      severity: 'error', code: 'too-much-markup', file: 'projects/p/milestones.md', line: 12, column: 1,
      message: 'The paragraph starting on line 7 has more than 500 emphasis marks and brackets (the limit for one paragraph), so the file is not parsed: split the paragraph or put code in backticks',
    }]);
    assert.deepEqual(many.milestones, []);
  });

  it('does not count snake_case, code spans or fenced code as markup', () => {
    const code = `\`\`\`python\n${'my_var_name = other_var * 2\n'.repeat(600)}\`\`\`\n\n${'use `a_b*c` and snake_case_name '.repeat(300)}`;
    assert.deepEqual(checkInputLimits('x.md', code).diagnostics, []);
    // One paragraph with exactly the limit is fine; one more is not.
    const at = (n: number): boolean => checkInputLimits('x.md', '*a '.repeat(n)).blocked;
    assert.deepEqual([at(INPUT_LIMITS.inlineMarkup), at(INPUT_LIMITS.inlineMarkup + 1)], [false, true]);
  });

  it('long runs of one delimiter (found by npm run fuzz): each mark counts, so too-much-markup, not seconds in remark', () => {
    // Two runs of thousands of `*` in one paragraph pair up into thousands of nested emphasis.
    const r = parseRoadmap([{ path: '01-stars.md', text: skillWith(`${'*'.repeat(4_500)}\n${'*'.repeat(5_500)}`) }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.line]), [['too-much-markup', LINES_BEFORE_EXTRA]]);
    assert.deepEqual(r.roadmap.skills, []);
    // A run is as many marks as it is long: a paragraph of exactly the limit is fine, one more is not.
    const at = (n: number): boolean => checkInputLimits('x.md', `a ${'_'.repeat(n)} b`).blocked;
    assert.deepEqual([at(INPUT_LIMITS.inlineMarkup), at(INPUT_LIMITS.inlineMarkup + 1)], [false, true]);
  });

  it('a list of 2,000 items with sub-lists (measured: 1.4 s; 6,000 did not finish): too-much-structure, the file is not parsed', () => {
    // Every sub-list that ends makes remark copy everything read before it: the cost grows with the square of the list.
    const groups = (n: number): string => Array.from({ length: n }, (_, i) => `- item ${i}\n  - sub ${i}`).join('\n');
    const r = parseRoadmap([{ path: '01-subs.md', text: skillWith(groups(2_000)) }]);
    // Item k starts on line 11 + 2k and ends the sub-list above it: 11·K + K(K+1) passes 500,000 at K = 702.
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'too-much-structure', file: '01-subs.md', line: LINES_BEFORE_EXTRA + 2 * 702, column: 1,
      message: `The file ends too many lists or quotes by line ${LINES_BEFORE_EXTRA + 2 * 702} for a file this long (each end makes the parser go over everything before it again), so it is not parsed: split it up`,
    }]);
    assert.deepEqual(r.roadmap.skills, []);
    // Just inside the limit (702 items, 701 sub-lists ended) the file parses: its items are reported as topics without ids.
    const inside = parseRoadmap([{ path: '01-subs.md', text: skillWith(groups(702)) }]);
    assert.deepEqual([...new Set(inside.diagnostics.map((d) => d.code))], ['missing-id']);
    assert.deepEqual(inside.roadmap.skills.map((s) => s.id), ['s']);
    assert.equal(checkInputLimits('01-subs.md', skillWith(groups(703))).blocked, true);
  });

  it('2,400 headings underlined with === (measured: 1.4 s for 2,000, 14 s for 8,000): too-much-structure, the file is not parsed', () => {
    const underlined = (n: number): string => 'Heading\n===\n'.repeat(n);
    const r = parseRoadmap([{ path: '01-setext.md', text: skillWith(underlined(2_400)) }]);
    // Underline k is on line 12 + 2k: 12·K + K(K-1) passes 500,000 at K = 702, the underline on line 12 + 2·701.
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'too-much-structure', file: '01-setext.md', line: LINES_BEFORE_EXTRA + 1 + 2 * 701, column: 1,
      message: `The file has too many headings underlined with === or --- by line ${LINES_BEFORE_EXTRA + 1 + 2 * 701} for a file this long (each makes the parser go over everything before it again), so it is not parsed: split it up or write its headings with #`,
    }]);
    assert.deepEqual(r.roadmap.skills, []);
    assert.deepEqual([701, 702].map((n) => checkInputLimits('x.md', skillWith(underlined(n))).blocked), [false, true]);
    // A lone `-` under text underlines too; `---` after a blank line is a rule, and `---` in fenced code is code.
    assert.deepEqual(checkInputLimits('x.md', 'Heading\n-\n'.repeat(2_400)).diagnostics.map((d) => d.code), ['too-much-structure']);
    assert.equal(checkInputLimits('x.md', 'Text\n\n---\n\n'.repeat(1_200)).blocked, false);
    assert.equal(checkInputLimits('x.md', `\`\`\`\n${'Text\n---\n'.repeat(2_400)}\`\`\`\n`).blocked, false);
  });

  it('the other measured list and quote ends: too-much-structure in skill and milestone files alike', () => {
    const attacks: [string, string][] = [
      // Each within the size and line limits; what remark alone took on this machine, before the limit.
      ['nested quotes, 990 (measured: 1.2 s for 1,000)', '> a\n> > b\n>\n> c\n\n'.repeat(990)],
      ['nested quotes without spaces, 1,200 (measured: 0.5 s for 1,000, 1.6 s for 2,000)', '>a\n>>b\n>c\n\n'.repeat(1_200)],
      ['a lazy line after each sub-list, 1,600 (measured: 1.2 s for 1,000, 3.2 s for 2,000)', '- item\n  - sub\nlazy\n'.repeat(1_600)],
      ['sub-lists in a quote, 2,000 (measured: 1.9 s; 6,250 took 17 s)', '> - item\n>   - sub\n'.repeat(2_000)],
      ['a quote in each list item, 1,600 (measured: 1.7 s for 2,000)', '- a\n  > b\n- c\n'.repeat(1_600)],
      ['lists ended by a paragraph, 1,200 (measured: 1.1 s for 2,000)', '- item\n\npara\n\n'.repeat(1_200)],
    ];
    for (const [name, attack] of attacks) {
      const r = parseRoadmap([{ path: '01-x.md', text: skillWith(attack) }]);
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.file]), [['too-much-structure', '01-x.md']], name);
      assert.deepEqual(r.roadmap.skills, [], name);
      const m = parseMilestones('projects/p/milestones.md', `# Milestones\n\n## Step {#step}\n\nCheck: manual\n\n${attack}`);
      assert.deepEqual(m.diagnostics.map((d) => [d.code, d.range.file]), [['too-much-structure', 'projects/p/milestones.md']], name);
      assert.deepEqual(m.milestones, [], name);
    }
    // Indentation inside fenced code ends nothing.
    const code = `\`\`\`python\n${'def f(x):\n    if x:\n        return 1\n    return 0\n'.repeat(1_200)}\`\`\`\n`;
    assert.equal(checkInputLimits('x.md', code).blocked, false);
  });

  it('10,000 one-line headings (measured: 1.9 s for 32,000): file-too-large past 5,000 lines', () => {
    const r = parseRoadmap([{ path: '01-lines.md', text: skillWith('## H\n\n'.repeat(5_000)) }]);
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'error', code: 'file-too-large', file: '01-lines.md', line: 5_001, column: 1,
      message: 'The file has more than 5,000 lines (the limit for one roadmap file), so it is not parsed: split it up',
    }]);
    assert.deepEqual(r.roadmap.skills, []);
    // Exactly 5,000 lines are fine (the last line has no newline), one more is not.
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');
    assert.deepEqual([5_000, 5_001].map((n) => checkInputLimits('x.md', lines(n)).blocked), [false, true]);
  });

  it('the built-in roadmap and its milestones stay far inside every limit (a fifth of each)', () => {
    const fifth = Object.fromEntries(Object.entries(INPUT_LIMITS).map(([k, v]) => [k, Math.floor(v / 5)])) as InputLimits;
    const files = [
      ...readMarkdownFolder(ROADMAP_DIR),
      ...readdirSync(join(ROADMAP_DIR, 'projects')).filter((id) => existsSync(join(ROADMAP_DIR, 'projects', id, 'milestones.md')))
        .map((id) => ({ path: `projects/${id}/milestones.md`, text: readFileSync(join(ROADMAP_DIR, 'projects', id, 'milestones.md'), 'utf8') })),
    ];
    assert.ok(files.length > 20);
    const over = files.filter((f) => checkInputLimits(f.path, normalizeText(f.text), fifth).blocked).map((f) => f.path);
    assert.deepEqual(over, []);
  });

  it('bidirectional controls in a title: an error, and the title no longer carries them', () => {
    const r = parseRoadmap([{ path: '01-bidi.md', text: SKILL.replace('Topic {#t}', 'Topic \u202Eevil\u202C {#t}') }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.line, d.range.column]), [['bidi-control', 9, 13]]);
    assert.equal(r.diagnostics[0]?.message, 'Line 9 contains the bidirectional control character U+202E, which can make text read differently from what it is; it is replaced by \uFFFD');
    assert.equal(r.roadmap.skills[0]?.topics[0]?.title, 'Topic \uFFFDevil\uFFFD');
    const isolate = parseMilestones('m.md', '## Step \u2066x\u2069 {#s}\n\nCheck: manual\n');
    assert.deepEqual(isolate.diagnostics.map((d) => d.code), ['bidi-control']);
    assert.equal(isolate.milestones[0]?.title, 'Step \uFFFDx\uFFFD');
  });
});

describe('{#…} ids are read from the raw text', () => {
  it('{#__proto__} is the invalid id "__proto__", not "proto"', () => {
    const r = parseRoadmap([{ path: '01-proto.md', text: SKILL.replace('{#t}', '{#__proto__}') }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [
      ['invalid-id', 'Invalid id "__proto__": use lowercase letters, digits and dashes, starting with a letter or digit'],
    ]);
    assert.deepEqual(r.roadmap.skills[0]?.topics, []);
  });

  it('markdown in skill, project and milestone ids is reported, not interpreted', () => {
    const text = '# Skill {#*s*}\n\nDuration: 2 weeks\n\nAbout.\n\n## Projects\n\n### Proj {#a\\-b}\n\nWhat.\n';
    const r = parseRoadmap([{ path: '01-md.md', text }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.line, d.message.split(':')[0]]), [
      ['invalid-id', 1, 'Invalid id "*s*"'],
      ['invalid-id', 9, 'Invalid id "a\\-b"'],
    ]);
    const m = parseMilestones('m.md', '## Step {#_x_}\n\nCheck: manual\n\n## Fine {#ok} ##\n\nCheck: manual\n');
    assert.deepEqual(m.diagnostics.map((d) => d.message.split(':')[0]), ['Invalid id "_x_"']);
    assert.deepEqual(m.milestones.map((x) => x.id), ['ok']);
  });
});
