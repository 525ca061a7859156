// The topic page's markdown: what it shows, in which order, and that roadmap text stays text.
import * as assert from 'node:assert/strict';
import { readFirstOrder, topicPageMarkdown, type TopicPageInput } from '../../../src/tree/topicPage';

const input: TopicPageInput = {
  title: 'Object-oriented programming',
  summary: 'Classes bundle data with behaviour. Start with the Classes chapter of the Python.org Documentation.\n\nThen read Python Design Patterns.',
  skillTitle: 'Python & Programming',
  position: 2,
  count: 10,
  resources: [
    { title: 'Real Python Advanced Tutorials', url: 'https://realpython.com/' },
    { title: 'Python Design Patterns', url: 'https://refactoring.guru/design-patterns/python' },
    { title: 'Python.org Documentation', url: 'https://docs.python.org/3/' },
  ],
  done: false,
};

describe('topic page', () => {
  it('shows the title, the skill, the place in the skill, the state and the text as paragraphs', () => {
    const md = topicPageMarkdown(input);
    const lines = md.split('\n');
    assert.equal(lines[0], '# Object\\-oriented programming');
    assert.equal(lines[2], 'Python \\& Programming · topic 2 of 10 · Not done yet');
    assert.equal(lines[4], 'Classes bundle data with behaviour\\. Start with the Classes chapter of the Python\\.org Documentation\\.');
    assert.equal(lines[6], 'Then read Python Design Patterns\\.');
  });

  it('says when and that it is done', () => {
    assert.match(topicPageMarkdown({ ...input, done: true, doneOn: '2026-12-01' }), /^Python \\& Programming · topic 2 of 10 · \*\*Done\*\* on 2026\\-12\\-01$/m);
    assert.match(topicPageMarkdown({ ...input, done: true }), / · \*\*Done\*\*$/m);
  });

  it('lists the skill\'s resources as titled links, the ones the text names first and marked, each saying it needs the internet', () => {
    const md = topicPageMarkdown(input);
    const links = md.split('\n').filter((l) => l.startsWith('- ['));
    assert.deepEqual(links, [
      '- [Python\\.org Documentation](https://docs.python.org/3/) · read first (needs internet)',
      '- [Python Design Patterns](https://refactoring.guru/design-patterns/python) · read first (needs internet)',
      '- [Real Python Advanced Tutorials](https://realpython.com/) · (needs internet)',
    ]);
    assert.ok(md.indexOf('## Resources') > md.indexOf('Then read'), 'the resources come after the text');
  });

  it('orders resources by where the text names them, the rest as listed', () => {
    const titles = readFirstOrder('B then A', [{ title: 'A', url: 'https://a' }, { title: 'C', url: 'https://c' }, { title: 'B', url: 'https://b' }])
      .map((r) => r.title);
    assert.deepEqual(titles, ['B', 'A', 'C']);
  });

  it('shows the learner\'s note as a quote, and says so when the roadmap has no text', () => {
    const md = topicPageMarkdown({ ...input, summary: '', note: 'use dataclasses\nand slots' });
    assert.match(md, /\*The roadmap has no text for this topic yet\.\*/);
    assert.match(md, /## Your note\n\n> use dataclasses\n> and slots\n/);
    assert.doesNotMatch(topicPageMarkdown(input), /Your note/);
  });

  it('keeps roadmap text as text: markup, HTML and link syntax are escaped, link targets cannot break out', () => {
    const md = topicPageMarkdown({
      ...input,
      title: '<img src=x onerror=alert(1)> **Bold**',
      summary: '[click](command:workbench.action.quit) and <script>x</script>',
      resources: [{ title: 'A (b) [c]', url: 'https://example.org/a b)(c' }],
    });
    assert.doesNotMatch(md, /(?<!\\)<img|(?<!\\)<script|(?<!\\)\]\(command|(?<!\\)\*(?<!\\)\*Bold/);
    assert.match(md, /^# \\<img src=x onerror=alert\\\(1\\\)\\> \\\*\\\*Bold\\\*\\\*$/m);
    assert.match(md, /^- \[A \\\(b\\\) \\\[c\\\]\]\(https:\/\/example\.org\/a%20b%29%28c\)/m);
  });

  it('has no Resources section when the skill has none', () => {
    assert.doesNotMatch(topicPageMarkdown({ ...input, resources: [] }), /## Resources/);
  });
});
