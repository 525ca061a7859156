// Globs of file checks: `*` and `?` stay within one path segment, `**` spans any number of them.
// Paths are relative and `/`-separated on every platform.

/**
 * A matcher for `glob` over `/`-separated relative paths. It never backtracks more than one star
 * at a time: a segment costs at most (pattern length × name length) steps and `**` runs are
 * followed as a set of states, so `*a*a*a*a*b` or `**` repeated 80 times stay fast.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const pattern = normalizeRelative(glob).split('/');
  return (path) => matchSegments(pattern, normalizeRelative(path).split('/'));
}

/**
 * Pattern segments against path segments, as the set of pattern positions still possible
 * (a nondeterministic automaton run in lockstep). `**` matches zero or more whole segments, and
 * at the end of the pattern one or more (`models/**` is everything below `models`).
 */
function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  const last = pattern.length - 1;
  let states = closure(new Set([0]), pattern);
  for (const segment of path) {
    const next = new Set<number>();
    for (const i of states) {
      const p = pattern[i];
      if (p === undefined) continue;
      if (p === '**') {
        next.add(i); // one more segment inside the `**`
        if (i === last) next.add(i + 1);
      } else if (matchSegment(p, segment)) next.add(i + 1);
    }
    states = closure(next, pattern);
    if (states.size === 0) return false;
  }
  return states.has(pattern.length);
}

/** Adds the positions reachable by letting a non-final `**` match no segment at all. */
function closure(states: Set<number>, pattern: readonly string[]): Set<number> {
  const todo = [...states];
  for (let i = todo.pop(); i !== undefined; i = todo.pop()) {
    if (pattern[i] === '**' && i < pattern.length - 1 && !states.has(i + 1)) {
      states.add(i + 1);
      todo.push(i + 1);
    }
  }
  return states;
}

/** One segment: `*` is any run of characters, `?` one character, the rest literal. */
function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  // Where the latest star was, and how much of the name it has taken so far.
  let star = -1;
  let starName = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      while (pattern[p] === '*') p++;
      star = p;
      starName = n;
    } else if (c !== undefined && (c === '?' || c === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      // Only the latest star needs to take one more character: an earlier one could only lead
      // to the same positions (this is what keeps the matcher from blowing up).
      p = star;
      n = ++starName;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
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
  const matches = globMatcher(glob);
  return paths.map(normalizeRelative).filter(matches).sort();
}
