// Renders the host's safe markdown tree into DOM nodes. Text always goes through textContent;
// links are handed to the host to open (after its own URL check), never followed in the webview.
import type { MdBlock, MdInline } from '../../src/shared/markdownTree';
import { webLink } from '../../src/shared/webLink';

export function renderBlocks(blocks: readonly MdBlock[], onLink: (url: string) => void): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const b of blocks) f.append(block(b, onLink));
  return f;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, children: Iterable<Node> = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const c of children) e.append(c);
  return e;
}

function block(b: MdBlock, onLink: (url: string) => void): Node {
  switch (b.t) {
    case 'p': return el('p', inline(b.c, onLink));
    case 'h': return el(b.depth <= 3 ? 'h4' : 'h5', inline(b.c, onLink));
    case 'pre': { const code = el('code'); code.textContent = b.v; return el('pre', [code]); }
    case 'list': return el(b.ordered ? 'ol' : 'ul', b.items.map((item) => el('li', [renderBlocks(item, onLink)])));
    case 'quote': return el('blockquote', [renderBlocks(b.c, onLink)]);
    case 'hr': return el('hr');
  }
}

function inline(nodes: readonly MdInline[], onLink: (url: string) => void): Node[] {
  return nodes.map((n): Node => {
    switch (n.t) {
      case 'text': return document.createTextNode(n.v);
      case 'code': { const c = el('code'); c.textContent = n.v; return c; }
      case 'em': return el('em', inline(n.c, onLink));
      case 'strong': return el('strong', inline(n.c, onLink));
      case 'del': return el('del', inline(n.c, onLink));
      case 'br': return el('br');
      case 'link': {
        const a = el('a', inline(n.c, onLink));
        const href = webLink(n.href);
        if (href) {
          a.href = '#';
          a.title = href;
          a.addEventListener('click', (e) => { e.preventDefault(); onLink(href); });
        }
        return a;
      }
    }
  });
}
