// The tree row that has keyboard focus. VS Code 1.100 gives extensions the selection only (the
// focused item, TreeView.activeItem, is still a proposed API), and arrow keys move the focus
// without selecting. So: toggle the focused row in or out of the selection with the workbench's
// own `list.toggleSelection` (which opens nothing), read which row changed, and select that row.
import * as vscode from 'vscode';

const SELECTION_EVENT_WAIT_MS = 5000;

/** Runs `action` and waits until the view tells the extension about the selection it caused. */
async function withSelectionEvent<T>(view: vscode.TreeView<T>, action: () => Thenable<unknown>): Promise<void> {
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const changed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SELECTION_EVENT_WAIT_MS);
    listener = view.onDidChangeSelection(() => resolve());
  });
  try {
    await action();
    await changed;
  } finally {
    clearTimeout(timer);
    listener?.dispose();
  }
}

/** The focused row of `view` (which must hold the keyboard focus), now selected; undefined when it cannot tell. */
export async function focusedItem<T>(view: vscode.TreeView<T>, key: (node: T) => string): Promise<T | undefined> {
  const before = [...view.selection];
  await withSelectionEvent(view, () => vscode.commands.executeCommand('list.toggleSelection'));
  const beforeKeys = new Set(before.map(key));
  const after = [...view.selection];
  const afterKeys = new Set(after.map(key));
  const flipped = [...before.filter((n) => !afterKeys.has(key(n))), ...after.filter((n) => !beforeKeys.has(key(n)))];
  // No single row changed (the tree did not have the keyboard): acting on a guess could tick the wrong row.
  const focused = flipped.length === 1 ? flipped[0] : undefined;
  const selected = view.selection.length === 1 && focused !== undefined && key(view.selection[0]) === key(focused);
  if (focused !== undefined && !selected) await withSelectionEvent(view, () => view.reveal(focused, { select: true, focus: true }));
  return focused;
}
