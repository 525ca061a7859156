// The scaffold feature in the editor: Scaffold Project (the starter into a new folder) and Start
// Project Over (the current folder set aside, a fresh starter in its place), and where each
// scaffolded project lives in this workspace.
import type * as vscode from 'vscode';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { ProjectLocations } from './locations';
import { registerScaffoldCommand } from './command';
import { registerReset } from './reset';

/** `startedOver` hears each project that was started over (the lab forgets its results). */
export function registerScaffold(
  context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore,
  startedOver: (projectId: string) => Promise<void>,
): ProjectLocations {
  const locations = new ProjectLocations(context.workspaceState);
  context.subscriptions.push(locations);
  registerScaffoldCommand(context, roadmap, progress, locations);
  registerReset(context, roadmap, progress, locations, startedOver);
  return locations;
}
