// Every id the extension shares with package.json or the workbench, in one place: commands, views,
// settings keys, panels, storage keys, context keys. A unit test checks that the manifest and this
// file agree.

export const EXTENSION_ID = 'ml-roadmap.ml-roadmap';

export const Views = {
  container: 'mlRoadmap',
  tree: 'mlRoadmap.tree',
} as const;

export const Commands = {
  refresh: 'mlRoadmap.refresh',
  openSettings: 'mlRoadmap.openSettings',
  showOverview: 'mlRoadmap.showOverview',
  showProgress: 'mlRoadmap.showProgress',
  markDone: 'mlRoadmap.markDone',
  markNotDone: 'mlRoadmap.markNotDone',
  editNote: 'mlRoadmap.editNote',
  resetSkill: 'mlRoadmap.resetSkill',
  resetAll: 'mlRoadmap.resetAll',
  exportProgress: 'mlRoadmap.exportProgress',
  importProgress: 'mlRoadmap.importProgress',
  openResource: 'mlRoadmap.openResource',
  openTopic: 'mlRoadmap.openTopic',
  scaffoldProject: 'mlRoadmap.scaffoldProject',
  openLab: 'mlRoadmap.openLab',
  openDemos: 'mlRoadmap.openDemos',
  resetProject: 'mlRoadmap.resetProject',
  findInRoadmap: 'mlRoadmap.findInRoadmap',
  toggleDone: 'mlRoadmap.toggleDone',
  openWalkthrough: 'mlRoadmap.openWalkthrough',
} as const;

export const Settings = {
  section: 'mlRoadmap',
  customRoadmapFolder: 'customRoadmapFolder',
  progressScope: 'progress.scope',
  pythonPath: 'pythonPath',
  checksTimeoutSeconds: 'checks.timeoutSeconds',
  labRunOnSave: 'lab.runOnSave',
} as const;

/** The status bar entry of overall progress. */
export const STATUS_BAR_ID = 'mlRoadmap.progress';

/**
 * Ids that are not ours but that the extension relies on: the command VS Code derives from our view
 * id, and a workbench setting it reads. package.json does not declare them. (VS Code's built-in
 * commands, `markdown.showPreview` and the like, are its API and are named where they are called.)
 */
export const WorkbenchIds = {
  /** The command VS Code makes for every view: reveals and focuses the roadmap tree. */
  focusTree: `${Views.tree}.focus`,
  /** Whether VS Code opens a new extension's walkthrough on install (the workbench's setting). */
  openWalkthroughOnInstall: 'workbench.welcomePage.walkthroughs.openOnInstall',
} as const;

export const Panels = {
  lab: 'mlRoadmap.lab',
  demos: 'mlRoadmap.demos',
} as const;

export const StorageKeys = {
  progress: 'mlRoadmap.progress',
  projectFolders: 'mlRoadmap.projectFolders',
  labResults: 'mlRoadmap.labResults',
  demoTab: 'mlRoadmap.demos.tab',
  walkthroughShown: 'mlRoadmap.walkthrough.shown',
} as const;

/** The getting-started walkthrough (package.json contributes.walkthroughs). */
export const WALKTHROUGH_ID = 'mlRoadmap.gettingStarted';

/** Context keys the extension sets when a learner really did something (walkthrough steps). */
export const ContextKeys = {
  topicTicked: 'mlRoadmap.walkthrough.topicTicked',
  projectScaffolded: 'mlRoadmap.walkthrough.projectScaffolded',
  labRunEnded: 'mlRoadmap.walkthrough.labRunEnded',
  pythonReady: 'mlRoadmap.walkthrough.pythonReady',
} as const;
