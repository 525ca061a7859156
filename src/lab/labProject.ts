// What the lab knows about one project that comes from disk, read once and kept: its milestones
// (from the roadmap service, which reads them once per load), its template's test files, and how the learner's
// tests differ from them (compared again only when told a test file changed, or for another
// folder). So redrawing the lab, which every progress change does, reads nothing.
import * as vscode from 'vscode';
import type { Project } from '../roadmap/model';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { TestDrift } from '../checks/testIntegrity';
import { TemplateTestFiles } from './templateTestFiles';
import { projectSegments } from '../roadmap/layout';

export type FileReader = Pick<vscode.FileSystem, 'readFile'>;

export class LabProject {
  private testFiles: TemplateTestFiles | undefined;
  /** The last comparison, and for which project folder (its URI; '' before scaffolding). */
  private drift: { readonly folder: string; readonly drift: Promise<TestDrift | undefined> } | undefined;

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
    const key = folder?.toString() ?? '';
    if (this.drift?.folder !== key) this.drift = { folder: key, drift: folder ? this.tests().drift(folder) : Promise.resolve(undefined) };
    return this.drift.drift;
  }

  /** A test file of the project was saved, created, deleted or restored: compare again when asked. */
  testsChanged(): void {
    this.drift = undefined;
  }
}
