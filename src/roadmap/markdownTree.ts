// Markdown → the safe MdBlock tree the webview renders (see src/shared/markdownTree.ts).
// Lives in the parser bundle because it needs remark. Pure: no `vscode`.
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdBlock, MdInline } from '../shared/markdownTree';
import { parseMarkdown } from './markdown';

export function markdownTree(text: string): MdBlock[] {
  try {
    return blocks(parseMarkdown(text).children);
  } catch {
    return [{ t: 'p', c: [{ t: 'text', v: text }] }];
  }
}

function blocks(nodes: readonly RootContent[]): MdBlock[] {
  const out: MdBlock[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'paragraph': out.push({ t: 'p', c: inline(n.children) }); break;
      case 'heading': out.push({ t: 'h', depth: n.depth, c: inline(n.children) }); break;
      case 'code': out.push({ t: 'pre', v: n.value, ...(n.lang ? { lang: n.lang } : {}) }); break;
      case 'list': out.push({ t: 'list', ordered: n.ordered === true, items: n.children.map((li) => blocks(li.children)) }); break;
      case 'blockquote': out.push({ t: 'quote', c: blocks(n.children) }); break;
      case 'thematicBreak': out.push({ t: 'hr' }); break;
      case 'html': out.push({ t: 'p', c: [{ t: 'text', v: n.value }] }); break;
      case 'table':
        // Tables are rare in milestones; keep their text readable as one paragraph per row.
        for (const row of n.children) out.push({ t: 'p', c: row.children.flatMap((cell, i) => [...(i ? [{ t: 'text', v: ' | ' } as const] : []), ...inline(cell.children)]) });
        break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push({ t: 'pre', v: n.value });
    }
  }
  return out;
}

function inline(nodes: readonly PhrasingContent[]): MdInline[] {
  const out: MdInline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ t: 'text', v: n.value }); break;
      case 'inlineCode': out.push({ t: 'code', v: n.value }); break;
      case 'emphasis': out.push({ t: 'em', c: inline(n.children) }); break;
      case 'strong': out.push({ t: 'strong', c: inline(n.children) }); break;
      case 'delete': out.push({ t: 'del', c: inline(n.children) }); break;
      case 'break': out.push({ t: 'br' }); break;
      case 'link': out.push({ t: 'link', href: n.url, c: inline(n.children) }); break;
      case 'html': out.push({ t: 'text', v: n.value }); break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push({ t: 'text', v: n.value });
        else if ('children' in n) out.push(...inline(n.children as PhrasingContent[]));
    }
  }
  return out;
}
