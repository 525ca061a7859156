// Where a project's files are in a roadmap folder: `projects/<id>/` holding milestones.md,
// template/ and solution/. The one spelling of that layout, as `/`-separated relative paths (the
// keys of the compiled roadmap and of diagnostics) and as segments (for Uri.joinPath, path.join).

export const PROJECTS_FOLDER = 'projects';

/** What a project folder holds. */
export type ProjectPart = 'milestones.md' | 'template' | 'solution';

/** The segments of `projects/<id>/<part>/<rest…>` (or of the project folder without `part`). */
export function projectSegments(projectId: string, part?: ProjectPart, ...rest: string[]): string[] {
  return [PROJECTS_FOLDER, projectId, ...(part ? [part, ...rest] : [])];
}

/** `projects/<id>/milestones.md`: how the compiled roadmap and diagnostics name a project's milestones. */
export function milestonesPath(projectId: string): string {
  return projectSegments(projectId, 'milestones.md').join('/');
}
