// The roadmap parser's public API. Bundled on its own as dist/roadmap-parser.js and required
// lazily by the extension, so nothing here may import `vscode`.
export type * from './model';
export { parseRoadmap, type ParseOptions } from './parse';
export { parseMilestones, type Check, type CompareOp, type Milestone, type MilestonesResult } from './milestones';
export { type DiagnosticCode, formatDiagnostic, sortDiagnostics } from './diagnostics';
export { ID_PATTERN, isValidId } from '../shared/safePath';
export { fileRole, type FileRole } from './files';
export { loadRoadmapFolder } from './load';
export { checkRoadmapFolder, countRoadmap, type FolderCheck, type RoadmapCounts } from './checkFolder';
export { markdownTree } from './markdownTree';
export { compileRoadmap } from './compiled';
export { milestoneCells, type MilestoneCell } from './milestoneCells';
