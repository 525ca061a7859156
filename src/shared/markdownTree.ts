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
