// Finds keys that occur twice in one JSON object (JSON.parse silently keeps the last one). A
// single linear pass without recursion, so deep nesting cannot overflow the stack; meant for text
// JSON.parse has already accepted. Pure: no `vscode`.

interface Frame {
  /** Keys seen so far; undefined for an array. */
  readonly keys?: Set<string>;
  /** The enclosing object or array (a link, so deep nesting costs no copies). */
  readonly parent?: Frame;
  /** Object: the key of the value being read; array: its index. */
  at: string;
  index: number;
  expectKey: boolean;
}

/** The paths (`items → a → note`) of up to `limit` duplicate keys, in order of appearance. */
export function duplicateKeys(text: string, limit = 5): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < text.length && found.length < limit; i++) {
    const c = text[i];
    if (c === '"') {
      const end = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) found.push([...pathOf(top), key].join(' → '));
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      stack.push({ keys: new Set(), parent: stack[stack.length - 1], at: '', index: 0, expectKey: true });
    } else if (c === '[') {
      stack.push({ parent: stack[stack.length - 1], at: '0', index: 0, expectKey: false });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = String(++top.index);
    }
  }
  return found;
}

/** The keys and indexes that lead to the value `frame` is reading. */
function pathOf(frame: Frame): string[] {
  const path: string[] = [];
  for (let f = frame.parent; f; f = f.parent) path.push(f.at);
  return path.reverse();
}

/** The index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
