// Draws the lab from the host's state: a header with Run all, then one notebook-like cell per
// milestone (explanation, status, Run, failures first, full output folded, hints, actions).
import type { CheckStatus, FailureView, LabState, MilestoneView, WebviewToHost } from '../../src/shared/labProtocol';
import { badge, button, divider, spinner } from '../ui/toolkit';
import { renderBlocks } from './markdown';
import { el } from '../dom';
import { t } from '../l10n';

export type Send = (message: WebviewToHost) => void;

const statusText = (status: CheckStatus): string => ({
  'not-run': t('not run'), running: t('running…'), passed: t('passed'), failed: t('failed'), error: t('error'),
})[status];

export function renderLab(root: HTMLElement, state: LabState, send: Send): void {
  // Keep folded sections folded (or open) across re-renders.
  const open = new Set([...root.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.key));
  root.replaceChildren(header(state, send), ...notices(state, send), ...state.milestones.map((m, i) => cell(m, i, state, send)));
  if (state.output) {
    const d = el('details', 'output');
    d.dataset.key = 'run-output';
    d.append(el('summary', undefined, t('Full output of the last run')), el('pre', undefined, state.output));
    root.append(d);
  }
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(d.dataset.key)) d.open = true;
}

function header(state: LabState, send: Send): HTMLElement {
  const h = el('header', 'lab-header');
  const titles = el('div', 'titles');
  titles.append(el('h1', undefined, state.title), el('p', 'description', state.description));
  const passed = state.milestones.filter((m) => (m.lastStatus ?? m.status) === 'passed' || m.manual).length;
  const summary = el('div', 'summary');
  summary.append(badge(`${passed}/${state.milestones.length}`), el('span', undefined, state.done ? t(' milestones · project done') : t(' milestones')));
  const actions = el('div', 'actions');
  if (!state.folder) {
    actions.append(button(t('Scaffold Project'), { onClick: () => send({ type: 'scaffold' }), testId: 'scaffold' }));
  } else if (state.running) {
    actions.append(spinner(), button(t('Cancel'), { appearance: 'secondary', onClick: () => send({ type: 'cancel' }), testId: 'cancel' }));
  } else {
    actions.append(button(t('Run All'), { disabled: !state.trusted, onClick: () => send({ type: 'run' }), testId: 'run-all' }));
  }
  if (state.folder && !state.running) {
    actions.append(button(t('Start Over…'), { appearance: 'secondary', title: t('Back to the untouched starter; your current folder is kept under another name'), testId: 'start-over', onClick: () => send({ type: 'startOver' }) }));
  }
  if (state.relatedDemo) {
    actions.append(button(t('Demo: {0}', state.relatedDemo.title), { appearance: 'secondary', title: t('Open the related in-browser demo'), testId: 'open-demo', onClick: () => send({ type: 'openDemo' }) }));
  }
  h.append(titles, summary, actions);
  if (state.folder) h.append(el('p', 'folder', t('Checking {0}', state.folder)));
  if (state.interpreter) {
    const which = el('p', 'interpreter', state.interpreter.reason);
    which.dataset.testid = 'interpreter';
    h.append(which);
  }
  return h;
}

function notices(state: LabState, send: Send): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (!state.trusted) {
    const n = el('div', 'notice warning');
    n.dataset.testid = 'restricted';
    n.append(
      el('strong', undefined, t('Checks are off in Restricted Mode. ')),
      el('span', undefined, t('Running a check executes the project\'s Python code and tests, so it needs a trusted workspace. You can still read the milestones and hints.')),
      button(t('Manage Workspace Trust'), { appearance: 'secondary', onClick: () => send({ type: 'trust' }) }),
    );
    out.push(n);
  }
  if (state.environment) {
    const n = el('div', 'notice error');
    n.dataset.testid = 'environment';
    n.append(el('strong', undefined, t('The Python environment is not ready. ')), el('span', undefined, state.environment.problem));
    const actions = el('div', 'notice-actions');
    if (state.environment.installCommand) {
      n.append(el('code', 'command', state.environment.installCommand));
      actions.append(button(t('Open Terminal to Install'), { appearance: 'secondary', testId: 'install-environment', onClick: () => send({ type: 'installEnvironment' }) }));
    }
    // Another Python may already have what is missing.
    actions.append(
      button(t('Select Interpreter'), { appearance: 'secondary', testId: 'select-interpreter', title: t('Choose the Python that runs the checks'), onClick: () => send({ type: 'selectInterpreter' }) }),
      button(t('Set Python Path'), { appearance: 'secondary', testId: 'set-python-path', title: t('Open the {0} setting', 'mlRoadmap.pythonPath'), onClick: () => send({ type: 'setPythonPath' }) }),
    );
    n.append(actions);
    out.push(n);
  }
  if (state.testDrift) {
    const { changed, missing } = state.testDrift;
    const n = el('div', 'notice warning');
    n.dataset.testid = 'test-drift';
    const files = [...changed.map((f) => t('{0} (edited)', f)), ...missing.map((f) => t('{0} (missing)', f))].join(', ');
    n.append(
      el('strong', undefined, t('These checks are not the original ones. ')),
      el('span', undefined, t('The project\'s tests differ from the template\'s: {0}. A pass then means your edited tests pass, not that the milestone is met. ', files)),
    );
    if (changed.length) n.append(button(t('Show Changes'), { appearance: 'secondary', testId: 'show-test-changes', onClick: () => send({ type: 'showTestChanges' }) }));
    n.append(button(t('Restore Original Tests'), { appearance: 'secondary', testId: 'restore-tests', onClick: () => send({ type: 'restoreTests' }) }));
    out.push(n);
  }
  return out;
}

/** A link that opens a project file at a line, beside the lab (the host checks the file may be opened). */
function fileLink(text: string, path: string, line: number | undefined, send: Send, className = 'file-link'): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = '#';
  a.title = line !== undefined ? t('Open {0} at line {1}', path, line) : t('Open {0}', path);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    send(line !== undefined ? { type: 'openFile', path, line } : { type: 'openFile', path });
  });
  return a;
}

/** The failed test's name, a link to the test when the failure names its file. */
function failureName(f: FailureView, send: Send): HTMLElement {
  const code = el('code', 'name');
  if (f.testFile) code.append(fileLink(f.name, f.testFile.path, f.testFile.line, send, 'test-link'));
  else code.textContent = f.name;
  return code;
}

/** The `file:line` places the failure names; the first is the learner's line that raised. */
function locationLinks(f: FailureView, send: Send): HTMLElement {
  const p = el('p', 'locations');
  p.dataset.testid = 'locations';
  for (const [i, l] of (f.locations ?? []).entries()) {
    if (i) p.append(document.createTextNode(' · '));
    p.append(fileLink(`${l.path}:${l.line}`, l.path, l.line, send));
  }
  return p;
}

function cell(m: MilestoneView, index: number, state: LabState, send: Send): HTMLElement {
  const c = el('section', `cell status-${m.manual && m.status !== 'passed' ? 'manual' : m.status}`);
  c.dataset.milestone = m.id;
  const head = el('div', 'cell-head');
  const status = el('span', 'status', m.manual && m.status !== 'passed' ? t('ticked by hand') : statusText(m.status));
  status.dataset.testid = 'status';
  head.append(el('span', 'index', `[${index + 1}]`), el('h2', undefined, m.title), status);
  const body = el('div', 'explanation');
  body.append(renderBlocks(m.explanation, (url) => send({ type: 'openLink', url })));
  const check = el('div', 'check');
  check.append(el('span', 'check-label', t('Check · {0}', m.checkLabel)));
  if (m.checkKind !== 'manual' && state.folder) {
    check.append(button(t('Run'), {
      appearance: 'secondary', disabled: !state.trusted || state.running, testId: 'run',
      onClick: () => send({ type: 'run', milestoneId: m.id }),
    }));
  }
  c.append(head, body, check);

  // The headline explains a failure; during a new run the last one would only mislead.
  if (m.headline && (m.status === 'failed' || m.status === 'error')) c.append(el('p', 'headline', m.headline));
  if (m.failures.length) {
    const list = el('ul', m.failuresBeforeManual ? 'failures before-manual' : 'failures');
    if (m.failuresBeforeManual) {
      const note = el('p', 'before-manual-note', t('last run, before you marked it done'));
      note.dataset.testid = 'before-manual';
      c.append(note);
    }
    for (const f of m.failures) {
      const li = el('li');
      li.append(failureName(f, send), el('div', 'message', f.message));
      if (f.locations?.length) li.append(locationLinks(f, send));
      if (f.details) {
        const d = el('details');
        d.dataset.key = `${m.id}:${f.name}`;
        d.append(el('summary', undefined, t('Full output')), el('pre', undefined, f.details));
        li.append(d);
      }
      list.append(li);
    }
    c.append(list);
  }
  if (m.hints.length) {
    const h = el('div', 'hints');
    h.append(el('h3', undefined, t('Hints ({0} of {1})', m.hints.length, m.hintsTotal)));
    const ol = el('ol');
    for (const hint of m.hints) { const li = el('li'); li.append(renderBlocks(hint, (url) => send({ type: 'openLink', url }))); ol.append(li); }
    h.append(ol);
    c.append(h);
  } else if (m.hintsTotal && m.status !== 'passed') {
    c.append(el('p', 'hint-locked', m.hintsTotal > 1 ? t('{0} hints unlock one at a time after a failed run.', m.hintsTotal) : t('1 hint unlocks after a failed run.')));
  }
  const actions = el('div', 'cell-actions');
  if (m.status !== 'passed') {
    actions.append(button(m.manual ? t('Untick') : t('Mark Done by Hand'), {
      appearance: 'secondary', testId: 'manual',
      title: m.manual ? t('Remove your manual tick') : t('The check says no but you disagree: tick this milestone yourself'),
      onClick: () => send({ type: 'markManual', milestoneId: m.id, done: !m.manual }),
    }));
  }
  if (m.compare.length && state.folder) {
    actions.append(button(t('Compare with Reference'), { appearance: 'secondary', testId: 'compare', onClick: () => send({ type: 'compare', milestoneId: m.id }) }));
  }
  for (const file of m.compare) {
    if (state.folder) actions.append(button(file, { appearance: 'secondary', title: t('Open {0}', file), onClick: () => send({ type: 'openFile', path: file }) }));
  }
  if (actions.childElementCount) c.append(actions);
  c.append(divider());
  return c;
}
