// What the lab knows about one project that comes from disk, read once and kept: its milestones
// (from the roadmap service, which reads them once per load), its template's test files, and how
// the learner's tests differ from them (compared again only when told a test file changed, or for
// another folder; a redraw does not wait for it). So redrawing the lab, which every progress
// change does, reads nothing.
import * as vscode from 'vscode';
import type { Project } from '../roadmap/model';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { TestDrift } from '../checks/testIntegrity';
import { TemplateTestFiles } from './templateTestFiles';
import { projectSegments } from '../roadmap/layout';

/** Where the lab reads and stats files (counted in the editor: see fileReads.ts). */
export type FileReader = Pick<vscode.FileSystem, 'readFile' | 'stat'>;

/** One comparison of a project folder's tests with the template's; `value` once `settled`. */
interface Comparison {
  readonly folder: string;
  readonly drift: Promise<TestDrift | undefined>;
  settled: boolean;
  value?: TestDrift | undefined;
}

export class LabProject {
  private testFiles: TemplateTestFiles | undefined;
  /** The last comparison, and for which project folder (its URI; '' before scaffolding). */
  private drift: Comparison | undefined;

  constructor(
    private current: Project,
    private roadmapFolder: vscode.Uri,
    private readonly files: FileReader,
    private readonly milestonesOf: (projectId: string) => Promise<MilestoneCell[]>,
  ) {}

  get project(): Project {
    return this.current;
  }

  /** The project's folder in the roadmap: milestones.md, template/, solution/. */
  get root(): vscode.Uri {
    return vscode.Uri.joinPath(this.roadmapFolder, ...projectSegments(this.current.id));
  }

  /** Another roadmap (the custom-folder setting) holds the project now: forget what was read. */
  switchRoadmap(folder: vscode.Uri, project: Project): void {
    this.roadmapFolder = folder;
    this.current = project;
    this.testFiles = undefined;
    this.drift = undefined;
  }

  /** The milestones (the roadmap service reads them once per load), none when the project has no readable milestones.md. */
  milestones(): Promise<MilestoneCell[]> {
    return this.milestonesOf(this.current.id);
  }

  tests(): TemplateTestFiles {
    return (this.testFiles ??= new TemplateTestFiles(vscode.Uri.joinPath(this.root, 'template'), this.files));
  }

  /** How `folder`'s tests differ from the template's, compared once per folder until testsChanged(). */
  testDrift(folder: vscode.Uri | undefined): Promise<TestDrift | undefined> {
    return this.comparison(folder).drift;
  }

  /**
   * The comparison for `folder` when it has finished, else undefined: it is started (once) and
   * `onSettled` is called when it ends, so a caller can draw now and again with the answer.
   */
  settledDrift(folder: vscode.Uri | undefined, onSettled: () => void): TestDrift | undefined {
    const comparison = this.comparison(folder);
    if (comparison.settled) return comparison.value;
    void comparison.drift.then(() => { if (this.drift === comparison) onSettled(); }, () => undefined);
    return undefined;
  }

  private comparison(folder: vscode.Uri | undefined): Comparison {
    const key = folder?.toString() ?? '';
    if (this.drift?.folder !== key) {
      const drift = folder ? this.tests().drift(folder) : Promise.resolve(undefined);
      const comparison: Comparison = { folder: key, drift, settled: false };
      drift.then((value) => { comparison.settled = true; comparison.value = value; }, () => { comparison.settled = true; });
      this.drift = comparison;
    }
    return this.drift;
  }

  /** A test file of the project was saved, created, deleted or restored: compare again when asked. */
  testsChanged(): void {
    this.drift = undefined;
  }
}
