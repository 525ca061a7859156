// The safe markdown tree sent to webviews: bounded depth, only http(s) link targets, and text over
// the input limits shown as text instead of parsed.
import * as assert from 'node:assert/strict';
import { markdownTree } from '../../../src/roadmap/markdownTree';
import { MAX_MD_DEPTH, safeHref, type MdBlock, type MdInline } from '../../../src/shared/markdownTree';

type Node = MdBlock | MdInline;

/** Nodes on the longest path from the top down to a leaf. */
function depth(nodes: readonly Node[]): number {
  let max = 0;
  for (const n of nodes) {
    const kids: Node[] = 'c' in n ? [...n.c] : 'items' in n ? n.items.flat() : [];
    max = Math.max(max, 1 + depth(kids));
  }
  return max;
}

function texts(nodes: readonly Node[]): string {
  return nodes.map((n) => ('v' in n ? n.v : 'c' in n ? texts(n.c) : 'items' in n ? n.items.map(texts).join('') : '')).join('');
}

function links(nodes: readonly Node[]): string[] {
  return nodes.flatMap((n) => [...(n.t === 'link' ? [n.href] : []), ...('c' in n ? links(n.c) : 'items' in n ? n.items.flatMap(links) : [])]);
}

describe('markdownTree', () => {
  it('flattens emphasis nested 200 deep below the depth limit, keeping its text', () => {
    const tree = markdownTree(`${'*'.repeat(200)}deep${'*'.repeat(200)}`);
    assert.equal(depth(tree), MAX_MD_DEPTH);
    assert.ok(texts(tree).includes('deep'));
    assert.doesNotThrow(() => JSON.stringify(tree));
  });

  it('flattens quotes and lists nested 30 deep', () => {
    const tree = markdownTree(`${'> '.repeat(30)}inside`);
    assert.equal(depth(tree), MAX_MD_DEPTH);
    assert.equal(texts(tree), 'inside');
  });

  it('keeps http(s) links and drops every other target, in any case or spacing, keeping the text', () => {
    const md = [
      '[a](https://example.com/a)', '[b](HTTPS://EXAMPLE.COM/b)', '[c](javascript:alert(1))', '[d](JavaScript:alert(1))',
      '[e]( command:workbench.action.quit )', '[f](data:text/html,x)', '[g](file:///etc/passwd)', '<javascript:alert(2)>',
      '[h](<java script:x>)', '[i](//evil.example)', '[j](vscode://x)',
    ].join(' ');
    const tree = markdownTree(md);
    assert.deepEqual(links(tree), ['https://example.com/a', 'HTTPS://EXAMPLE.COM/b']);
    for (const t of ['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) assert.ok(texts(tree).includes(t));
  });

  it('shows text over the input limits as one plain paragraph', () => {
    const text = `${'- '.repeat(3_000)}x`;
    assert.deepEqual(markdownTree(text), [{ t: 'p', c: [{ t: 'text', v: text }] }]);
  });

  it('safeHref accepts only absolute http(s) URLs', () => {
    assert.deepEqual(
      [' https://a.b/c ', 'http://a', 'https:/a', 'https://', 'ftp://a', ' \tjavascript:x', 'https://a\u0000b', 42].map(safeHref),
      ['https://a.b/c', 'http://a', undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });
});
