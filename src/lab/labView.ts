// The lab's view model: a project's milestones, its stored results, the learner's ticks, the run in
// progress, the environment and the test drift turned into the LabState the webview draws. The
// rules of what a milestone shows live here (a running one keeps its last status, hints unlock
// with failed runs, failures from before a tick by hand are marked older). Pure: no `vscode`, no
// disk; the controller gathers the facts.
import type { Check } from '../roadmap/milestones';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { MilestoneMark } from '../progress/state';
import type { LabState, MilestoneView } from '../shared/labProtocol';
import { hasDrift, type TestDrift } from '../checks/testIntegrity';
import { failuresOf, type ProjectResults, type StoredResult } from './labResults';
import { relatedDemo } from './relatedDemos';

export interface LabFacts {
  readonly project: { readonly id: string; readonly title: string; readonly description: string };
  /** The project folder as the learner sees it (workspace-relative) and on disk; absent before scaffolding. */
  readonly folder?: { readonly shown: string; readonly fsPath: string };
  readonly trusted: boolean;
  readonly milestones: readonly MilestoneCell[];
  readonly results: ProjectResults;
  /** The project's milestone ticks from progress. */
  readonly marks: Readonly<Record<string, MilestoneMark>>;
  readonly done: boolean;
  /** The milestones the run in progress checks; undefined when nothing runs. */
  readonly running: ReadonlySet<string> | undefined;
  readonly interpreter?: LabState['interpreter'];
  readonly environment?: LabState['environment'];
  readonly drift: TestDrift | undefined;
  /** "pytest: 3 tests", "ticked by hand", … (localised by the caller). */
  readonly checkLabel: (check: Check) => string;
}

export function labState(facts: LabFacts): LabState {
  const { project, folder, results } = facts;
  const related = relatedDemo(project.id);
  const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined => (Object.hasOwn(record, id) ? record[id] : undefined);
  return {
    projectId: project.id,
    title: project.title,
    description: project.description,
    ...(folder ? { folder: folder.shown } : {}),
    trusted: facts.trusted,
    running: facts.running !== undefined,
    ...(results.output ? { output: results.output } : {}),
    ...(facts.interpreter ? { interpreter: facts.interpreter } : {}),
    ...(facts.environment ? { environment: facts.environment } : {}),
    milestones: facts.milestones.map((cell) => milestoneView(cell, {
      result: own(results.milestones, cell.milestone.id),
      manual: own(facts.marks, cell.milestone.id) === 'manual',
      running: facts.running?.has(cell.milestone.id) ?? false,
      projectDir: folder?.fsPath,
      checkLabel: facts.checkLabel,
    })),
    done: facts.done,
    ...(related ? { relatedDemo: related } : {}),
    ...(hasDrift(facts.drift) ? { testDrift: { changed: [...facts.drift.changed], missing: [...facts.drift.missing] } } : {}),
  };
}

interface MilestoneFacts {
  readonly result: StoredResult | undefined;
  readonly manual: boolean;
  readonly running: boolean;
  readonly projectDir: string | undefined;
  readonly checkLabel: (check: Check) => string;
}

export function milestoneView({ milestone: m, explanation, hints }: MilestoneCell, { result, manual, running, projectDir, checkLabel }: MilestoneFacts): MilestoneView {
  const failedRuns = result?.failedRuns ?? 0;
  const failed = result?.status === 'failed' || result?.status === 'error';
  // Ticked by hand after this run: its failures are history, not the current verdict.
  const beforeManual = manual && failed && !!result?.failures.length && result.markedAt !== undefined && (result.ranAt ?? '') <= result.markedAt;
  return {
    id: m.id,
    title: m.title,
    explanation,
    checkKind: m.check.kind,
    checkLabel: checkLabel(m.check),
    status: running ? 'running' : result?.status ?? 'not-run',
    ...(running && result ? { lastStatus: result.status } : {}),
    ...(result?.headline ? { headline: result.headline } : {}),
    failures: result ? failuresOf(result, projectDir) : [],
    ...(beforeManual ? { failuresBeforeManual: true } : {}),
    manual,
    hints: hints.slice(0, Math.min(failedRuns, hints.length)),
    hintsTotal: m.hints.length,
    compare: m.compare,
    ...(result?.ranAt ? { ranAt: result.ranAt } : {}),
  };
}
