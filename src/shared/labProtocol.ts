// The lab's state and the messages between the extension host and the lab webview (the demo
// gallery's are in demoProtocol.ts). One union per direction; everything the webview sends is
// untrusted and checked by `isWebviewMessage` before the host acts on it. No `vscode`, no DOM.
import type { MdBlock } from './markdownTree';
import { webLink } from './webLink';
import { ID_PATTERN, isSafeRelativePath } from './safePath';

export type CheckStatus = 'not-run' | 'running' | 'passed' | 'failed' | 'error';

export interface FailureView {
  /** The expectation that failed, e.g. `tests/test_x.py::test_y`. */
  readonly name: string;
  readonly message: string;
  readonly details?: string;
  /** The project places the failure names, the learner's raising line first (links that open the file there). */
  readonly locations?: readonly { readonly path: string; readonly line: number }[];
  /** The test file the failure's name points at, and the line of the test when the failure names it. */
  readonly testFile?: { readonly path: string; readonly line?: number };
}

export interface MilestoneView {
  readonly id: string;
  readonly title: string;
  readonly explanation: readonly MdBlock[];
  /** "pytest: 3 tests", "file: model.onnx", … */
  readonly checkLabel: string;
  /**
   * A check kind's name from the table of src/checks/kinds (`CheckKindName`). A plain string here:
   * the webview only tells `manual` apart, and a new kind must not need a webview change.
   */
  readonly checkKind: string;
  readonly status: CheckStatus;
  /** While a run is in progress (`status` is running): the result it will replace. */
  readonly lastStatus?: CheckStatus;
  readonly headline?: string;
  readonly failures: readonly FailureView[];
  /** The failures are from the last run, before the learner ticked the milestone by hand. */
  readonly failuresBeforeManual?: boolean;
  /** Ticked by hand by the learner, distinct from passed. */
  readonly manual: boolean;
  /** Unlocked hints only, as markdown. */
  readonly hints: readonly (readonly MdBlock[])[];
  readonly hintsTotal: number;
  readonly compare: readonly string[];
  readonly ranAt?: string;
}

export interface LabState {
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  /** Where the learner's project is, relative to the workspace; undefined before scaffolding. */
  readonly folder?: string;
  readonly trusted: boolean;
  readonly running: boolean;
  /** Output of the last run, capped, shown folded. */
  readonly output?: string;
  /** The Python of the last run and why it was chosen ("Using /usr/bin/python3: it has numpy…"). */
  readonly interpreter?: { readonly python?: string; readonly reason: string };
  /** Set when the environment is not ready (no Python, a missing module…). */
  readonly environment?: { readonly problem: string; readonly installCommand?: string };
  readonly milestones: readonly MilestoneView[];
  readonly done: boolean;
  /** A demo of the gallery that goes with this project. */
  readonly relatedDemo?: { readonly id: string; readonly title: string };
  /** Set when the project's tests are not the ones the template shipped: results check the edited ones. */
  readonly testDrift?: { readonly changed: readonly string[]; readonly missing: readonly string[] };
}

export type WebviewToHost =
  | { readonly type: 'ready' }
  /** Sent once after the first state is drawn (for the first-paint benchmark). */
  | { readonly type: 'painted' }
  /** Run one milestone's check, or all of them. */
  | { readonly type: 'run'; readonly milestoneId?: string }
  | { readonly type: 'cancel' }
  | { readonly type: 'markManual'; readonly milestoneId: string; readonly done: boolean }
  | { readonly type: 'compare'; readonly milestoneId: string }
  /** Open a project file the lab offers or a failure names, at `line` (1-based) when given. */
  | { readonly type: 'openFile'; readonly path: string; readonly line?: number }
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'scaffold' }
  | { readonly type: 'trust' }
  | { readonly type: 'installEnvironment' }
  /** Choose the Python for the checks (the Python extension's picker, or ours). */
  | { readonly type: 'selectInterpreter' }
  /** Open the mlRoadmap.pythonPath setting. */
  | { readonly type: 'setPythonPath' }
  | { readonly type: 'openDemo' }
  /** Diff the edited test files against the template's. */
  | { readonly type: 'showTestChanges' }
  /** Put the template's tests back (the edited copies are kept). */
  | { readonly type: 'restoreTests' }
  /** Back to the untouched starter (the current folder is kept under another name). */
  | { readonly type: 'startOver' };

export type HostToWebview =
  | { readonly type: 'state'; readonly state: LabState };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (m: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(m).every((k) => keys.includes(k));
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= 10_000_000;
const isMilestoneId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && ID_PATTERN.test(v);
/** A project-relative path the lab may open: the one safe-path rule (src/shared/safePath.ts), bounded in length. */
const isRelativePath = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && isSafeRelativePath(v);

/** The runtime guard for everything the webview sends. Unknown or malformed messages are dropped. */
export function isWebviewMessage(value: unknown): value is WebviewToHost {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  const m = value;
  switch (m.type) {
    case 'ready':
    case 'painted':
    case 'cancel':
    case 'scaffold':
    case 'trust':
    case 'installEnvironment':
    case 'selectInterpreter':
    case 'setPythonPath':
    case 'openDemo':
    case 'showTestChanges':
    case 'restoreTests':
    case 'startOver':
      return hasOnly(m, ['type']);
    case 'run':
      return hasOnly(m, ['type', 'milestoneId']) && (m.milestoneId === undefined || isMilestoneId(m.milestoneId));
    case 'markManual':
      return hasOnly(m, ['type', 'milestoneId', 'done']) && isMilestoneId(m.milestoneId) && typeof m.done === 'boolean';
    case 'compare':
      return hasOnly(m, ['type', 'milestoneId']) && isMilestoneId(m.milestoneId);
    case 'openFile':
      return hasOnly(m, ['type', 'path', 'line']) && isRelativePath(m.path) && (m.line === undefined || isLine(m.line));
    case 'openLink':
      return hasOnly(m, ['type', 'url']) && webLink(m.url) !== undefined;
    default:
      return false;
  }
}
