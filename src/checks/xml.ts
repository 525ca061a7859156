// A small, forgiving XML reader: enough for pytest's JUnit reports. No dependency, never throws;
// whatever it cannot make sense of is listed in `problems` and reading goes on where it can.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (entities decoded, CDATA included), children's text excluded. */
  text: string;
  /** False when the document ended before the element's end tag (a truncated report). */
  closed: boolean;
}

export interface XmlDocument {
  /** A synthetic root holding the top-level elements. */
  readonly root: XmlElement;
  readonly problems: string[];
}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ATTR = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/=]+))/y;

const MAX_PROBLEMS = 20;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references; others are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    // Out-of-range or surrogate code points would throw in fromCodePoint.
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

function element(name: string, attrs: Record<string, string> = {}): XmlElement {
  return { name, attrs, children: [], text: '', closed: false };
}

export function parseXml(input: string): XmlDocument {
  const text = typeof input === 'string' ? input : '';
  const root = element('#document');
  const problems: string[] = [];
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  const addText = (s: string): void => {
    if (stack.length > 1) top().text += s;
  };

  let i = 0;
  while (i < text.length) {
    // Hopeless input: stop early rather than spend seconds listing its faults.
    if (problems.length >= 1000) break;
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(text.slice(i)));
      break;
    }
    addText(decodeEntities(text.slice(i, lt)));
    // Comments, CDATA, processing instructions and declarations: skip to their terminator.
    const skip = (open: string, close: string): number | undefined => {
      if (!text.startsWith(open, lt)) return undefined;
      const end = text.indexOf(close, lt + open.length);
      if (end < 0) {
        problems.push(`unterminated ${open} at offset ${lt}`);
        return text.length;
      }
      if (open === '<![CDATA[') addText(text.slice(lt + open.length, end));
      return end + close.length;
    };
    const skipped = skip('<!--', '-->') ?? skip('<![CDATA[', ']]>') ?? skip('<?', '?>') ?? skip('<!', '>');
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    if (text.startsWith('</', lt)) {
      i = closeTag(text, lt, stack, problems);
      continue;
    }
    i = openTag(text, lt, stack, problems);
  }
  for (const open of stack.slice(1)) problems.push(`<${open.name}> is never closed`);
  // The first few say what is wrong; thousands would say nothing more.
  return { root, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** Reads `</name>` at `lt`; returns where reading continues. */
function closeTag(text: string, lt: number, stack: XmlElement[], problems: string[]): number {
  const gt = text.indexOf('>', lt);
  if (gt < 0) {
    problems.push(`unterminated end tag at offset ${lt}`);
    return text.length;
  }
  const name = text.slice(lt + 2, gt).trim();
  // Searched from the top: a well-formed end tag matches at once.
  let at = stack.length - 1;
  while (at > 0 && stack[at]?.name !== name) at--;
  if (at <= 0) {
    problems.push(`unexpected </${name}> at offset ${lt}`);
    return gt + 1;
  }
  // Elements left open inside this one are closed with it, as a browser would.
  for (const open of stack.splice(at).reverse()) {
    if (open.name !== name) problems.push(`<${open.name}> is never closed`);
    else open.closed = true;
  }
  return gt + 1;
}

/** Reads a start tag at `lt`; returns where reading continues. */
function openTag(text: string, lt: number, stack: XmlElement[], problems: string[]): number {
  NAME.lastIndex = lt + 1;
  const name = NAME.exec(text)?.[0];
  if (!name) {
    problems.push(`stray "<" at offset ${lt}`);
    stack[stack.length - 1].text += '<';
    return lt + 1;
  }
  const attrs: Record<string, string> = {};
  let i = lt + 1 + name.length;
  for (;;) {
    ATTR.lastIndex = i;
    const m = ATTR.exec(text);
    if (!m) break;
    attrs[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    i = ATTR.lastIndex;
  }
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  const selfClosing = text.startsWith('/>', i);
  if (!selfClosing && text[i] !== '>') {
    if (i >= text.length) {
      problems.push(`unterminated <${name}> tag at offset ${lt}`);
      return text.length;
    }
    // Garbage inside the tag: note it and resume after the next `>`.
    problems.push(`malformed <${name}> tag at offset ${lt}`);
    const gt = text.indexOf('>', i);
    i = gt < 0 ? text.length : gt;
    if (gt < 0) return text.length;
  }
  const el = element(name, attrs);
  stack[stack.length - 1].children.push(el);
  if (selfClosing) {
    el.closed = true;
    return i + 2;
  }
  stack.push(el);
  return i + 1;
}

/** Every element named `name` below `el`, in document order. Iterative: input nesting is unbounded. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const todo: XmlElement[] = [...el.children].reverse();
  for (let e = todo.pop(); e; e = todo.pop()) {
    if (e.name === name) out.push(e);
    for (let k = e.children.length - 1; k >= 0; k--) todo.push(e.children[k]);
  }
  return out;
}
