// Globs of file checks: `*` and `?` stay within one path segment, `**` spans any number of them.
// Paths are relative and `/`-separated on every platform.

/** Turns a glob into an anchored regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  const segments = normalizeRelative(glob).split('/');
  let source = '';
  segments.forEach((segment, k) => {
    const last = k === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole directories; at the end, anything below.
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    source += segment.replace(/\*+|\?|[^*?]+/g, (part) => (part[0] === '*' ? '[^/]*' : part === '?' ? '[^/]' : escapeRegExp(part)));
    if (!last) source += '/';
  });
  return new RegExp(`^${source}$`);
}

export function hasWildcard(glob: string): boolean {
  return /[*?]/.test(glob);
}

/** The leading folders of a glob that contain no wildcard: where a search can start. */
export function globBase(glob: string): string {
  const segments = normalizeRelative(glob).split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (hasWildcard(s)) break;
    fixed.push(s);
  }
  return fixed.join('/');
}

/** `./a\\b/` → `a/b`: the spelling paths are compared in. */
export function normalizeRelative(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/$/, '');
}

/** The paths (sorted) that match `glob`. */
export function matchGlob(glob: string, paths: readonly string[]): string[] {
  const re = globToRegExp(glob);
  return paths.map(normalizeRelative).filter((p) => re.test(p)).sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
