// Every state from the host redraws the lab, which replaces its controls. A keyboard user's focus
// must not fall back to the page each time: remember which control had it (by what it is, not by
// node) and put the focus back on the same control after the redraw. A control that is disabled
// for now (Run during a run) gets it back on the first redraw that enables it again.
const SAME_SLOT: Record<string, string> = { cancel: 'run-all' };

/** What a control is, stable across redraws: its cell (or the header) and its test id or text. */
export function focusKey(target: Element): string | undefined {
  const control = target.closest('vscode-button, summary, a');
  if (!control) return undefined;
  const where = control.closest<HTMLElement>('section[data-milestone]')?.dataset.milestone ?? control.closest<HTMLElement>('details[data-key]')?.dataset.key ?? 'lab';
  const id = control instanceof HTMLElement && control.dataset.testid ? control.dataset.testid : `${control.tagName.toLowerCase()}:${control.textContent?.trim() ?? ''}`;
  return `${where}|${SAME_SLOT[id] ?? id}`;
}

export function keepFocus(root: HTMLElement): (redraw: () => void) => void {
  let last: string | undefined;
  root.addEventListener('focusin', (e) => {
    if (e.target instanceof Element) last = focusKey(e.target) ?? last;
  });
  // Focus that leaves the lab for good (a click elsewhere in the page) is not restored.
  root.addEventListener('focusout', (e) => {
    if (e.relatedTarget instanceof Element && !root.contains(e.relatedTarget)) last = undefined;
  });
  return (redraw) => {
    const active = document.activeElement;
    const ours = active === null || active === document.body || root.contains(active);
    redraw();
    if (!ours || !last) return;
    for (const control of root.querySelectorAll<HTMLElement>('vscode-button, summary, a')) {
      if (focusKey(control) !== last) continue;
      if (!control.hasAttribute('disabled')) control.focus();
      return;
    }
  };
}
