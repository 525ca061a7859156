// The milestone ids of each project, from the roadmap service (which reads each project's
// milestones.md once per load), so the tree can say "2 of 4 milestones". Asked per skill when the
// tree expands it; forgotten when the roadmap changes.
import type { Project } from '../roadmap/model';
import type { MilestoneCell } from '../roadmap/milestoneCells';

export class MilestoneTotals {
  private readonly ids = new Map<string, ReadonlySet<string> | undefined>();

  constructor(private readonly milestonesOf: (projectId: string) => Promise<MilestoneCell[]>) {}

  /** Learns the milestone ids of `projects` not known yet; no milestones means "unknown". */
  async load(projects: readonly Project[]): Promise<void> {
    await Promise.all(projects.filter((p) => !this.ids.has(p.id)).map(async (p) => {
      const cells = await this.milestonesOf(p.id);
      this.ids.set(p.id, cells.length ? new Set(cells.map((c) => c.milestone.id)) : undefined);
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
