// A small, safe subset of markdown as plain data, for the webview to turn into DOM nodes itself
// (never through innerHTML). The host builds it from remark's tree; raw HTML becomes text.

export type MdInline =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'em' | 'strong' | 'del'; readonly c: readonly MdInline[] }
  | { readonly t: 'link'; readonly href: string; readonly c: readonly MdInline[] }
  | { readonly t: 'br' };

export type MdBlock =
  | { readonly t: 'p'; readonly c: readonly MdInline[] }
  | { readonly t: 'h'; readonly depth: number; readonly c: readonly MdInline[] }
  | { readonly t: 'pre'; readonly lang?: string; readonly v: string }
  | { readonly t: 'list'; readonly ordered: boolean; readonly items: readonly (readonly MdBlock[])[] }
  | { readonly t: 'quote'; readonly c: readonly MdBlock[] }
  | { readonly t: 'hr' };

/**
 * How deep blocks and inlines may nest in a tree sent to a webview (each list, quote, emphasis or
 * link is one level); what lies deeper is kept as its plain text.
 */
export const MAX_MD_DEPTH = 24;

/**
 * The link target a tree may carry: an absolute http(s) URL, trimmed, or undefined. Any other
 * scheme (`javascript:`, `command:`, `data:`, `file:`, in any case or spacing) is dropped.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  const trimmed = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // eslint-disable-next-line no-control-regex -- and what it refuses inside a link
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  return /^https?:\/\/[^/\\\s]/i.test(trimmed) ? trimmed : undefined;
}
