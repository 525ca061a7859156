// The one rule for web links the extension opens in the browser (roadmap resources): http or
// https, the scheme compared case-insensitively (`HTTPS://…` is a web link too), a host, no spaces
// or control characters, a bounded length. Returns the normalised href to open. No `vscode`.

export const MAX_LINK_LENGTH = 2000;

/** The normalised `http(s)://…` href for a web link, or undefined for anything else. */
export function webLink(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LINK_LENGTH) return undefined;
  // eslint-disable-next-line no-control-regex -- a link with a control character is refused
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return undefined;
  if (!/^https?:\/\/[^/]/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.href;
}
