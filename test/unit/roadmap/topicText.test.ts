// A topic's text: the paragraphs under its list item become `topic.summary` (plain text), and the
// ways an author can get the layout wrong are reported without losing the topic or its text.
import * as assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/roadmap/parse';
import type { ParseResult, Topic } from '../../../src/roadmap/model';
import { plain, TIMEOUT_MS } from './helpers';

/** A one-skill roadmap whose Topics section is `topics` (lines as written). */
function parseTopics(...topics: string[]): ParseResult {
  const text = [
    '# Skill {#skill}', '', 'Duration: 2 weeks', '', 'What the skill is about.', '',
    '## Resources', '', '- [The Book](https://example.org/book)', '',
    '## Topics', '', ...topics, '',
  ].join('\n');
  return parseRoadmap([{ path: '01-skill.md', text }]);
}

function topicsOf(result: ParseResult): Topic[] {
  return [...(result.roadmap.skills[0]?.topics ?? [])];
}

/** The line of the first topic in the file parseTopics writes. */
const FIRST = 13;

describe('topic texts', function () {
  this.timeout(TIMEOUT_MS);

  it('reads the indented paragraphs under a topic as its text, soft wraps joined', () => {
    const r = parseTopics(
      '- [ ] Vectors {#vectors}',
      '',
      '  Vectors are arrays with a geometry.',
      '  Read The Book first.',
      '',
      '  A second paragraph.',
      '- [ ] Matrices {#matrices}',
    );
    assert.deepEqual(plain(r.diagnostics), []);
    assert.deepEqual(topicsOf(r).map((t) => [t.id, t.title, t.summary]), [
      ['vectors', 'Vectors', 'Vectors are arrays with a geometry. Read The Book first.\n\nA second paragraph.'],
      ['matrices', 'Matrices', ''],
    ]);
  });

  it('keeps the words of markup: emphasis, code and links become plain text', () => {
    const r = parseTopics('- [ ] Links {#links}', '', '  Read **[The Book](https://example.org/book)**, chapter `2`, *slowly*.');
    assert.deepEqual(plain(r.diagnostics), []);
    assert.equal(topicsOf(r)[0]?.summary, 'Read The Book, chapter 2, slowly.');
  });

  it('a text on the very next line is still read, with a topic-text-not-separated warning', () => {
    const r = parseTopics('- [ ] Glued {#glued}', '  This text has no blank line above it.', '- [ ] Next {#next}');
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'warning', code: 'topic-text-not-separated', file: '01-skill.md', line: FIRST, column: 1,
      message: 'The text of topic "Glued" starts right under its title: leave a blank line between them (the text is read anyway)',
    }]);
    assert.deepEqual(topicsOf(r).map((t) => [t.id, t.title, t.summary]), [
      ['glued', 'Glued', 'This text has no blank line above it.'],
      ['next', 'Next', ''],
    ]);
  });

  it('a title wrapped over two lines before its id is a title, not a text', () => {
    const r = parseTopics('- [ ] A long title', '  that goes on {#long}');
    assert.deepEqual(plain(r.diagnostics), []);
    assert.deepEqual(topicsOf(r).map((t) => [t.title, t.summary]), [['A long title that goes on', '']]);
  });

  it('a paragraph that is not indented ends the list: it is ignored with a hint, the topics stay', () => {
    const r = parseTopics('- [ ] First {#first}', '', 'Not indented, so not the text of First.', '', '- [ ] Second {#second}');
    assert.deepEqual(plain(r.diagnostics), [{
      severity: 'warning', code: 'unexpected-content', file: '01-skill.md', line: FIRST + 2, column: 1,
      message: 'This paragraph is not indented under a topic and is ignored: to make it the text of the topic above, ' +
        'leave a blank line after the topic and indent the text by two spaces, under the "[ ]"',
    }]);
    assert.deepEqual(topicsOf(r).map((t) => [t.id, t.summary]), [['first', ''], ['second', '']]);
  });

  it('any other block under the section keeps the general message', () => {
    const r = parseTopics('Some words before the list.', '', '- [ ] Only {#only}');
    assert.deepEqual(plain(r.diagnostics).map((d) => [d.code, d.line, d.message]), [
      ['unexpected-content', FIRST, 'Only a list belongs under Topics; this paragraph is ignored'],
    ]);
  });

  it('lists, code and quotes inside a topic are ignored with a warning; its paragraphs are kept', () => {
    const r = parseTopics(
      '- [ ] Mixed {#mixed}',
      '',
      '  The text.',
      '',
      '  - a nested list',
      '',
      '  > a quote',
      '',
      '  More text.',
    );
    assert.deepEqual(plain(r.diagnostics).map((d) => [d.code, d.line, d.message]), [
      ['unexpected-content', FIRST + 4, 'The text of topic "Mixed" is plain paragraphs; this list is ignored'],
      ['unexpected-content', FIRST + 6, 'The text of topic "Mixed" is plain paragraphs; this quote is ignored'],
    ]);
    assert.equal(topicsOf(r)[0]?.summary, 'The text.\n\nMore text.');
  });

  it('an HTML comment under a topic is invisible: no text, no warning', () => {
    const r = parseTopics('- [ ] Quiet {#quiet}', '', '  <!-- a note for authors -->');
    assert.deepEqual(plain(r.diagnostics), []);
    assert.equal(topicsOf(r)[0]?.summary, '');
  });

  it('the same text is read from CRLF files', () => {
    const text = '# S {#s}\r\n\r\nDuration: 1 week\r\n\r\nAbout.\r\n\r\n## Topics\r\n\r\n- [ ] T {#t}\r\n\r\n  One.\r\n  Two.\r\n';
    const r = parseRoadmap([{ path: '01-s.md', text }]);
    assert.deepEqual(plain(r.diagnostics), []);
    assert.equal(r.roadmap.skills[0]?.topics[0]?.summary, 'One. Two.');
  });
});
