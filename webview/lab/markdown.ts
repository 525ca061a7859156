// Renders the host's safe markdown tree into DOM nodes. Text always goes through textContent;
// links are handed to the host to open (after its own URL check), never followed in the webview.
import type { MdBlock, MdInline } from '../../src/shared/markdownTree';
import { webLink } from '../../src/shared/webLink';
import { el } from '../dom';

export function renderBlocks(blocks: readonly MdBlock[], onLink: (url: string) => void): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const b of blocks) f.append(block(b, onLink));
  return f;
}

function block(b: MdBlock, onLink: (url: string) => void): Node {
  switch (b.t) {
    case 'p': return el('p', undefined, inline(b.c, onLink));
    case 'h': return el(b.depth <= 3 ? 'h4' : 'h5', undefined, inline(b.c, onLink));
    case 'pre': return el('pre', undefined, [el('code', undefined, b.v)]);
    case 'list': return el(b.ordered ? 'ol' : 'ul', undefined, b.items.map((item) => el('li', undefined, [renderBlocks(item, onLink)])));
    case 'quote': return el('blockquote', undefined, [renderBlocks(b.c, onLink)]);
    case 'hr': return el('hr');
  }
}

function inline(nodes: readonly MdInline[], onLink: (url: string) => void): Node[] {
  return nodes.map((n): Node => {
    switch (n.t) {
      case 'text': return document.createTextNode(n.v);
      case 'code': return el('code', undefined, n.v);
      case 'em': return el('em', undefined, inline(n.c, onLink));
      case 'strong': return el('strong', undefined, inline(n.c, onLink));
      case 'del': return el('del', undefined, inline(n.c, onLink));
      case 'br': return el('br');
      case 'link': {
        const a = el('a', undefined, inline(n.c, onLink));
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
