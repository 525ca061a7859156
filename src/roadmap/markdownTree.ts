// Markdown → the safe MdBlock tree the webview renders (see src/shared/markdownTree.ts). Text over
// the input limits is not parsed but shown as plain text; nesting deeper than MAX_MD_DEPTH is
// flattened to its text; links other than http(s) keep their text and lose their target.
// Lives in the parser bundle because it needs remark. Pure: no `vscode`.
import type { PhrasingContent, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { MAX_MD_DEPTH, safeHref, type MdBlock, type MdInline } from '../shared/markdownTree';
import { checkInputLimits } from './limits';
import { normalizeText, parseMarkdown } from './markdown';

export function markdownTree(text: string): MdBlock[] {
  const plain: MdBlock[] = [{ t: 'p', c: [{ t: 'text', v: typeof text === 'string' ? text : '' }] }];
  try {
    const checked = checkInputLimits('', normalizeText(text));
    if (checked.blocked) return plain;
    return blocks(parseMarkdown(checked.text).children, 1);
  } catch {
    return plain;
  }
}

/** `depth`: how deep these nodes sit in the tree (1 at the top); no node goes below MAX_MD_DEPTH. */
function blocks(nodes: readonly RootContent[], depth: number): MdBlock[] {
  // A paragraph and its text take two levels.
  if (depth >= MAX_MD_DEPTH - 1) {
    const v = nodes.map((n) => nodeText(n)).filter((s) => s !== '').join('\n');
    return v ? [{ t: 'p', c: [{ t: 'text', v }] }] : [];
  }
  const out: MdBlock[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'paragraph': out.push({ t: 'p', c: inline(n.children, depth + 1) }); break;
      case 'heading': out.push({ t: 'h', depth: n.depth, c: inline(n.children, depth + 1) }); break;
      case 'code': out.push({ t: 'pre', v: n.value, ...(n.lang ? { lang: n.lang } : {}) }); break;
      case 'list': out.push({ t: 'list', ordered: n.ordered === true, items: n.children.map((li) => blocks(li.children, depth + 1)) }); break;
      case 'blockquote': out.push({ t: 'quote', c: blocks(n.children, depth + 1) }); break;
      case 'thematicBreak': out.push({ t: 'hr' }); break;
      case 'html': out.push({ t: 'p', c: [{ t: 'text', v: n.value }] }); break;
      case 'table':
        // Tables are rare in milestones; keep their text readable as one paragraph per row.
        for (const row of n.children) out.push({ t: 'p', c: row.children.flatMap((cell, i) => [...(i ? [{ t: 'text', v: ' | ' } as const] : []), ...inline(cell.children, depth + 1)]) });
        break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push({ t: 'pre', v: n.value });
    }
  }
  return out;
}

function inline(nodes: readonly PhrasingContent[], depth: number): MdInline[] {
  if (depth >= MAX_MD_DEPTH) {
    const v = nodes.map((n) => nodeText(n)).join('');
    return v ? [{ t: 'text', v }] : [];
  }
  const out: MdInline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ t: 'text', v: n.value }); break;
      case 'inlineCode': out.push({ t: 'code', v: n.value }); break;
      case 'emphasis': out.push({ t: 'em', c: inline(n.children, depth + 1) }); break;
      case 'strong': out.push({ t: 'strong', c: inline(n.children, depth + 1) }); break;
      case 'delete': out.push({ t: 'del', c: inline(n.children, depth + 1) }); break;
      case 'break': out.push({ t: 'br' }); break;
      case 'link': {
        const href = safeHref(n.url);
        if (href) out.push({ t: 'link', href, c: inline(n.children, depth + 1) });
        else out.push(...inline(n.children, depth));
        break;
      }
      case 'html': out.push({ t: 'text', v: n.value }); break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push({ t: 'text', v: n.value });
        else if ('children' in n) out.push(...inline(n.children, depth + 1));
    }
  }
  return out;
}
