// A `- [Title](https://…)` list item under Resources.
import type { Link, ListItem } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Diagnostic, Resource } from './model';
import { error, nodeRange } from './diagnostics';
import { collapseWhitespace } from './ids';

const SINGLE_LINK = 'A resource is a single link: write "- [Title](https://…)"';

/** The resource, or `undefined` (with an `invalid-resource` error) when the item is not one link. */
export function parseResourceItem(path: string, item: ListItem, out: Diagnostic[]): Resource | undefined {
  const range = nodeRange(path, item);
  const link = singleLink(item);
  if (!link) {
    out.push(error('invalid-resource', SINGLE_LINK, range));
    return undefined;
  }
  const title = collapseWhitespace(nodeText(link));
  const url = link.url.trim();
  if (!isHttpUrl(url)) {
    out.push(error('invalid-resource', `Resource "${title}" must link to an http(s) URL, not "${url}"`, range));
    return undefined;
  }
  if (!title) {
    out.push(error('invalid-resource', `The resource link to ${url} has no title`, range));
    return undefined;
  }
  return { title, url };
}

/** The item's only link, when the item holds nothing else but whitespace. */
function singleLink(item: ListItem): Link | undefined {
  if (item.children.length !== 1) return undefined;
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const parts = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = parts[0];
  return parts.length === 1 && only?.type === 'link' ? only : undefined;
}

export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/[^\s/]/i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
