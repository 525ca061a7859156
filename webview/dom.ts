// The webview apps' one DOM helper for building elements, and the `data-testid` the e2e tests find
// them by. The UI toolkit's controls come from webview/ui/ instead.

/** A `tag` element with an optional class, holding `content`: text (as textContent, never HTML) or nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string | Iterable<Node>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (typeof content === 'string') e.textContent = content;
  else if (content) for (const node of content) e.append(node);
  return e;
}

/** Tags `e` for the e2e tests; returns it. */
export function testId<T extends HTMLElement>(e: T, id: string): T {
  e.dataset.testid = id;
  return e;
}
