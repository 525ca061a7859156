// The milestone ids of each project, read from the roadmap's `projects/<id>/milestones.md` (the
// build's compiled cells for the built-in roadmap), so the tree can say "2 of 4 milestones".
// Loaded per skill when the tree expands it; forgotten when the roadmap changes.
import * as vscode from 'vscode';
import { milestoneCells } from '../loader/parsing';
import type { Project } from '../roadmap/model';
import { milestonesPath } from '../roadmap/layout';

export class MilestoneTotals {
  private readonly ids = new Map<string, ReadonlySet<string> | undefined>();

  /** Reads the milestone files of `projects` not read yet; a missing or unreadable file means "unknown". */
  async load(folder: vscode.Uri, projects: readonly Project[]): Promise<void> {
    await Promise.all(projects.filter((p) => !this.ids.has(p.id)).map(async (p) => {
      const path = milestonesPath(p.id);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, path)));
        const cells = await milestoneCells({ path, text });
        this.ids.set(p.id, cells.length ? new Set(cells.map((c) => c.milestone.id)) : undefined);
      } catch {
        this.ids.set(p.id, undefined);
      }
    }));
  }

  /** The project's milestone ids, or undefined when unknown (not loaded, or no milestones). */
  of(projectId: string): ReadonlySet<string> | undefined {
    return this.ids.get(projectId);
  }

  clear(): void {
    this.ids.clear();
  }
}
