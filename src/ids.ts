// Every id the extension shares with package.json, in one place. A unit test checks that the
// manifest and this file agree.

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

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Settings = {
  section: 'mlRoadmap',
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
